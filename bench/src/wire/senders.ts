import * as http from "node:http";
import type { RenderedRequest } from "./template.js";

export interface RawResponse {
  status: number;
  contentType: string;
  body: Buffer;
}

/** Moves one rendered request over the wire; the two implementations are the two floors. */
export interface Sender {
  readonly name: string;
  send(req: RenderedRequest): Promise<RawResponse>;
  close(): void;
}

/** Node's built-in `fetch` (undici), the global dispatcher. */
export function fetchSender(baseUrl: string): Sender {
  return {
    name: "fetch",
    async send(req) {
      const init: RequestInit = { method: req.method, headers: req.headers };
      if (req.method !== "GET" && req.method !== "HEAD") init.body = req.body as unknown as BodyInit;
      const res = await fetch(baseUrl + req.path, init);
      const body = Buffer.from(await res.arrayBuffer());
      return { status: res.status, contentType: res.headers.get("content-type") ?? "", body };
    },
    close() {},
  };
}

/** `node:http` with one keep-alive agent: the cheapest exchange Node offers without native code. */
export function httpSender(baseUrl: string): Sender {
  const url = new URL(baseUrl);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
  return {
    name: "node:http",
    send(req) {
      return new Promise<RawResponse>((resolve, reject) => {
        const headers: Record<string, string | number> = {};
        for (const [k, v] of req.headers) headers[k] = v;
        if (req.method !== "GET") headers["content-length"] = req.body.length;
        const r = http.request(
          { host: url.hostname, port: url.port, method: req.method, path: req.path, headers, agent },
          (res) => {
            const chunks: Buffer[] = [];
            res.on("data", (c: Buffer) => chunks.push(c));
            res.on("error", reject);
            res.on("end", () =>
              resolve({
                status: res.statusCode ?? 0,
                contentType: String(res.headers["content-type"] ?? ""),
                body: chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks),
              }),
            );
          },
        );
        r.on("error", reject);
        r.setNoDelay(true);
        r.end(req.method === "GET" ? undefined : req.body);
      });
    },
    close() {
      agent.destroy();
    },
  };
}
