// The status line and header fields of an HTTP/1.x response (RFC 9112 §4–5), parsed strictly:
// anything unusual is an error, so the caller can fall back to node:http or fail loudly.

export interface ResponseHead {
  readonly status: number;
  /** Header fields by lower-cased name; repeated fields joined with ", ". */
  readonly headers: ReadonlyMap<string, string>;
}

/** The largest response head accepted (node:http's default limit is 16 KiB). */
export const MAX_HEAD_BYTES = 64 * 1024;

const STATUS_LINE = /^HTTP\/1\.[01] ([1-9]\d\d)(?: [^\r\n]*)?$/;
const FIELD = /^([!#$%&'*+\-.^_`|~0-9A-Za-z]+):[ \t]*(.*?)[ \t]*$/;
const HEAD_END = Buffer.from("\r\n\r\n");

export class MalformedResponseError extends Error {
  override name = "MalformedResponseError";
}

/**
 * Parses the response head at the start of `bytes`. Returns undefined while the blank line that ends
 * it has not arrived yet; otherwise the head and the offset where the body begins.
 */
export function parseResponseHead(bytes: Buffer): { head: ResponseHead; bodyStart: number } | undefined {
  const end = bytes.indexOf(HEAD_END);
  if (end === -1) {
    if (bytes.length > MAX_HEAD_BYTES) throw new MalformedResponseError(`response head exceeds ${MAX_HEAD_BYTES} bytes`);
    return undefined;
  }
  if (end > MAX_HEAD_BYTES) throw new MalformedResponseError(`response head exceeds ${MAX_HEAD_BYTES} bytes`);
  const lines = bytes.toString("latin1", 0, end).split("\r\n");
  const status = STATUS_LINE.exec(lines[0] ?? "");
  if (status === null) throw new MalformedResponseError(`not an HTTP/1.x status line: ${JSON.stringify((lines[0] ?? "").slice(0, 80))}`);
  const headers = new Map<string, string>();
  for (let i = 1; i < lines.length; i++) {
    const field = FIELD.exec(lines[i]!);
    if (field === null) throw new MalformedResponseError(`malformed header line: ${JSON.stringify(lines[i]!.slice(0, 80))}`);
    const name = field[1]!.toLowerCase();
    const previous = headers.get(name);
    headers.set(name, previous === undefined ? field[2]! : `${previous}, ${field[2]!}`);
  }
  return { head: { status: Number(status[1]), headers }, bodyStart: end + HEAD_END.length };
}

/** How the body's end is found (RFC 9112 §6.3), or "unsupported" for a transfer coding other than chunked alone. */
export type BodyFraming =
  | { readonly kind: "none" }
  | { readonly kind: "length"; readonly bytes: number }
  | { readonly kind: "chunked" }
  | { readonly kind: "close" }
  | { readonly kind: "unsupported"; readonly reason: string };

export function bodyFraming(head: ResponseHead): BodyFraming {
  if (head.status < 200 || head.status === 204 || head.status === 304) return { kind: "none" };
  const transferEncoding = head.headers.get("transfer-encoding");
  if (transferEncoding !== undefined) {
    return transferEncoding.trim().toLowerCase() === "chunked"
      ? { kind: "chunked" }
      : { kind: "unsupported", reason: `transfer-encoding ${transferEncoding}` };
  }
  const contentLength = head.headers.get("content-length");
  if (contentLength === undefined) return { kind: "close" };
  const values = new Set(contentLength.split(",").map((v) => v.trim()));
  const [value] = values;
  if (values.size !== 1 || value === undefined || !/^\d{1,15}$/.test(value)) {
    throw new MalformedResponseError(`invalid content-length ${JSON.stringify(contentLength)}`);
  }
  return { kind: "length", bytes: Number(value) };
}
