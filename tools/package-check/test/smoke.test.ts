import { describe, expect, it } from "vitest";
import { runProcess } from "../src/pack.js";
import { isPlaceholder, publishedPackages } from "../src/published.js";

const here = import.meta.dirname;

/** Loads a specifier in a fresh Node process and prints its sorted runtime export names. */
async function exportedNames(specifier: string, how: "import" | "require"): Promise<string[]> {
  const script =
    how === "import"
      ? `const m = await import(${JSON.stringify(specifier)}); console.log(JSON.stringify(Object.keys(m).sort()));`
      : `const m = require(${JSON.stringify(specifier)}); console.log(JSON.stringify(Object.keys(m).filter((k) => k !== "__esModule" && k !== "module.exports").sort()));`;
  const args = how === "import" ? ["--input-type=module", "-e", script] : ["--input-type=commonjs", "-e", script];
  const result = await runProcess(process.execPath, args, { cwd: here, env: { ...process.env, NODE_NO_WARNINGS: "1" } });
  if (result.code !== 0) throw new Error(`${how}(${specifier}) failed:\n${result.stderr}`);
  const lastLine = result.stdout.trim().split("\n").at(-1) ?? "[]";
  return JSON.parse(lastLine) as string[];
}

const cases = publishedPackages.flatMap((pkg) =>
  Object.entries(pkg.entryPoints).map(([entry, names]) => ({
    pkg,
    specifier: entry === "." ? pkg.name : `${pkg.name}${entry.slice(1)}`,
    names,
  })),
);

describe.each(cases)("$specifier", async ({ pkg, specifier, names }) => {
  const pending = await isPlaceholder(pkg);
  it.skipIf(pending)(`${pending ? "[skipped: still the skeleton placeholder] " : ""}loads with import() and exports its public names`, async () => {
    const imported = await exportedNames(specifier, "import");
    expect(imported).toEqual(expect.arrayContaining([...names]));
  });

  it("loads with require() (Node >= 20.19 requires ESM) and exports the same names", async () => {
    const [imported, required] = await Promise.all([
      exportedNames(specifier, "import"),
      exportedNames(specifier, "require"),
    ]);
    expect(required).toEqual(imported);
  });
});
