/**
 * Secret redaction. Every secret the client holds (API key, exchanged JWT, Cloudflare secret) is
 * registered here; log lines and error messages/bodies pass through `redact` before they leave
 * the engine, so a server that echoes a header back cannot leak it either.
 */
export const REDACTED = "[redacted]";

const SECRET_HEADERS = new Set(["x-api-key", "authorization", "cf-access-client-secret", "cookie", "set-cookie"]);

export class Redactor {
  #secrets: string[] = [];

  add(secret: string | undefined): void {
    if (secret === undefined || secret.length < 4 || this.#secrets.includes(secret)) return;
    this.#secrets.push(secret);
    // Longest first, so a secret containing another is replaced whole.
    this.#secrets.sort((a, b) => b.length - a.length);
  }

  redact(text: string): string {
    let out = text;
    for (const s of this.#secrets) if (out.includes(s)) out = out.split(s).join(REDACTED);
    return out;
  }

  /** Deep copy of a JSON-like value with every string redacted. */
  redactValue(value: unknown, depth = 0): unknown {
    if (typeof value === "string") return this.redact(value);
    if (value === null || typeof value !== "object" || depth > 20) return value;
    if (value instanceof Uint8Array) return value;
    if (Array.isArray(value)) return value.map((v) => this.redactValue(v, depth + 1));
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = this.redactValue(v, depth + 1);
    return out;
  }

  /** Headers safe to log: secret-bearing headers replaced whole. */
  redactHeaders(headers: Readonly<Record<string, string>>): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [k, v] of Object.entries(headers)) out[k] = SECRET_HEADERS.has(k.toLowerCase()) ? REDACTED : this.redact(v);
    return out;
  }
}
