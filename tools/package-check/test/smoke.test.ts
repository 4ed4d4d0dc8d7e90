import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runProcess } from "../src/pack.js";
import { publishedPackages } from "../src/published.js";

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

/** import() names per specifier, loaded once: both tests of an entry point compare against them. */
const importedNames = new Map<string, Promise<string[]>>();
function namesOnImport(specifier: string): Promise<string[]> {
  let names = importedNames.get(specifier);
  if (!names) {
    names = exportedNames(specifier, "import");
    importedNames.set(specifier, names);
  }
  return names;
}

const cases = publishedPackages.flatMap((pkg) =>
  Object.entries(pkg.entryPoints).map(([entry, names]) => ({
    specifier: entry === "." ? pkg.name : `${pkg.name}${entry.slice(1)}`,
    names,
  })),
);

describe.each(cases)("$specifier", ({ specifier, names }) => {
  it("loads with import() and exports its public names", async () => {
    const imported = await namesOnImport(specifier);
    expect(imported).toEqual(expect.arrayContaining([...names]));
  });

  it("loads with require() (Node >= 20.19 requires ESM) and exports the same names", async () => {
    const [imported, required] = await Promise.all([
      namesOnImport(specifier),
      exportedNames(specifier, "require"),
    ]);
    expect(required).toEqual(imported);
  });
});

const bins = publishedPackages.flatMap((pkg) =>
  Object.entries(pkg.bins ?? {}).map(([name, run]) => ({ pkg, name, ...run })),
);

describe.each(bins)("bin $name", ({ pkg, name, args, prints }) => {
  it("points at a built file with a node shebang that runs", async () => {
    const manifest = JSON.parse(await readFile(join(pkg.dir, "package.json"), "utf8")) as { bin?: Record<string, string> };
    const target = manifest.bin?.[name];
    expect(target, `package.json bin.${name}`).toBeDefined();
    const file = join(pkg.dir, target as string);
    expect((await readFile(file, "utf8")).startsWith("#!/usr/bin/env node\n")).toBe(true);
    const result = await runProcess(process.execPath, [file, ...args], { cwd: here });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(prints);
  });
});
