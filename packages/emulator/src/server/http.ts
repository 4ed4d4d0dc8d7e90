/** The HTTP server: auth, faults, body decoding, validation, routing, CORS and recording around the handlers. */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";
import type { Authenticator, Principal } from "./auth.js";
import { decodeBody, readBody } from "./body.js";
import { badRequest, HttpError } from "./errors.js";
import type { FaultInjector } from "./faults.js";
import { RequestLifetime } from "./lifetime.js";
import { RequestTarget } from "./target.js";
import { type RecordedBody, recordBody, type Recorder, redactHeaders } from "./recorder.js";
import type { Router } from "./router.js";
import type { EmRequest, Reply } from "./types.js";
import { validateBody } from "./validate.js";

export interface HttpServerOptions {
  readonly router: Router;
  readonly auth: Authenticator;
  readonly faults: FaultInjector;
  readonly recorder: Recorder | undefined;
  /** `true` = any origin, a string = that origin. */
  readonly cors: boolean | string;
  /** Reject plain API keys except on `plainKey` routes (the client must use its exchanged JWT). */
  readonly jwtRequired: boolean;
}

export interface RunningServer {
  readonly server: Server;
  readonly port: number;
  close(): Promise<void>;
}

export async function listen(options: HttpServerOptions, host: string, port: number): Promise<RunningServer> {
  const shutdown = new AbortController();
  const sockets = new Set<Socket>();
  const server = createServer((req, res) => {
    void handle(options, req, res, shutdown.signal);
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  return {
    server,
    port: (server.address() as AddressInfo).port,
    close: async () => {
      shutdown.abort();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      for (const socket of sockets) socket.destroy();
      await closed;
    },
  };
}

async function handle(options: HttpServerOptions, req: IncomingMessage, res: ServerResponse, shutdown: AbortSignal): Promise<void> {
  const url = new RequestTarget(req.url ?? "/");
  const method = (req.method ?? "GET").toUpperCase();
  const path = url.path;
  const lifetime = new RequestLifetime(res, shutdown);

  let raw: Buffer = Buffer.alloc(0);
  let reply: Reply;
  let fault: EmRequest["fault"];
  try {
    raw = await readBody(req);
    if (method === "OPTIONS" && options.cors) {
      reply = { status: 204, empty: true };
    } else {
      try {
        fault = options.faults.select(method, path, header(req, "x-emulator-fault"));
      } catch (error) {
        throw badRequest(`X-Emulator-Fault: ${(error as Error).message}`, "x-emulator-fault");
      }
      if (fault?.stallMs !== undefined) {
        const signal = lifetime.signal;
        if (fault.stallMs === Infinity) await new Promise((resolve) => signal.addEventListener("abort", resolve, { once: true }));
        else await sleep(fault.stallMs, undefined, { signal }).catch(() => undefined);
        if (signal.aborted) return;
      }
      if (fault?.reset) {
        req.socket.destroy();
        record(options, req, url, raw, { status: 0, headers: {}, body: null });
        return;
      }
      if (fault?.status !== undefined) {
        const headers: Record<string, string> = {};
        if (fault.retryAfter !== undefined) headers["retry-after"] = fault.retryAfter;
        if (fault.retryAfterMs !== undefined) headers["retry-after-ms"] = fault.retryAfterMs;
        if (fault.shouldRetry !== undefined) headers["x-should-retry"] = fault.shouldRetry;
        const body: Record<string, unknown> = { detail: `injected fault: status ${fault.status}` };
        if (fault.status === 408) body["queue_state"] = fault.queueState ?? "active";
        reply = { status: fault.status, json: body, headers };
      } else {
        reply = await route(options, req, method, path, url, raw, fault, lifetime);
      }
    }
  } catch (error) {
    reply = errorReply(error);
  }
  if (lifetime.aborted && !res.writable) return;
  send(options, req, res, url, raw, reply, fault?.delayBodyMs);
}

async function route(options: HttpServerOptions, req: IncomingMessage, method: string, path: string, url: RequestTarget, raw: Buffer, fault: EmRequest["fault"], lifetime: RequestLifetime): Promise<Reply> {
  const match = options.router.match(method, path);
  if (!("route" in match)) {
    if (match.methodMismatch) throw new HttpError(405, `${method} is not allowed on ${path}`);
    throw new HttpError(404, `no endpoint ${method} ${path}`);
  }
  const principal: Principal = match.route.auth === false ? { owner: "anonymous" } : options.auth.require(header(req, "x-api-key"));
  if (options.jwtRequired && principal.apiKey !== undefined && !match.route.plainKey) {
    throw new HttpError(401, `${path} needs the JWT from /api/v1/auth/token in X-API-Key, not the API key (JWT auth is on)`);
  }
  const body = decodeBody(raw, header(req, "content-encoding"));
  let parsed: { value: unknown } | undefined;
  const emRequest: EmRequest = {
    method,
    path,
    params: match.params,
    get query() {
      return url.query;
    },
    headers: req.headers,
    body,
    principal,
    fault,
    get signal() {
      return lifetime.signal;
    },
    header: (name) => header(req, name),
    json<T>(schema: string): T {
      if (!parsed) {
        const text = utf8(body);
        try {
          parsed = { value: text.length === 0 ? {} : JSON.parse(text) };
        } catch {
          throw badRequest(`request body is not valid JSON`);
        }
      }
      return validateBody<T>(schema, parsed.value);
    },
    rawJson(): unknown {
      try {
        return JSON.parse(utf8(body));
      } catch {
        return undefined;
      }
    },
  };
  return match.route.handler(emRequest);
}

function errorReply(error: unknown): Reply {
  if (error instanceof HttpError) return { status: error.status, json: error.body(), headers: error.headers };
  const message = error instanceof Error ? error.message : String(error);
  return { status: 500, json: { detail: `emulator error: ${message}` } };
}

function send(options: HttpServerOptions, req: IncomingMessage, res: ServerResponse, url: RequestTarget, raw: Buffer, reply: Reply, delayBodyMs: number | undefined): void {
  const headers: Record<string, string> = { ...(reply.headers ?? {}) };
  if (options.cors) {
    headers["access-control-allow-origin"] = options.cors === true ? (header(req, "origin") ?? "*") : options.cors;
    headers["access-control-allow-headers"] = header(req, "access-control-request-headers") ?? "*";
    headers["access-control-allow-methods"] = "GET, POST, PUT, DELETE, OPTIONS";
    headers["access-control-expose-headers"] = "*";
    headers["vary"] = "Origin";
  }
  // A string body goes out in one write with the headers (Node joins them); a Buffer needs a writev.
  let bytes: Uint8Array | string | undefined;
  if ("json" in reply) {
    bytes = JSON.stringify(reply.json);
    headers["content-type"] = "application/json";
  } else if ("text" in reply) {
    bytes = reply.text;
    headers["content-type"] = reply.contentType;
  } else if ("binary" in reply) {
    bytes = reply.binary;
    headers["content-type"] = reply.contentType;
  } else if ("stream" in reply) {
    headers["content-type"] = reply.contentType;
  }
  if (bytes !== undefined) headers["content-length"] = String(typeof bytes === "string" ? Buffer.byteLength(bytes) : bytes.byteLength);
  else if ("empty" in reply) headers["content-length"] = "0";
  res.writeHead(reply.status, headers);
  if (delayBodyMs !== undefined) {
    res.flushHeaders();
    if (delayBodyMs !== Infinity) {
      const timer = setTimeout(() => res.end(bytes), delayBodyMs);
      res.on("close", () => clearTimeout(timer));
    }
  } else if ("stream" in reply) {
    reply.stream.pipe(res);
    reply.stream.on("error", () => res.destroy());
  } else {
    res.end(bytes);
  }
  if (!options.recorder) return;
  const responseBody: RecordedBody = bytes !== undefined ? recordBody(typeof bytes === "string" ? Buffer.from(bytes) : bytes, headers["content-type"], undefined) : null;
  record(options, req, url, raw, { status: reply.status, headers: redactHeaders(headers), body: responseBody });
}

function utf8(bytes: Uint8Array): string {
  return (Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)).toString("utf8");
}

function record(options: HttpServerOptions, req: IncomingMessage, url: RequestTarget, raw: Buffer, response: { status: number; headers: Record<string, string>; body: RecordedBody }): void {
  if (!options.recorder) return;
  const query: Record<string, string> = {};
  for (const [k, v] of url.query) query[k] = v;
  options.recorder.append({
    request: {
      method: (req.method ?? "GET").toUpperCase(),
      path: url.path,
      query,
      headers: redactHeaders(req.headers),
      body: recordBody(raw, header(req, "content-type"), header(req, "content-encoding")),
    },
    response,
  });
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}
