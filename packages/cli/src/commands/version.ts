import { createRequire } from "node:module";
import { Command } from "commander";
import type { CommandContext } from "../context.js";

export function cliVersion(): string {
  const pkg = createRequire(import.meta.url)("../../package.json") as { version: string };
  return pkg.version;
}

export function versionCommand(ctx: CommandContext): Command {
  return new Command("version").description("Show version information.").action(() => {
    ctx.io.stdout(`tinker-ts ${cliVersion()}\n`);
  });
}
