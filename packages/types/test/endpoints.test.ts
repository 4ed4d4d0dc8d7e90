// Every endpoint of the reference's table (§3, rows #1–#36) must be in the spec. The parsed table is
// kept as a fixture so the check also runs where the reference file is absent.
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { fixturesDir, referencePath } from "./helpers/paths.js";
import { normalizePath, parseEndpointTable, type ReferenceEndpoint } from "./helpers/reference-table.js";
import { operations } from "./helpers/spec.js";

const snapshotPath = resolve(fixturesDir, "reference-endpoints.json");
const hasReference = existsSync(referencePath);
const table = hasReference
  ? parseEndpointTable(readFileSync(referencePath, "utf8"))
  : (JSON.parse(readFileSync(snapshotPath, "utf8")) as ReferenceEndpoint[]);

describe("the reference's endpoint table", () => {
  it("has rows #1 to #36", () => {
    expect(table.map((e) => e.row)).toEqual(Array.from({ length: 36 }, (_, i) => i + 1));
  });

  it.runIf(hasReference)("matches the committed snapshot", async () => {
    await expect(`${JSON.stringify(table, null, 2)}\n`).toMatchFileSnapshot(snapshotPath);
  });

  const inSpec = new Set(operations().map((op) => `${op.method} ${normalizePath(op.path)}`));
  it.each(table.map((e) => [e.row, e.method, e.path] as const))("#%i %s %s is in the spec", (_row, method, path) => {
    expect(inSpec).toContain(`${method} ${normalizePath(path)}`);
  });
});

describe("the spec", () => {
  it("gives every operation a unique operationId", () => {
    const ids = operations().map((op) => op.operation.operationId);
    expect(new Set(ids).size).toBe(ids.length);
  });

});

describe("parseEndpointTable", () => {
  it("reads method and path of numbered rows only, dropping the query", () => {
    const markdown = [
      "| # | Method & path | Body |",
      "|---|---|---|",
      "| 7 | GET `/api/v1/x?limit=&offset=` | – |",
      "| 8 | DELETE `/api/v1/runs/{run_id}/checkpoints/{checkpoint_id}` | – |",
      "| note | POST `/api/v1/not-a-row` | – |",
    ].join("\n");
    expect(parseEndpointTable(markdown)).toEqual([
      { row: 7, method: "GET", path: "/api/v1/x" },
      { row: 8, method: "DELETE", path: "/api/v1/runs/{run_id}/checkpoints/{checkpoint_id}" },
    ]);
    expect(normalizePath("/a/{run_id}/b/{x}")).toBe("/a/{}/b/{}");
  });
});
