import { readFile, writeFile } from "node:fs/promises";
import type { CapturedRequest } from "./capture.js";
import type { CapturedPass } from "./raw-templates.js";

/** A capture pass written to a file, so a driver process of its own can build its replay templates. */
interface StoredRequest extends Omit<CapturedRequest, "body" | "responseBody"> {
  body: string;
  responseBody: string;
}

const store = (requests: readonly CapturedRequest[]): StoredRequest[] =>
  requests.map((r) => ({ ...r, body: r.body.toString("base64"), responseBody: r.responseBody.toString("base64") }));

const restore = (stored: readonly StoredRequest[]): CapturedRequest[] =>
  stored.map((r) => ({ ...r, body: Buffer.from(r.body, "base64"), responseBody: Buffer.from(r.responseBody, "base64") }));

export async function writeCapturedPass(file: string, pass: CapturedPass): Promise<void> {
  await writeFile(file, JSON.stringify({ ops: store(pass.ops), ...(pass.bigBatch ? { bigBatch: store(pass.bigBatch) } : {}) }));
}

export async function readCapturedPass(file: string): Promise<CapturedPass> {
  const stored = JSON.parse(await readFile(file, "utf8")) as { ops: StoredRequest[]; bigBatch?: StoredRequest[] };
  return { ops: restore(stored.ops), bigBatch: stored.bigBatch === undefined ? undefined : restore(stored.bigBatch) };
}
