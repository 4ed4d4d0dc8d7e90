import * as net from "node:net";
import * as tls from "node:tls";
import { REDIRECT_STATUSES } from "../../transport/node-response.js";
import { ChunkedDecoder } from "./chunked-decoder.js";
import { bodyFraming, MalformedResponseError, MAX_HEAD_BYTES, parseResponseHead, type BodyFraming, type ResponseHead } from "./response-head.js";

// A GET over a bare net/tls socket that reads straight into one reused buffer (the socket's `onread`
// option) and hands the body out in runs of up to that buffer's size. node:http allocates a fresh
// 64 KiB Buffer per read and pushes each through two streams; for a large download that costs more
// CPU than writing the file (see bench/README.md, scenario 4). Plain HTTP/1.1 responses only: a
// caller falls back to node:http for anything else (`framing.kind === "unsupported"`, encodings).

const MAX_REDIRECTS = 10;
/** Reads before the head is complete go into the first HEAD_WINDOW bytes, so the head stays contiguous. */
const HEAD_WINDOW = 2 * MAX_HEAD_BYTES;
/** Flush the body once less than this much room is left for the next read. */
const LOW_WATER = 64 * 1024;
const DEFAULT_BUFFER_BYTES = 1024 * 1024;

export interface SocketGetOptions {
  signal?: AbortSignal;
  /** Extra TLS options (tests pass their own CA). */
  tls?: tls.ConnectionOptions;
  /** Size of the reused read buffer (at least 256 KiB). */
  bufferBytes?: number;
}

export interface SocketResponse extends ResponseHead {
  /** The URL that answered (after redirects). */
  readonly url: URL;
  readonly framing: BodyFraming;
  /**
   * Streams the body to `write` and resolves with its length once every byte has arrived; rejects
   * if the connection ends early. `write` gets views of a reused buffer, valid only during the call,
   * in order and without gaps; it may throw to stop the download.
   */
  readBody(write: (bytes: Uint8Array) => void): Promise<number>;
  /** Closes the connection without reading the body. */
  discard(): void;
}

export class ConnectionClosedError extends Error {
  override name = "ConnectionClosedError";
}

/** GETs `url` (http: or https:), following redirects like fetch does, and resolves once the final response head arrives. */
export async function socketGet(url: string | URL, options: SocketGetOptions = {}): Promise<SocketResponse> {
  let current = new URL(url);
  for (let hop = 0; ; hop++) {
    options.signal?.throwIfAborted();
    const response = await new Exchange(current, options).head;
    const location = response.headers.get("location");
    if (REDIRECT_STATUSES.has(response.status) && location !== undefined && hop < MAX_REDIRECTS) {
      response.discard();
      current = new URL(location, current);
      continue;
    }
    return response;
  }
}

type Phase = "head" | "waiting" | "body" | "finished";

/** One request and its response on a connection of its own (`Connection: close`). */
class Exchange {
  readonly head: Promise<SocketResponse>;
  readonly #url: URL;
  readonly #buffer: Buffer;
  readonly #socket: net.Socket;
  readonly #signal: AbortSignal | undefined;
  #phase: Phase = "head";
  /** [0, #filled) holds body bytes not yet handed out (or, before readBody, raw bytes not yet decoded). */
  #filled = 0;
  /** Where the socket's next read lands; always ≥ #filled. */
  #readAt = 0;
  #framing: BodyFraming = { kind: "close" };
  #lengthLeft = 0;
  #chunked: ChunkedDecoder | undefined;
  #bodyBytes = 0;
  #ended = false;
  /** Why the exchange failed while nobody was waiting on it (between the head and readBody). */
  #failure: { error: unknown } | undefined;
  #write: (bytes: Uint8Array) => void = () => {};
  #flushScheduled: NodeJS.Immediate | undefined;
  #wroteThisTurn = false;
  #resolveHead!: (response: SocketResponse) => void;
  #rejectHead!: (error: unknown) => void;
  #resolveBody: ((bytes: number) => void) | undefined;
  #rejectBody: ((error: unknown) => void) | undefined;

