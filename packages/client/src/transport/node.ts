/**
 * The default transport under Node: `node:http` / `node:https` with keep-alive agents.
 *
 * Node's built-in `fetch` (undici) costs roughly 1.8× a plain `node:http` exchange on small
 * requests, which alone would break the latency budget of a checkpoint operation (two exchanges:
 * submit + retrieve_future). This transport does the minimum: one `http.request`, the body
 * collected into one Buffer, headers read from Node's already lower-cased object.
 *
 * Only this file (and `node-entry.ts`) import Node built-ins; the core stays browser-safe.
 */
import * as http from "node:http";
import * as https from "node:https";
import { createBrotliDecompress, createGunzip, createInflate } from "node:zlib";
import type { Readable } from "node:stream";
import { onAbort as onSignalAbort } from "../core/abort-fanout.js";
import { TransportTimeoutError, type ResponseHeaders, type Transport, type TransportRequest, type TransportResponse } from "./types.js";

export interface NodeTransportOptions {
  /** Upper bound of sockets per origin (default: unlimited, like Python's pool of 1000 — every pending future holds one long-poll). */
  readonly maxSockets?: number;
  /** Idle keep-alive sockets kept per origin (default 256). */
  readonly maxFreeSockets?: number;
  /** Redirect hops followed when a request asks for `redirect: "follow"` (default 10). */
  readonly maxRedirects?: number;
}

function nodeHeaders(raw: http.IncomingHttpHeaders): ResponseHeaders {
  return {
    get(name) {
      const v = raw[name.toLowerCase()];
      if (v === undefined) return null;
      return Array.isArray(v) ? v.join(", ") : v;
    },
    *entries() {
      for (const [k, v] of Object.entries(raw)) {
        if (v !== undefined) yield [k, Array.isArray(v) ? v.join(", ") : v] as [string, string];
      }
    },
  };
}

function decodedStream(res: http.IncomingMessage): Readable {
  switch (res.headers["content-encoding"]) {
    case "gzip":
    case "x-gzip":
      return res.pipe(createGunzip());
    case "deflate":
      return res.pipe(createInflate());
    case "br":
      return res.pipe(createBrotliDecompress());
    default:
      return res;
  }
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/** Creates a transport with its own keep-alive agents; `destroy()` closes their sockets. */
export function createNodeTransport(options: NodeTransportOptions = {}): Transport & { destroy(): void } {
  const agentOptions: http.AgentOptions = {
    keepAlive: true,
    keepAliveMsecs: 1000,
    maxSockets: options.maxSockets ?? Infinity,
    maxFreeSockets: options.maxFreeSockets ?? 256,
    scheduling: "lifo",
  };
  const httpAgent = new http.Agent(agentOptions);
  const httpsAgent = new https.Agent(agentOptions);
  const maxRedirects = options.maxRedirects ?? 10;

  const once = (req: TransportRequest, url: string): Promise<TransportResponse> =>
    new Promise<TransportResponse>((resolve, reject) => {
      const signal = req.signal;
      if (signal?.aborted) {
        reject(signal.reason);
        return;
      }
      const isHttps = url.startsWith("https:");
      const headers: Record<string, string | number> = { ...req.headers };
      const body = req.body;
      if (body !== undefined) {
        headers["content-length"] = typeof body === "string" ? Buffer.byteLength(body) : body.byteLength;
      } else if (req.method !== "GET") {
        headers["content-length"] = 0;
      }
      // Abort by hand: passing `signal` to http.request costs ~30 µs per exchange in Node 20.
      let settled = false;
      let timer: ReturnType<typeof setTimeout> | undefined;
      let offAbort: (() => void) | undefined;
      const finish = (): void => {
        settled = true;
        offAbort?.();
        if (timer !== undefined) clearTimeout(timer);
      };
      const fail = (error: unknown): void => {
        if (settled) return;
        finish();
        reject(error);
      };
      const clientRequest = (isHttps ? https : http).request(
        url,
        { method: req.method, headers, agent: isHttps ? httpsAgent : httpAgent },
        (res) => {
          const stream = decodedStream(res);
          const chunks: Buffer[] = [];
          stream.on("data", (chunk: Buffer) => chunks.push(chunk));
          stream.on("error", fail);
          stream.on("end", () => {
            if (settled) return;
            finish();
            const buf = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks);
            resolve({
              status: res.statusCode ?? 0,
              headers: nodeHeaders(res.headers),
              body: buf,
              text: () => buf.toString("utf8"),
            });
          });
          if (stream !== res) res.on("error", fail);
          res.on("aborted", () => fail(new Error("response aborted")));
        },
      );
      const stop = (reason: unknown): void => {
        fail(reason);
        clientRequest.destroy(reason instanceof Error ? reason : new Error("aborted"));
      };
      if (signal !== undefined) offAbort = onSignalAbort(signal, (s) => stop(s.reason));
      if (req.timeoutMs !== undefined) {
        const ms = req.timeoutMs;
        timer = setTimeout(() => stop(new TransportTimeoutError(ms)), ms);
      }
      clientRequest.on("error", fail);
      clientRequest.setNoDelay(true);
      if (body === undefined) clientRequest.end();
      else clientRequest.end(body);
    });

  const transport = async (req: TransportRequest): Promise<TransportResponse> => {
    let url = req.url;
    let current = req;
    for (let hop = 0; ; hop++) {
      const res = await once(current, url);
      if (req.redirect === "manual" || !REDIRECTS.has(res.status) || hop >= maxRedirects) return res;
      const location = res.headers.get("location");
      if (location === null) return res;
      const from = new URL(url);
      const next = new URL(location, from);
      const keepMethod = res.status === 307 || res.status === 308;
      const headers = { ...current.headers };
      if (next.origin !== from.origin) {
        // Credentials never follow a redirect to another origin.
        for (const name of Object.keys(headers)) {
          const lower = name.toLowerCase();
          if (lower === "x-api-key" || lower === "authorization" || lower.startsWith("cf-access-client")) delete headers[name];
        }
      }
      if (!keepMethod) {
        for (const name of Object.keys(headers)) if (name.toLowerCase() === "content-type") delete headers[name];
      }
      current = keepMethod
        ? { ...current, url: next.href, headers }
        : { method: "GET", url: next.href, headers, signal: current.signal, timeoutMs: current.timeoutMs, redirect: current.redirect };
      url = next.href;
    }
  };
  return Object.assign(transport, {
    destroy() {
      httpAgent.destroy();
      httpsAgent.destroy();
    },
  });
}
