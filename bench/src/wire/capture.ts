import * as http from "node:http";
import type { AddressInfo } from "node:net";

/** One HTTP request exactly as a client put it on the wire (header names as sent, in order). */
export interface CapturedRequest {
  method: string;
  path: string;
  headers: Array<[string, string]>;
  body: Buffer;
  responseStatus: number;
  responseBody: Buffer;
  responseContentType: string;
}

export interface CaptureProxy {
  url: string;
  readonly requests: CapturedRequest[];
  /** Bytes of request bodies and of requests' header blocks seen so far. */
  close(): Promise<void>;
}

/**
 * A recording reverse proxy in front of the emulator. Whatever a client sends through it is kept
 * byte for byte, so the raw loops can replay the client's own bytes and tests can compare them.
 * Only used in untimed capture passes: it would otherwise add an event loop hop to the timings.
 */
export async function startCaptureProxy(upstream: string): Promise<CaptureProxy> {
  const target = new URL(upstream);
  const agent = new http.Agent({ keepAlive: true });
  const requests: CapturedRequest[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks);
      const headers: Array<[string, string]> = [];
      for (let i = 0; i < req.rawHeaders.length; i += 2) headers.push([req.rawHeaders[i]!, req.rawHeaders[i + 1]!]);
      const forwardHeaders: Record<string, string> = {};
      for (const [k, v] of headers) {
        const lower = k.toLowerCase();
        if (lower === "host" || lower === "connection") continue;
        forwardHeaders[lower] = forwardHeaders[lower] === undefined ? v : `${forwardHeaders[lower]}, ${v}`;
      }
      const up = http.request(
        { host: target.hostname, port: target.port, method: req.method, path: req.url, headers: forwardHeaders, agent },
        (upRes) => {
          const out: Buffer[] = [];
          upRes.on("data", (c: Buffer) => out.push(c));
          upRes.on("end", () => {
            const responseBody = Buffer.concat(out);
            requests.push({
              method: req.method ?? "GET",
              path: req.url ?? "/",
              headers,
              body,
              responseStatus: upRes.statusCode ?? 0,
              responseBody,
              responseContentType: String(upRes.headers["content-type"] ?? ""),
            });
            const resHeaders = { ...upRes.headers };
            delete resHeaders["transfer-encoding"];
            delete resHeaders["connection"];
            resHeaders["content-length"] = String(responseBody.length);
            res.writeHead(upRes.statusCode ?? 502, resHeaders);
            res.end(responseBody);
          });
        },
      );
      up.on("error", (err) => {
        res.writeHead(502, { "content-type": "text/plain" });
        res.end(String(err));
      });
      up.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
        agent.destroy();
      }),
  };
}
