/**
 * The byte-level contract between the client engine and whatever moves bytes over the network.
 *
 * A transport performs exactly one HTTP exchange: no retries, no deadlines of its own, no
 * knowledge of Tinker. The engine (`core/http.ts`) owns everything above that. Keeping this
 * surface tiny lets the Node transport (`node:http` keep-alive) and the fetch transport share all
 * of the engine's behaviour while costing only microseconds per exchange.
 */

export type HttpMethod = "GET" | "POST" | "PUT" | "DELETE" | "PATCH";

export interface TransportRequest {
  readonly method: HttpMethod;
  /** Absolute URL. */
  readonly url: string;
  /** Final header set; names as they should go on the wire. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string | Uint8Array | undefined;
  /** Aborts the exchange (the caller's signal and/or the client's close signal). */
  readonly signal?: AbortSignal | undefined;
  /**
   * Gives up after this many ms (per-attempt timeout or what is left of the call's deadline),
   * rejecting with TransportTimeoutError. Undefined: no limit.
   */
  readonly timeoutMs?: number | undefined;
  /** "manual": a 3xx is returned as is; "follow": redirects are followed. */
  readonly redirect: "follow" | "manual";
}

/** Case-insensitive header lookup. */
export interface ResponseHeaders {
  get(name: string): string | null;
  /** Every header, lower-case names. */
  entries(): Iterable<[string, string]>;
}

export interface TransportResponse {
  readonly status: number;
  readonly headers: ResponseHeaders;
  /** The whole (decompressed) body. */
  readonly body: Uint8Array;
  /** The body as UTF-8 text (transports may implement this faster than TextDecoder). */
  text(): string;
}

/** What a transport rejects with when `timeoutMs` ran out. */
export class TransportTimeoutError extends Error {
  override name = "TransportTimeoutError";
  constructor(readonly timeoutMs: number) {
    super(`No response within ${timeoutMs} ms.`);
  }
}

/**
 * One HTTP exchange. Must reject on network failure, with the signal's reason when `signal`
 * aborts, and with TransportTimeoutError when `timeoutMs` runs out; must resolve for every HTTP
 * status.
 */
export type Transport = (request: TransportRequest) => Promise<TransportResponse>;

/** The subset of the WHATWG `fetch` signature the fetch transport needs. */
export type FetchLike = (input: Request) => Promise<Response>;
