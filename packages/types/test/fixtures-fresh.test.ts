// Where the reference Python SDK is installed (TINKER_PYTHON_VENV, as for the other Python-backed
// tests of the repository), the committed fixtures must be exactly what the capture scripts produce
// from it today. Elsewhere this is skipped and the committed fixtures are used as they are.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { fixturesDir, packageDir } from "./helpers/paths.js";

const venv = process.env["TINKER_PYTHON_VENV"];
const python = venv ? join(venv, "bin", "python") : undefined;
const available = python !== undefined && existsSync(python);

describe.runIf(available)("fixtures captured from the installed Python SDK", () => {
  it.each([
    ["sdk-bodies.py", "sdk-0.38.0-bodies.json"],
    ["sdk-responses.py", "sdk-0.38.0-responses.json"],
    ["sdk-proto-descriptor.py", "sdk-0.38.0-proto.json"],
  ])("%s reproduces %s", (script, fixture) => {
    const fresh = execFileSync(python!, [resolve(packageDir, "scripts", script)], { encoding: "utf8" });
    expect(fresh).toBe(readFileSync(resolve(fixturesDir, fixture), "utf8"));
  }, 60_000);
});
