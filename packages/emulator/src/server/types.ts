/** What a handler receives and returns. */
import type { Readable } from "node:stream";
import type { Principal } from "./auth.js";
import type { Fault } from "./faults.js";

export interface EmRequest {
  readonly method: string;
  readonly path: string;
  readonly params: Readonly<Record<string, string>>;
  readonly query: URLSearchParams;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  /** The decoded body (zstd already undone). */
  readonly body: Uint8Array;
  readonly principal: Principal;
  readonly fault: Fault | undefined;
  /** Aborted when the client goes away or the server closes. */
  readonly signal: AbortSignal;
  /** The body parsed as JSON and validated against the named schema. */
  json<T>(schema: string): T;
  /** The body parsed as JSON without validation (undefined when it is not JSON). */
  rawJson(): unknown;
  header(name: string): string | undefined;
}

export type Reply =
  | { readonly status: number; readonly json: unknown; readonly headers?: Record<string, string> }
  | { readonly status: number; readonly binary: Uint8Array; readonly contentType: string; readonly headers?: Record<string, string> }
  /** A body already serialized (e.g. JSON whose size was needed first). */
  | { readonly status: number; readonly text: string; readonly contentType: string; readonly headers?: Record<string, string> }
  | { readonly status: number; readonly empty: true; readonly headers?: Record<string, string> }
  | { readonly status: number; readonly stream: Readable; readonly contentType: string; readonly headers?: Record<string, string> };

export type Handler = (req: EmRequest) => Reply | Promise<Reply>;

export interface Route {
  readonly method: string;
  /** Path pattern; `{name}` matches one segment, `{name+}` one or more. */
  readonly pattern: string;
  readonly handler: Handler;
  /** False for endpoints that need no API key (healthz, signed archive downloads). */
  readonly auth?: boolean;
  /** True for the endpoints a client calls with its plain API key before it has a JWT (config, token exchange). */
  readonly plainKey?: boolean;
}

export const ok = (json: unknown): Reply => ({ status: 200, json });
/** 200 with an empty body (the spec answers these operations with a bare 200). */
export const noContent = (): Reply => ({ status: 200, empty: true });
