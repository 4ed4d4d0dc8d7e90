/**
 * A trivial Tinker-shaped HTTP server for the per-layer micro-benchmark, run in its own process so
 * its CPU is not counted against the client: every submit answers `{"request_id":…}` at once and
 * every retrieve_future answers a completed save/load result (or, for a forward_backward, the
 * ForwardBackwardOutput protobuf the benchmark sent over IPC). Start-up endpoints answer just
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
/** A ForwardBackwardOutput in protobuf, sent by the benchmark over IPC (see layers.ts). */
let forwardBackwardResult: Buffer | undefined;
const forwardBackwardIds = new Set<string>();
process.on("message", (message: { forwardBackwardResult?: string }) => {
  if (message.forwardBackwardResult !== undefined) forwardBackwardResult = Buffer.from(message.forwardBackwardResult, "base64");
  process.send?.("ready");
});

function reply(res: http.ServerResponse, status: number, body: Buffer): void {
  res.writeHead(status, { "content-type": JSON_TYPE, "content-length": body.length });
  res.end(body);
}

function answer(path: string, body: string, res: http.ServerResponse): void {
  switch (path) {
    case "/api/v1/retrieve_future": {
      const id = forwardBackwardIds.size > 0 ? (JSON.parse(body) as { request_id: string }).request_id : "";
      if (forwardBackwardResult !== undefined && forwardBackwardIds.delete(id)) {
        res.writeHead(200, { "content-type": "application/x-protobuf", "content-length": forwardBackwardResult.length });
        res.end(forwardBackwardResult);
        return;
      }
      return reply(res, 200, RESULT);
    }
    case "/api/v1/client/config":
    case "/api/v1/session_heartbeat":
      return reply(res, 200, EMPTY);
    case "/api/v1/client/dynamic_config":
      return reply(res, 404, NOT_FOUND);
    case "/api/v1/create_session":
      return reply(res, 200, SESSION);
    case "/api/v1/forward_backward": {
      const id = `micro-fb-${nextRequestId++}`;
      forwardBackwardIds.add(id);
      return reply(res, 200, Buffer.from(`{"request_id":"${id}"}`));
    }
    default:
      return reply(res, 200, Buffer.from(`{"request_id":"micro-${nextRequestId++}"}`));
  }
}

const server = http.createServer({ keepAliveTimeout: 60_000 }, (req, res) => {
  // Read the whole body before answering so the keep-alive socket stays usable.
  const chunks: Buffer[] = [];
  req.on("data", (chunk: Buffer) => chunks.push(chunk));
  req.on("end", () => answer(req.url ?? "/", req.url === "/api/v1/retrieve_future" ? Buffer.concat(chunks).toString("utf8") : "", res));
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
