/**
 * The comparison at the heart of the replay: does the request TypeScript sent equal the one Python
 * sent? Method, path, query, the headers the service reads (see headers.ts), and the body — JSON by
 * value, key order and bytes; protobuf by decoded message.
 */
import { decompress } from "fzstd";
import { bodyBytes, type RecordedBody, type RecordedRequest } from "./fixture.js";
import type { Difference } from "./difference.js";
import { compareHeaders } from "./headers.js";
import { diffJson } from "./json-diff.js";
import { decodeProto, requestSchemaFor } from "./proto-body.js";

export function compareRequest(expected: RecordedRequest, actual: RecordedRequest): Difference[] {
  const out: Difference[] = [];
  if (expected.method.toUpperCase() !== actual.method.toUpperCase()) {
    out.push({ where: "method", kind: "changed", expected: expected.method, actual: actual.method });
  }
  if (expected.path !== actual.path) out.push({ where: "path", kind: "changed", expected: expected.path, actual: actual.path });
  out.push(...diffJson(expected.query, actual.query, "query"));
  out.push(...compareHeaders(expected.headers, actual.headers));
  out.push(...compareBody(expected.path, expected.body, actual.body));
  return out;
}

export function compareBody(path: string, expected: RecordedBody, actual: RecordedBody): Difference[] {
  if (expected === null && actual === null) return [];
  if (expected === null) return [{ where: "body", kind: "unexpected", actual: preview(actual) }];
  if (actual === null) return [{ where: "body", kind: "missing", expected: preview(expected) }];
  if (expected.kind === "json") return compareJsonBody(expected.text, actual);
  return compareBinaryBody(path, expected, actual);
}

function preview(body: RecordedBody): string {
  if (body === null) return "";
  return body.kind === "json" ? body.text : `<${bodyBytes(body).byteLength} bytes>`;
}

function compareJsonBody(expectedText: string, actual: NonNullable<RecordedBody>): Difference[] {
  if (actual.kind !== "json") return [{ where: "body", kind: "type", expected: "JSON", actual: `binary (${actual.contentType ?? "?"})` }];
  let actualValue: unknown;
  try {
    actualValue = JSON.parse(actual.text);
  } catch {
    return [{ where: "body", kind: "changed", expected: expectedText, actual: actual.text, note: "TypeScript's body is not valid JSON" }];
  }
  const diffs = diffJson(JSON.parse(expectedText), actualValue, "body", { checkOrder: true });
  if (diffs.length === 0 && expectedText !== actual.text) {
    diffs.push({ where: "body", kind: "bytes", note: firstByteDifference(expectedText, actual.text) });
  }
  return diffs;
}

/** Points at the first differing character, with a little context on both sides. */
export function firstByteDifference(expected: string, actual: string): string {
  let i = 0;
  while (i < expected.length && i < actual.length && expected[i] === actual[i]) i++;
  const from = Math.max(0, i - 24);
  return `at offset ${i}: Python …${expected.slice(from, i + 24)}… TypeScript …${actual.slice(from, i + 24)}…`;
}

/** The body with its content encoding undone (zstd is the only one the SDK uses), or undefined if unknown. */
function decoded(body: NonNullable<RecordedBody>): Uint8Array | undefined {
  const encoding = body.kind === "binary" ? (body.contentEncoding ?? "").toLowerCase() : "";
  const bytes = bodyBytes(body);
  if (encoding === "") return bytes;
  if (encoding === "zstd") return decompress(bytes);
  return undefined;
}

function compareBinaryBody(path: string, expected: NonNullable<RecordedBody>, actual: NonNullable<RecordedBody>): Difference[] {
  // Compressors differ between languages, so compressed bodies are compared after decompression;
  // whether both sides compressed is the content-encoding header's business.
  let eBytes: Uint8Array | undefined;
  let aBytes: Uint8Array | undefined;
  try {
    eBytes = decoded(expected);
    aBytes = decoded(actual);
  } catch (err) {
    return [{ where: "body", kind: "changed", note: `a zstd body does not decompress: ${String(err)}` }];
  }
  if (eBytes === undefined || aBytes === undefined) {
    eBytes = bodyBytes(expected);
    aBytes = bodyBytes(actual);
  }
  const schema = requestSchemaFor(path);
  if (schema) {
    let e: unknown;
    let a: unknown;
    try {
      e = decodeProto(schema, eBytes);
    } catch (err) {
      return [{ where: "body", kind: "changed", note: `Python's body does not decode as ${schema.typeName}: ${String(err)}` }];
    }
    try {
      a = decodeProto(schema, aBytes);
    } catch (err) {
      return [{ where: "body", kind: "changed", note: `TypeScript's body does not decode as ${schema.typeName}: ${String(err)}` }];
    }
    // Map entry order is unspecified in protobuf, so the decoded message is what must be equal.
    return diffJson(e, a, "body");
  }
  if (Buffer.compare(Buffer.from(eBytes), Buffer.from(aBytes)) !== 0) {
    return [{ where: "body", kind: "changed", expected: `<${eBytes.byteLength} bytes>`, actual: `<${aBytes.byteLength} bytes>`, note: "binary bodies differ" }];
  }
  return [];
}
