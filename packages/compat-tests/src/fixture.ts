/** The fixture format written by tools/capture-python/capture.mjs (one JSON file per scenario). */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export type RecordedBody =
  | { readonly kind: "json"; readonly text: string }
  | { readonly kind: "binary"; readonly base64: string; readonly contentType?: string; readonly contentEncoding?: string }
  | null;

export interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  readonly query: Readonly<Record<string, string>>;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: RecordedBody;
}

export interface RecordedResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: RecordedBody;
}

export interface Exchange {
  readonly seq: number;
  readonly request: RecordedRequest;
  readonly response: RecordedResponse;
}

/** One public SDK call of the scenario and what it gave its caller. */
export interface CallRecord {
  readonly call: string;
  readonly args: Readonly<Record<string, unknown>>;
  readonly returned?: unknown;
  readonly raised?: { readonly type: string; readonly message: string; readonly status_code?: number; readonly category?: string };
}

export interface FaultRuleJson {
  readonly method?: string;
  readonly path?: string;
  readonly fault: string;
  readonly times?: number;
}

export interface Fixture {
  readonly scenario: string;
  readonly description: string;
  readonly sdk: { readonly name: string; readonly version: string };
  readonly python: string;
  readonly emulator: {
    readonly flags: Readonly<Record<string, unknown>>;
    readonly faults: readonly FaultRuleJson[];
    /** Other startEmulator options the scenario set (e.g. inlinePayloadLimitBytes). */
    readonly options?: Readonly<Record<string, unknown>>;
  };
  readonly calls: readonly CallRecord[];
  readonly exchanges: readonly Exchange[];
}

export const FIXTURES_DIR = resolve(dirname(fileURLToPath(import.meta.url)), "../fixtures");

export function fixtureNames(dir: string = FIXTURES_DIR): string[] {
  let files: string[];
  try {
    files = readdirSync(dir);
  } catch {
    return [];
  }
  return files.filter((f) => f.endsWith(".json")).map((f) => f.slice(0, -".json".length)).sort();
}

export function loadFixture(name: string, dir: string = FIXTURES_DIR): Fixture {
  const parsed = JSON.parse(readFileSync(join(dir, `${name}.json`), "utf8")) as Fixture;
  if (!parsed.sdk?.version || !Array.isArray(parsed.exchanges) || !Array.isArray(parsed.calls)) {
    throw new Error(`fixture ${name} is not in the capture format (sdk, calls, exchanges)`);
  }
  return parsed;
}

export function bodyBytes(body: RecordedBody): Uint8Array {
  if (body === null) return new Uint8Array();
  return body.kind === "json" ? new TextEncoder().encode(body.text) : new Uint8Array(Buffer.from(body.base64, "base64"));
}
