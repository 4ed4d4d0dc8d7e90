/**
 * A trivial Tinker-shaped HTTP server for the per-layer micro-benchmark, run in its own process so
 * its CPU is not counted against the client: every submit answers `{"request_id":…}` at once and
 * every retrieve_future answers a completed save/load result. Start-up endpoints answer just
 * enough for a session (client/config `{}`, dynamic_config 404, create_session, heartbeat).
 *
 * Prints `port=<n>` on stdout once listening; exits when stdin closes.
 */
import * as http from "node:http";

const JSON_TYPE = "application/json";
const RESULT = Buffer.from(JSON.stringify({ path: "tinker://micro:train:0/weights/ckpt", type: "save_weights" }));
const EMPTY = Buffer.from("{}");
const SESSION = Buffer.from(JSON.stringify({ session_id: "micro-session" }));
const NOT_FOUND = Buffer.from(JSON.stringify({ detail: "Not Found" }));

let nextRequestId = 0;

function reply(res: http.ServerResponse, status: number, body: Buffer): void {
  res.writeHead(status, { "content-type": JSON_TYPE, "content-length": body.length });
  res.end(body);
}

function answer(path: string, res: http.ServerResponse): void {
  switch (path) {
    case "/api/v1/retrieve_future":
      return reply(res, 200, RESULT);
    case "/api/v1/client/config":
    case "/api/v1/session_heartbeat":
      return reply(res, 200, EMPTY);
    case "/api/v1/client/dynamic_config":
      return reply(res, 404, NOT_FOUND);
    case "/api/v1/create_session":
      return reply(res, 200, SESSION);
    default:
      return reply(res, 200, Buffer.from(`{"request_id":"micro-${nextRequestId++}"}`));
  }
}

const server = http.createServer({ keepAliveTimeout: 60_000 }, (req, res) => {
  // Drain the body before answering so the keep-alive socket stays usable.
  req.on("data", () => {});
  req.on("end", () => answer(req.url ?? "/", res));
});
// New connections say whether a client reuses its keep-alive sockets (reported on exit).
let connections = 0;
server.on("connection", () => connections++);
process.on("SIGTERM", () => {
  process.stderr.write(`trivial server: ${connections} connections\n`);
  process.exit(0);
});
server.listen(0, "127.0.0.1", () => {
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("no TCP address");
  process.stdout.write(`port=${address.port}\n`);
});
process.stdin.on("end", () => process.exit(0));
process.stdin.resume();