  constructor(url: URL, options: SocketGetOptions) {
    this.#url = url;
    this.#signal = options.signal;
    this.#buffer = Buffer.allocUnsafe(Math.max(options.bufferBytes ?? DEFAULT_BUFFER_BYTES, 2 * HEAD_WINDOW));
    this.head = new Promise((resolve, reject) => {
      this.#resolveHead = resolve;
      this.#rejectHead = reject;
    });
    const onread: net.OnReadOpts = {
      buffer: () => this.#nextReadBuffer(),
      callback: (bytes: number) => this.#onRead(bytes),
    };
    const host = url.hostname.startsWith("[") ? url.hostname.slice(1, -1) : url.hostname;
    if (url.protocol === "https:") {
      const port = Number(url.port || 443);
      // Node's tls.connect passes `onread` on to the socket (not in @types/node's ConnectionOptions).
      const connectOptions: tls.ConnectionOptions & { onread: net.OnReadOpts } = { ...options.tls, host, port, onread };
      if (net.isIP(host) === 0) connectOptions.servername = host;
      this.#socket = tls.connect(connectOptions, () => this.#sendRequest());
    } else if (url.protocol === "http:") {
      this.#socket = net.connect({ host, port: Number(url.port || 80), onread }, () => this.#sendRequest());
    } else {
      throw new TypeError(`Unsupported protocol ${url.protocol}`);
    }
    this.#socket.on("error", (error) => this.#fail(error));
    this.#socket.on("end", () => this.#onEnd());
    // After a clean end the bytes already read stay in #buffer: whether they are the whole body is
    // #onEnd's call (a paused TLS socket can end before readBody is called).
    this.#socket.on("close", () => {
      if (!this.#ended) this.#fail(new ConnectionClosedError("connection closed"));
    });
    this.#signal?.addEventListener("abort", this.#onAbort);
  }

  readonly #onAbort = (): void => this.#fail(this.#signal?.reason);

  #sendRequest(): void {
    this.#socket.write(`GET ${this.#url.pathname}${this.#url.search} HTTP/1.1\r\nHost: ${this.#url.host}\r\nConnection: close\r\n\r\n`);
  }

  #nextReadBuffer(): Buffer {
    this.#readAt = this.#filled;
    return this.#buffer.subarray(this.#readAt, this.#phase === "head" ? HEAD_WINDOW : this.#buffer.length);
  }

  /** `bytes` new bytes are at #readAt. Returning false pauses the socket. */
  #onRead(bytes: number): boolean {
    try {
      if (this.#phase === "head") return this.#onHeadBytes(bytes);
      if (this.#phase === "body") {
        this.#decode(this.#readAt, this.#readAt + bytes);
        if (this.#wroteThisTurn && this.#phase === "body") {
          // libuv reads a busy socket up to 32 times per wake-up: pausing after each full buffer's
          // write lets timers and I/O run between writes instead of after 32 of them.
          this.#wroteThisTurn = false;
          setImmediate(this.#resumeReading);
          return false;
        }
      }
      if (this.#phase === "waiting") return this.#onEarlyBodyBytes(bytes);
    } catch (error) {
      this.#fail(error);
    }
    return true;
  }

  // A paused TLS socket still hands out the records it has already decrypted (the ones that came in
  // the same flight as the head): they join the raw bytes readBody starts with.
  #onEarlyBodyBytes(bytes: number): boolean {
    this.#filled += bytes;
    if (this.#buffer.length - this.#filled < LOW_WATER) throw new MalformedResponseError("too much data arrived before the body was read");
    return false;
  }

  #onHeadBytes(bytes: number): boolean {
    this.#filled += bytes;
    for (;;) {
      const parsed = parseResponseHead(this.#buffer.subarray(0, this.#filled));
      if (parsed === undefined) return true;
      this.#buffer.copyWithin(0, parsed.bodyStart, this.#filled);
      this.#filled -= parsed.bodyStart;
      const { status, headers } = parsed.head;
      if (status === 101) throw new MalformedResponseError("unexpected 101 Switching Protocols");
      if (status < 200) continue; // 1xx informational: the real response follows.
      this.#framing = bodyFraming(parsed.head);
      this.#phase = "waiting";
      this.#resolveHead({
        status,
        headers,
        url: this.#url,
        framing: this.#framing,
        readBody: (write) => this.#readBody(write),
        discard: () => this.#finish(),
      });
      return false; // Hold the connection until the caller says what to do with the body.
    }
  }

  #readBody(write: (bytes: Uint8Array) => void): Promise<number> {
    if (this.#failure !== undefined) return Promise.reject(this.#failure.error);
    if (this.#phase !== "waiting") return Promise.reject(new Error("the body was already read or discarded"));
    if (this.#framing.kind === "unsupported") return Promise.reject(new Error(`unsupported response: ${this.#framing.reason}`));
    this.#phase = "body";
    this.#write = write;
    const done = new Promise<number>((resolve, reject) => {
      this.#resolveBody = resolve;
      this.#rejectBody = reject;
    });
    if (this.#framing.kind === "length") this.#lengthLeft = this.#framing.bytes;
    if (this.#framing.kind === "chunked") this.#chunked = new ChunkedDecoder();
    try {
      const pending = this.#filled;
      this.#filled = 0;
      this.#decode(0, pending);
      this.#wroteThisTurn = false;
      if (this.#phase === "body") {
        if (this.#ended) this.#onEnd();
        else this.#socket.resume();
      }
    } catch (error) {
      this.#fail(error);
    }
    return done;
  }

  /** Moves the body bytes among raw bytes [from, to) down to #filled, then flushes or schedules a flush. */
  #decode(from: number, to: number): void {
    switch (this.#framing.kind) {
      case "none":
        break;
      case "length": {
        const take = Math.min(to - from, this.#lengthLeft);
        this.#keep(from, from + take);
        this.#lengthLeft -= take;
        if (this.#lengthLeft === 0) this.#complete();
        return;
      }
      case "chunked":
        this.#chunked!.push(this.#buffer, from, to, (start, end) => this.#keep(start, end));
        if (this.#chunked!.done) this.#complete();
        return;
      case "close":
        this.#keep(from, to);
        return;
      case "unsupported":
        return;
    }
    this.#complete();
  }

  #keep(start: number, end: number): void {
    if (start !== this.#filled) this.#buffer.copyWithin(this.#filled, start, end);
    this.#filled += end - start;
    if (this.#buffer.length - this.#filled < LOW_WATER) {
      this.#flush();
      this.#wroteThisTurn = true;
    } else if (this.#flushScheduled === undefined && this.#filled > 0) this.#flushScheduled = setImmediate(this.#scheduledFlush);
  }

  readonly #resumeReading = (): void => {
    if (this.#phase === "body") this.#socket.resume();
  };

  // Whatever arrived in one turn of the event loop is written together: few writes when data
  // streams in, prompt progress when it trickles.
  readonly #scheduledFlush = (): void => {
    this.#flushScheduled = undefined;
    if (this.#phase !== "body") return;
    try {
      this.#flush();
    } catch (error) {
      this.#fail(error);
    }
  };

  #flush(): void {
    if (this.#filled === 0) return;
    const bytes = this.#buffer.subarray(0, this.#filled);
    this.#filled = 0;
    this.#bodyBytes += bytes.length;
    this.#write(bytes);
  }

  #onEnd(): void {
    this.#ended = true;
    if (this.#phase === "head") this.#fail(new ConnectionClosedError("connection closed before the response head arrived"));
    if (this.#phase !== "body") return;
    if (this.#framing.kind === "close") {
      try {
        this.#complete();
      } catch (error) {
        this.#fail(error);
      }
      return;
    }
    const got = this.#bodyBytes + this.#filled;
    const expected = this.#framing.kind === "length" ? ` of ${this.#framing.bytes}` : "";
    this.#fail(new ConnectionClosedError(`connection closed after ${got}${expected} body bytes`));
  }

  #complete(): void {
    this.#flush();
    const resolve = this.#resolveBody;
    this.#finish();
    resolve?.(this.#bodyBytes);
  }

  #fail(error: unknown): void {
    if (this.#phase === "finished") return;
    const reject = this.#phase === "head" ? this.#rejectHead : this.#rejectBody;
    this.#finish(error);
    if (reject === undefined) this.#failure = { error };
    else reject(error);
  }

  #finish(error?: unknown): void {
    if (this.#phase === "finished") return;
    this.#phase = "finished";
    if (this.#flushScheduled !== undefined) clearImmediate(this.#flushScheduled);
    this.#signal?.removeEventListener("abort", this.#onAbort);
    this.#socket.destroy(error instanceof Error ? error : undefined);
  }
}
