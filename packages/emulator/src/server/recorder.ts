/** Appends every exchange to a JSONL file, one object per line, with secrets redacted. */
import { appendFileSync, mkdirSync } from "node:fs";
import { dirname } from "node:path";

export type RecordedBody =
  | { kind: "json"; text: string }
  | { kind: "binary"; base64: string; contentType: string; contentEncoding: string }
  | null;

export interface RecordedExchange {
  seq: number;
  request: {
    method: string;
    path: string;
    query: Record<string, string>;
    headers: Record<string, string>;
    body: RecordedBody;
  };
  response: { status: number; headers: Record<string, string>; body: RecordedBody };
}

const SECRET_HEADERS = new Set(["x-api-key", "authorization", "cookie", "set-cookie", "cf-access-client-secret", "cf-access-client-id", "proxy-authorization"]);

export function redactHeaders(headers: Record<string, string | string[] | number | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    const lower = name.toLowerCase();
    out[lower] = SECRET_HEADERS.has(lower) ? "<redacted>" : Array.isArray(value) ? value.join(", ") : String(value);
  }
  return out;
}

export function recordBody(bytes: Uint8Array | undefined, contentType: string | undefined, contentEncoding: string | undefined): RecordedBody {
  if (!bytes || bytes.byteLength === 0) return null;
  const type = contentType ?? "";
  if (type.includes("json") && !contentEncoding) return { kind: "json", text: Buffer.from(bytes).toString("utf8") };
  return { kind: "binary", base64: Buffer.from(bytes).toString("base64"), contentType: type, contentEncoding: contentEncoding ?? "" };
}

export class Recorder {
  private seq = 0;

  constructor(private readonly file: string) {
    mkdirSync(dirname(file), { recursive: true });
  }

  append(exchange: Omit<RecordedExchange, "seq">): void {
    this.seq += 1;
    appendFileSync(this.file, `${JSON.stringify({ seq: this.seq, ...exchange })}\n`);
  }
}
