/**
 * A local HTTP server that plays Python's side of a capture back to the TypeScript client: each
 * request is matched to a captured exchange, compared with what Python sent, and answered with the
 * response Python got. Everything that differs is collected into a report.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { bodyBytes, type Exchange, type RecordedBody, type RecordedRequest } from "./fixture.js";
import { compareRequest } from "./compare-request.js";
import { describeDifference, type Difference } from "./difference.js";

/** Requests a client sends on timers, not because of a call: never required, never unexpected. */
const BACKGROUND: Readonly<Record<string, unknown>> = {
  "/api/v1/session_heartbeat": { type: "session_heartbeat" },
  "/api/v1/telemetry": { status: "accepted" },
};

/** Result polls: many may be in flight at once, so their relative order is free. */
const POLL_PATHS = new Set(["/api/v1/retrieve_future", "/api/v1/retrieve_futures"]);

/**
 * A session-wide long-poll loop (sample_use_retrieve_futures): how often it polls, and the cursor,
 * timeout and acknowledgements in each body, depend on timing. Only its `target` is compared; it
 * must be used if Python used it, but the number of polls is free.
 */
const SESSION_POLLER = "/api/v1/retrieve_futures";

function pollerTarget(request: RecordedRequest): RecordedRequest {
  if (request.body?.kind !== "json") return request;
  let target: unknown;
  try {
    target = (JSON.parse(request.body.text) as { target?: unknown }).target;
  } catch {
    return request;
  }
  return { ...request, body: { kind: "json", text: JSON.stringify({ target }) } };
}

export interface RequestMismatch {
  /** Position of the request among those TypeScript sent (0-based). */
  readonly index: number;
  readonly request: RecordedRequest;
  /** The captured exchange it was matched to. */
  readonly exchange: Exchange;
  readonly differences: readonly Difference[];
}

export interface ReplayReport {
  readonly received: number;
  readonly mismatches: readonly RequestMismatch[];
  /** Requests TypeScript sent for which Python has no exchange with that method and path left. */
  readonly unexpected: readonly RecordedRequest[];
  /** Exchanges Python had that TypeScript never asked for. */
  readonly missing: readonly Exchange[];
  readonly ok: boolean;
  format(): string;
}

export interface ReplayServer {
  readonly url: string;
  /** The scenario is over: later requests (a client's own shutdown, e.g. session finish) are answered and not compared. */
  endScenario(): void;
  report(): ReplayReport;
  close(): Promise<void>;
}

function pythonMethod(ex: Exchange): string {
  const m = ex.request.headers["x-sdk-method"];
  return m ? ` (Python: ${m})` : "";
}

function label(r: RecordedRequest): string {
  const q = new URLSearchParams(r.query as Record<string, string>).toString();
  return `${r.method} ${r.path}${q ? `?${q}` : ""}`;
}

async function readBody(req: IncomingMessage): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return new Uint8Array(Buffer.concat(chunks));
}

function toRecordedRequest(req: IncomingMessage, bytes: Uint8Array): RecordedRequest {
  const url = new URL(req.url ?? "/", "http://replay.invalid");
  const query: Record<string, string> = {};
  for (const [k, v] of url.searchParams) query[k] = v;
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers)) {
    if (v !== undefined) headers[k.toLowerCase()] = Array.isArray(v) ? v.join(", ") : v;
  }
  const contentType = headers["content-type"] ?? "";
  const contentEncoding = headers["content-encoding"] ?? "";
  let body: RecordedBody = null;
  if (bytes.byteLength > 0) {
    body =
      contentType.includes("json") && !contentEncoding
        ? { kind: "json", text: Buffer.from(bytes).toString("utf8") }
        : { kind: "binary", base64: Buffer.from(bytes).toString("base64"), contentType, contentEncoding };
  }
  return { method: (req.method ?? "GET").toUpperCase(), path: url.pathname, query, headers, body };
}

const SKIP_RESPONSE_HEADERS = new Set(["content-length", "transfer-encoding", "connection", "keep-alive", "date"]);

function send(res: ServerResponse, ex: Exchange): void {
  const body = bodyBytes(ex.response.body);
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(ex.response.headers)) if (!SKIP_RESPONSE_HEADERS.has(k.toLowerCase())) headers[k] = v;
  headers["content-length"] = String(body.byteLength);
  res.writeHead(ex.response.status, headers);
  res.end(Buffer.from(body));
}

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  const text = JSON.stringify(value);
  res.writeHead(status, { "content-type": "application/json", "content-length": String(Buffer.byteLength(text)) });
  res.end(text);
}

/** Matches requests to captured exchanges and records differences; no I/O, so it is testable alone. */
export class ReplayMatcher {
  private readonly consumed: boolean[];
  private readonly mismatches: RequestMismatch[] = [];
  private readonly unexpected: RecordedRequest[] = [];
  private received = 0;
  private lastSubmit: Exchange | undefined;
  private lastPoller: Exchange | undefined;

  constructor(private readonly exchanges: readonly Exchange[]) {
    this.consumed = exchanges.map(() => false);
  }

