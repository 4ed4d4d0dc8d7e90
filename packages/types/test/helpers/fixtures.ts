import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { fixturesDir } from "./paths.js";

export interface CapturedBody {
  readonly name: string;
  readonly schema: string;
  readonly method: string;
  readonly path: string;
  readonly source: string;
  /** The exact bytes the Python SDK sent (compact JSON). */
  readonly body: string;
}

export interface ReferenceBody {
  readonly name: string;
  readonly schema: string;
  readonly reference_line: number;
  readonly body: string;
}

function readJson<T>(file: string): T {
  return JSON.parse(readFileSync(resolve(fixturesDir, file), "utf8")) as T;
}

export const sdkBodies = readJson<{ sdk_version: string; bodies: CapturedBody[] }>("sdk-0.38.0-bodies.json");
export const referenceBodies = readJson<{ bodies: ReferenceBody[] }>("reference-verified-bodies.json");
