import { describe, expect, it } from "vitest";
import { compareRequest, describeDifference, diffJson, type RecordedRequest } from "../src/index.js";

const jsonRequest = (path: string, text: string, headers: Record<string, string> = {}): RecordedRequest => ({
  method: "POST",
  path,
  query: {},
  headers: { "content-type": "application/json", accept: "application/json", "x-idempotency-key": "k", "x-api-key": "key", ...headers },
  body: { kind: "json", text },
});

describe("diffJson", () => {
  it("names missing, unexpected and changed fields by path", () => {
    const diffs = diffJson({ a: { b: 1, c: [1, 2] } }, { a: { c: [1, 3], d: true } }, "body");
    expect(diffs.map(describeDifference)).toEqual([
      "body.a.b: missing — Python sent 1, TypeScript did not send it",
      "body.a.d: unexpected — TypeScript sent true, Python does not send this",
      "body.a.c[1]: Python 2, TypeScript 3",
    ]);
  });

  it("reports key order only when asked", () => {
    expect(diffJson({ a: 1, b: 2 }, { b: 2, a: 1 }, "body")).toEqual([]);
    expect(diffJson({ a: 1, b: 2 }, { b: 2, a: 1 }, "body", { checkOrder: true })).toEqual([
      { where: "body", kind: "order", expected: ["a", "b"], actual: ["b", "a"] },
    ]);
  });

  it("treats null and absent alike only when asked", () => {
    expect(diffJson({ a: null }, {}, "x", { nullEqualsAbsent: true })).toEqual([]);
    expect(diffJson({ a: null }, {}, "x")).toHaveLength(1);
  });

  it("compares numbers by value and reports type changes", () => {
    expect(diffJson({ n: 1.0 }, { n: 1 }, "b")).toEqual([]);
    expect(diffJson({ n: 1 }, { n: "1" }, "b")).toEqual([{ where: "b.n", kind: "type", expected: 1, actual: "1" }]);
  });
});

describe("compareRequest", () => {
  it("accepts an identical request", () => {
    const r = jsonRequest("/api/v1/x", '{"a":1.0}');
    expect(compareRequest(r, r)).toEqual([]);
  });

  it("reports same values written with different bytes (Python floats)", () => {
    const diffs = compareRequest(jsonRequest("/api/v1/x", '{"lr":1.0}'), jsonRequest("/api/v1/x", '{"lr":1}'));
    expect(diffs).toHaveLength(1);
    expect(describeDifference(diffs[0]!)).toContain('body: same values, different bytes — at offset 7: Python …{"lr":1.0}… TypeScript …{"lr":1}…');
  });

  it("compares the headers the service reads and ignores platform ones", () => {
    const py = jsonRequest("/api/v1/x", "{}", { "user-agent": "AsyncTinker/Python 0.38.0", "x-sdk-method": "A.b" });
    const ts = jsonRequest("/api/v1/x", "{}", { "user-agent": "tinker-ts", "content-type": "text/plain" });
    expect(compareRequest(py, ts).map(describeDifference)).toEqual([
      'header content-type: Python "application/json", TypeScript "text/plain"',
    ]);
  });

  it("requires an idempotency key where Python sends one", () => {
    const py = jsonRequest("/api/v1/x", "{}");
    const { ["x-idempotency-key"]: _dropped, ...headers } = py.headers;
    const diffs = compareRequest(py, { ...py, headers });
    expect(diffs.map((d) => d.where)).toEqual(["header x-idempotency-key"]);
  });

  it("compares method, path and query", () => {
    const py: RecordedRequest = { method: "GET", path: "/api/v1/training_runs", query: { limit: "20", offset: "0" }, headers: {}, body: null };
    const ts: RecordedRequest = { method: "GET", path: "/api/v1/training_run", query: { limit: "20" }, headers: {}, body: null };
    expect(compareRequest(py, ts).map((d) => `${d.where} ${d.kind}`)).toEqual(["path changed", "query.offset missing"]);
  });
});

describe("returned-value options", () => {
  it("compares timestamps as instants and may ignore extra fields", () => {
    const py = { time: "2026-12-04T16:34:41.048000+00:00", a: 1 };
    const ts = { time: "2026-12-04T16:34:41.048Z", a: 1, extra: true };
    expect(diffJson(py, ts, "r", { sameInstant: true, ignoreUnexpected: true })).toEqual([]);
    expect(diffJson(py, ts, "r").map((d) => d.where)).toEqual(["r.extra", "r.time"]);
    expect(diffJson(py, { ...ts, time: "2026-12-04T16:34:41.049Z" }, "r", { sameInstant: true, ignoreUnexpected: true })).toHaveLength(1);
  });
});
