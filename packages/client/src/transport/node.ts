/**
 * The default transport under Node: `node:http` / `node:https` with keep-alive agents.
 *
 * Node's built-in `fetch` (undici) costs roughly 1.8× a plain `node:http` exchange on small
 * requests, which alone would break the latency budget of a checkpoint operation (two exchanges:
 * submit + retrieve_future). This transport does the minimum: one `http.request`, the body
 * collected into one Buffer, headers read from Node's already lower-cased object.
 *
 * Only this file, `node-response.ts` (and `node-entry.ts`) import Node built-ins; the core stays browser-safe.
 */
import * as http from "node:http";
import * as https from "node:https";
import { onAbort as onSignalAbort } from "../core/abort-fanout.js";
import { abortSourceOf, acceptsCancelSource } from "./abort-source.js";
import { decodedBody, REDIRECT_STATUSES } from "./node-response.js";
import { TransportTimeoutError, type ResponseHeaders, type Transport, type TransportRequest, type TransportResponse } from "./types.js";

export interface NodeTransportOptions {
  /** Upper bound of sockets per origin (default: unlimited, like Python's pool of 1000 — every pending future holds one long-poll). */
  readonly maxSockets?: number;
  /** Idle keep-alive sockets kept per origin (default 256). */
  readonly maxFreeSockets?: number;
  /** Redirect hops followed when a request asks for `redirect: "follow"` (default 10). */
  readonly maxRedirects?: number;
}

/** Node's already lower-cased header object behind the ResponseHeaders interface (no closures per response). */
class NodeHeaders implements ResponseHeaders {
  constructor(private readonly raw: http.IncomingHttpHeaders) {}

  get(name: string): string | null {
    const v = this.raw[name.toLowerCase()];
    if (v === undefined) return null;
    return Array.isArray(v) ? v.join(", ") : v;
  }

  *entries(): Iterable<[string, string]> {
    for (const [k, v] of Object.entries(this.raw)) {
      if (v !== undefined) yield [k, Array.isArray(v) ? v.join(", ") : v];
    }
  }
}

class NodeResponse implements TransportResponse {
  readonly headers: NodeHeaders;
  constructor(
    readonly status: number,
    raw: http.IncomingHttpHeaders,
    readonly body: Buffer,
  ) {
    this.headers = new NodeHeaders(raw);
  }

  text(): string {
    return this.body.toString("utf8");
  }
}

interface Origin {
  readonly https: boolean;
  readonly hostname: string;
  readonly port: number | undefined;
  /** The Host header value. */
  readonly host: string;
}

/** A request target with no character http.request would refuse or a URL parser would rewrite. */
const PLAIN_TARGET = /^\/[\x21-\x7e]*$/;
const ORIGIN_CACHE_LIMIT = 64;
/** Request targets remembered per transport (a client sends the same few URLs over and over). */
const TARGET_CACHE_LIMIT = 256;

interface Target {
  readonly origin: Origin;
  readonly path: string;
}

/**
 * Splits an absolute URL into a cached origin and its path, so a keep-alive exchange skips Node's
 * per-request URL parsing (`urlToHttpOptions`). Anything unusual goes through `new URL`.
 */
function splitUrl(url: string, cache: Map<string, Origin>): Target {
  const schemeEnd = url.indexOf("://");
  const slash = schemeEnd < 0 ? -1 : url.indexOf("/", schemeEnd + 3);
  const originText = slash < 0 ? url : url.slice(0, slash);
  const rawPath = slash < 0 ? "/" : url.slice(slash);
  let origin = cache.get(originText);
  if (origin === undefined) {
    const parsed = new URL(originText);
    if (parsed.protocol !== "http:" && parsed.protocol !== "https:") throw new TypeError(`Unsupported protocol ${parsed.protocol}`);
    const hostname = parsed.hostname.startsWith("[") ? parsed.hostname.slice(1, -1) : parsed.hostname;
    origin = { https: parsed.protocol === "https:", hostname, port: parsed.port === "" ? undefined : Number(parsed.port), host: parsed.host };
    if (cache.size >= ORIGIN_CACHE_LIMIT) cache.clear();
    cache.set(originText, origin);
  }
  if (PLAIN_TARGET.test(rawPath) && !rawPath.includes("#")) return { origin, path: rawPath };
  const parsed = new URL(url);
  return { origin, path: parsed.pathname + parsed.search };
}

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
  const origins = new Map<string, Origin>();
  const targets = new Map<string, Target>();
  const targetOf = (url: string): Target => {
    let target = targets.get(url);
    if (target === undefined) {
      target = splitUrl(url, origins);
      if (targets.size >= TARGET_CACHE_LIMIT) targets.clear();
      targets.set(url, target);
    }
    return target;
  };

  const once = (req: TransportRequest, url: string): Promise<TransportResponse> =>
    new Promise<TransportResponse>((resolve, reject) => {
      const signal = abortSourceOf(req);
      if (signal?.aborted) {
        reject(signal.reason);
        return;
      }
      const { origin, path } = targetOf(url);
      // A flat [name, value, …] list is written as is by Node (no per-header setHeader validation
      // and bookkeeping); Host then has to be given explicitly.
      const headers: string[] = ["Host", origin.host];
      const given = req.headers;
      for (const name in given) headers.push(name, given[name]!);
      const body = req.body;
      if (body !== undefined) {
        headers.push("content-length", String(typeof body === "string" ? Buffer.byteLength(body) : body.byteLength));
      } else if (req.method !== "GET") {
        headers.push("content-length", "0");
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
      const clientRequest = (origin.https ? https : http).request(
        {
          protocol: origin.https ? "https:" : "http:",
          hostname: origin.hostname,
          port: origin.port,
          path,
          method: req.method,
          headers: headers as unknown as http.OutgoingHttpHeaders,
          agent: origin.https ? httpsAgent : httpAgent,
        },
        (res) => {
          const stream = decodedBody(res);
          const chunks: Buffer[] = [];
          stream.on("data", (chunk: Buffer) => chunks.push(chunk));
          stream.on("error", fail);
          stream.on("end", () => {
            if (settled) return;
            finish();
            const buf = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks);
            resolve(new NodeResponse(res.statusCode ?? 0, res.headers, buf));
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
      if (req.redirect === "manual" || !REDIRECT_STATUSES.has(res.status) || hop >= maxRedirects) return res;
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
        : { ...current, method: "GET" as const, url: next.href, headers, body: undefined };
      url = next.href;
    }
  };
  return acceptsCancelSource(
    Object.assign(transport, {
      destroy() {
        httpAgent.destroy();
        httpsAgent.destroy();
      },
    }),
  );
}
