// The generated types must accept representative bodies and reject broken ones; the fixture file
// states both (see its @ts-expect-error lines), so it must compile with zero diagnostics.
import { resolve } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { packageDir } from "./helpers/paths.js";

function diagnosticsOf(file: string): string[] {
  const config = ts.getParsedCommandLineOfConfigFile(resolve(packageDir, "tsconfig.json"), {}, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (d) => {
      throw new Error(ts.flattenDiagnosticMessageText(d.messageText, "\n"));
    },
  });
  if (!config) throw new Error("cannot read tsconfig.json");
  const program = ts.createProgram([file], { ...config.options, noEmit: true, types: [] });
  return ts.getPreEmitDiagnostics(program).map((d) => {
    const where = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start) : undefined;
    return `${d.file?.fileName ?? ""}:${where ? where.line + 1 : "?"} ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`;
  });
}

describe("generated types", () => {
  it("accept the representative bodies and reject the broken ones", () => {
    expect(diagnosticsOf(resolve(packageDir, "test/type-fixtures/bodies.ts"))).toEqual([]);
  }, 60_000);
});
