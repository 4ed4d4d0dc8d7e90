import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { publint } from "publint";
import { formatMessage } from "publint/utils";
import { describe, expect, it } from "vitest";
import { publishedPackages } from "../src/published.js";

describe.each(publishedPackages)("publint $name", (pkg) => {
  it("reports nothing, not even a suggestion, on the packed package", async () => {
    const manifest: Record<string, unknown> = JSON.parse(
      await readFile(join(pkg.dir, "package.json"), "utf8"),
    );
    const { messages } = await publint({ pkgDir: pkg.dir, level: "suggestion", strict: true, pack: "pnpm" });
    const readable = messages.map((message) => `${message.type}: ${formatMessage(message, manifest) ?? message.code}`);
    expect(readable).toEqual([]);
  });
});
