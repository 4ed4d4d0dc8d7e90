import { randomUUID } from "node:crypto";
import type { CapturedRequest } from "./capture.js";
import { splitHead, withHead } from "./proto-fields.js";

/** Values a replayed request varies per op; everything else is the client's captured bytes. */
export type Vars = Record<string, string | number>;

export interface DynamicState {
  /** retrieve_future poll index (X-Tinker-Request-Iteration). */
  iteration?: number;
  /** Seconds the submit took (X-Tinker-Create-Promise-Roundtrip-Time). */
  roundtripSeconds?: number;
}

export interface RenderedRequest {
  method: string;
  path: string;
  headers: Array<[string, string]>;
  body: Buffer;
}

/** Headers that depend on the connection, not on the client: the raw senders set their own. */
const CONNECTION_HEADERS = new Set(["host", "connection", "content-length", "transfer-encoding", "keep-alive"]);
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

type HeaderRender = (state: DynamicState) => string | null;

function headerRenderer(name: string, value: string): HeaderRender {
  const lower = name.toLowerCase();
  if (lower === "x-tinker-request-iteration") return (s) => String(s.iteration ?? 0);
  if (lower === "x-tinker-create-promise-roundtrip-time") {
    return (s) => ((s.iteration ?? 0) === 0 ? String(s.roundtripSeconds ?? 0) : null);
  }
  if (UUID.test(value)) {
    UUID.lastIndex = 0;
    return () => value.replace(UUID, () => randomUUID());
  }
  return () => value;
}

type BodyRender = (vars: Vars) => Buffer;

/**
 * A JSON body cut around `"key":<value>` occurrences of the given variables; rendering writes the
 * new values in place, so every other byte (key order, spacing, number formatting) is the client's.
 */
function jsonBody(text: string, known: Vars): BodyRender {
  let parts: Array<string | { key: string }> = [text];
  for (const [key, value] of Object.entries(known)) {
    const needle = `"${key}":${JSON.stringify(value)}`;
    const next: typeof parts = [];
    let found = false;
    for (const part of parts) {
      if (typeof part !== "string") {
        next.push(part);
        continue;
      }
      const pieces = part.split(needle);
      if (pieces.length > 1) found = true;
      pieces.forEach((piece, i) => {
        if (i > 0) next.push({ key });
        next.push(piece);
      });
    }
    if (!found) throw new Error(`captured body has no ${needle}: ${text.slice(0, 300)}`);
    parts = next;
  }
  return (vars) => {
    let out = "";
    for (const part of parts) {
      if (typeof part === "string") out += part;
      else {
        const v = vars[part.key];
        if (v === undefined) throw new Error(`missing template variable ${part.key}`);
        out += `"${part.key}":${JSON.stringify(v)}`;
      }
    }
    return Buffer.from(out, "utf8");
  };
}

function knownValues(body: Buffer, varying: readonly string[]): Vars {
  const parsed = JSON.parse(body.toString("utf8")) as Record<string, unknown>;
  const known: Vars = {};
  for (const key of varying) {
    const v = parsed[key];
    if (typeof v !== "string" && typeof v !== "number") throw new Error(`captured body has no scalar "${key}"`);
    known[key] = v;
  }
  return known;
}

function protoBody(body: Buffer): BodyRender {
  const { rest } = splitHead(body);
  return (vars) => withHead(rest, { modelId: String(vars["model_id"]), seqId: Number(vars["seq_id"]) });
}

export interface RequestTemplate {
  method: string;
  path: string;
  render(vars: Vars, state?: DynamicState): RenderedRequest;
}

/**
 * Turns one captured client request into a template in which the JSON fields `varying` (e.g.
 * `model_id`, `seq_id`, `path`) take new values; for a protobuf body `model_id`/`seq_id` vary.
 */
export function templateFrom(captured: CapturedRequest, varying: readonly string[]): RequestTemplate {
  const headers: Array<[string, HeaderRender]> = captured.headers
    .filter(([name]) => !CONNECTION_HEADERS.has(name.toLowerCase()))
    .map(([name, value]) => [name, headerRenderer(name, value)]);
  const contentType = captured.headers.find(([n]) => n.toLowerCase() === "content-type")?.[1] ?? "";
  const body: BodyRender = contentType.includes("protobuf")
    ? protoBody(captured.body)
    : captured.body.length === 0
      ? () => Buffer.alloc(0)
      : jsonBody(captured.body.toString("utf8"), knownValues(captured.body, varying));
  const path = captured.path;
  return {
    method: captured.method,
    path,
    render(vars, state = {}) {
      const out: Array<[string, string]> = [];
      for (const [name, render] of headers) {
        const value = render(state);
        if (value !== null) out.push([name, value]);
      }
      return { method: captured.method, path, headers: out, body: body(vars) };
    },
  };
}
