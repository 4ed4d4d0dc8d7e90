import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { packPackage, runProcess } from "../src/pack.js";
import { publishedPackages } from "../src/published.js";

const attw = join(import.meta.dirname, "..", "node_modules", ".bin", "attw");

describe.each(publishedPackages)("attw $name", (pkg) => {
  it("finds no type-resolution problem for ESM consumers (--profile esm-only)", async () => {
    const tarball = await packPackage(pkg.dir);
    const result = await runProcess(attw, [tarball, "--profile", "esm-only", "--no-color", "--no-emoji"], {
      cwd: pkg.dir,
    });
    expect(result.code, `${result.stdout}\n${result.stderr}`).toBe(0);
    expect(result.stdout).toContain(pkg.name);
  });
});