  /** The exchange whose response answers this request, or undefined (answered 599 / canned). */
  match(request: RecordedRequest): Exchange | undefined {
    const index = this.received++;
    const candidates: number[] = [];
    this.exchanges.forEach((ex, i) => {
      if (!this.consumed[i] && ex.request.method.toUpperCase() === request.method && ex.request.path === request.path) candidates.push(i);
    });
    if (request.path === SESSION_POLLER) return this.matchPoller(index, request, candidates);
    if (candidates.length === 0) {
      if (!(request.path in BACKGROUND)) this.unexpected.push(request);
      return undefined;
    }
    // Prefer an exchange that matches exactly (parallel chunks, concurrent polls); else the earliest.
    let chosen = candidates[0] as number;
    let differences = compareRequest((this.exchanges[chosen] as Exchange).request, request);
    if (differences.length > 0) {
      for (const i of candidates.slice(1)) {
        const d = compareRequest((this.exchanges[i] as Exchange).request, request);
        if (d.length === 0) {
          chosen = i;
          differences = d;
          break;
        }
      }
    }
    this.consumed[chosen] = true;
    const exchange = this.exchanges[chosen] as Exchange;
    const extra: Difference[] = [];
    if (!POLL_PATHS.has(request.path) && !(request.path in BACKGROUND)) {
      const last = this.lastSubmit;
      if (last && exchange.seq < last.seq && last.request.path !== exchange.request.path) {
        extra.push({
          where: "request order",
          kind: "order",
          expected: `${label(exchange.request)} before ${label(last.request)}`,
          actual: `${label(last.request)} before ${label(exchange.request)}`,
        });
      }
      if (!last || exchange.seq > last.seq) this.lastSubmit = exchange;
    }
    const all = [...differences, ...extra];
    if (all.length > 0) this.mismatches.push({ index, request, exchange, differences: all });
    return exchange;
  }

  /** Session poller requests: the next captured poll (compared by target), or the last answer again. */
  private matchPoller(index: number, request: RecordedRequest, candidates: readonly number[]): Exchange | undefined {
    const next = candidates[0];
    const exchange = next === undefined ? this.lastPoller : (this.exchanges[next] as Exchange);
    if (next !== undefined) this.consumed[next] = true;
    if (!exchange) {
      this.unexpected.push(request);
      return undefined;
    }
    this.lastPoller = exchange;
    const differences = compareRequest(pollerTarget(exchange.request), pollerTarget(request));
    if (differences.length > 0) this.mismatches.push({ index, request, exchange, differences });
    return exchange;
  }

  report(): ReplayReport {
    const pollerUsed = this.lastPoller !== undefined;
    const firstPoller = this.exchanges.findIndex((ex) => ex.request.path === SESSION_POLLER);
    const missing = this.exchanges.filter(
      (ex, i) =>
        !this.consumed[i] &&
        !(ex.request.path in BACKGROUND) &&
        !isDynamicConfigRefresh(this.exchanges, i) &&
        !(ex.request.path === SESSION_POLLER && (pollerUsed || i !== firstPoller)),
    );
    const mismatches = [...this.mismatches];
    const unexpected = [...this.unexpected];
    const received = this.received;
    const ok = mismatches.length === 0 && unexpected.length === 0 && missing.length === 0;
    return {
      received,
      mismatches,
      unexpected,
      missing,
      ok,
      format: () => formatReport({ mismatches, unexpected, missing }),
    };
  }
}

/** Periodic dynamic-config refreshes after the first one depend on timing, like heartbeats. */
function isDynamicConfigRefresh(exchanges: readonly Exchange[], i: number): boolean {
  const path = "/api/v1/client/dynamic_config";
  if ((exchanges[i] as Exchange).request.path !== path) return false;
  return exchanges.findIndex((ex) => ex.request.path === path) !== i;
}

export function formatReport(r: Pick<ReplayReport, "mismatches" | "unexpected" | "missing">): string {
  const lines: string[] = [];
  for (const m of r.mismatches) {
    lines.push(`request #${m.index} ${label(m.request)} ≠ Python's exchange #${m.exchange.seq}${pythonMethod(m.exchange)}:`);
    for (const d of m.differences) lines.push(`  ${describeDifference(d)}`);
  }
  for (const u of r.unexpected) lines.push(`unexpected request ${label(u)}: Python sent no (further) request with this method and path`);
  for (const ex of r.missing) lines.push(`missing request ${label(ex.request)}: Python sent it as exchange #${ex.seq}${pythonMethod(ex)}, TypeScript never did`);
  return lines.join("\n");
}

export async function startReplayServer(exchanges: readonly Exchange[]): Promise<ReplayServer> {
  const matcher = new ReplayMatcher(exchanges);
  let ended = false;
  const server = createServer((req, res) => {
    readBody(req).then(
      (bytes) => {
        if (ended) return sendJson(res, 200, {});
        const request = toRecordedRequest(req, bytes);
        const exchange = matcher.match(request);
        if (exchange) return send(res, exchange);
        const canned = BACKGROUND[request.path];
        if (canned !== undefined) return sendJson(res, 200, canned);
        // Not retryable by any client (4xx other than 408/409/429), so the mismatch surfaces at once.
        return sendJson(res, 418, { detail: `replay: Python sent no ${request.method} ${request.path} here` });
      },
      () => sendJson(res, 400, { detail: "replay: could not read the request body" }),
    );
  });
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    endScenario: () => {
      ended = true;
    },
    report: () => matcher.report(),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}
