/**
 * A tiny programmable HTTP server on 127.0.0.1 for engine tests over real sockets (the emulator
 * covers the Tinker semantics; this one lets a test script exact status codes, headers, stalls
 * and connection resets).
 */
import * as http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll } from "vitest";

export interface Recorded {
  readonly method: string;
  readonly path: string;
  readonly headers: http.IncomingHttpHeaders;
  readonly body: Buffer;
  readonly text: string;
  json(): any;
}

export interface Reply {
  readonly status?: number;
  readonly headers?: Record<string, string>;
  readonly json?: unknown;
  readonly body?: string | Buffer;
  /** Never answer (until the client gives up / the server closes). */
  readonly stall?: boolean;
  /** Destroy the socket without answering. */
  readonly reset?: boolean;
  readonly delayMs?: number;
}

/** `index`: how many requests to the same path this handler has seen before (stragglers of earlier tests on other paths do not shift it). */
export type Handler = (req: Recorded, index: number) => Reply | Promise<Reply>;

export interface TestServer {
  readonly url: string;
  readonly requests: Recorded[];
  handle(handler: Handler): void;
  close(): Promise<void>;
}

export async function startTestServer(handler: Handler = () => ({ status: 200, json: {} })): Promise<TestServer> {
  let current = handler;
  let counts = new Map<string, number>();
  const requests: Recorded[] = [];
  const sockets = new Set<import("node:net").Socket>();
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks);
      const text = body.toString("utf8");
      const rec: Recorded = { method: req.method ?? "", path: req.url ?? "", headers: req.headers, body, text, json: () => JSON.parse(text) };
      requests.push(rec);
      const index = counts.get(rec.path) ?? 0;
      counts.set(rec.path, index + 1);
      Promise.resolve(current(rec, index)).then(
        async (reply) => {
          if (reply.delayMs) await new Promise((r) => setTimeout(r, reply.delayMs));
          if (reply.reset) {
            req.socket.destroy();
            return;
          }
          if (reply.stall) return;
          const headers: Record<string, string> = { ...reply.headers };
          let payload: string | Buffer = "";
          if (reply.json !== undefined) {
            payload = JSON.stringify(reply.json);
            headers["content-type"] ??= "application/json";
          } else if (reply.body !== undefined) payload = reply.body;
          res.writeHead(reply.status ?? 200, headers);
          res.end(payload);
        },
        (e: unknown) => {
          res.writeHead(599);
          res.end(String(e));
        },
      );
    });
  });
  server.on("connection", (s) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    handle(h) {
      current = h;
      counts = new Map();
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

/**
 * A test server for the calling test file: started before its tests, closed after them, its request
 * log cleared after each test. The returned object stands for it once the file's tests run.
 */
export function useTestServer(): TestServer {
  let started: TestServer | undefined;
  beforeAll(async () => {
    started = await startTestServer();
  });
  afterAll(() => started?.close());
  afterEach(() => {
    if (started !== undefined) started.requests.length = 0;
  });
  const server = (): TestServer => {
    if (started === undefined) throw new Error("useTestServer: the server is only there while the file's tests run");
    return started;
  };
  return {
    get url() {
      return server().url;
    },
    get requests() {
      return server().requests;
    },
    handle: (handler) => server().handle(handler),
    close: () => server().close(),
  };
}

/** Options for a client pointed at `url` with a fixed environment (never the real one). */
export const TEST_KEY = "tml-test-secret-key-0123456789";
