import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { expect } from "vitest";

const BIN = fileURLToPath(new URL("../dist/bin.js", import.meta.url));

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs the built `tinker-ts` as a real subprocess (stdin is a pipe, not a terminal) and checks that
 * the API key appears in none of its output.
 */
export async function runCli(args: string[], env: { TINKER_BASE_URL: string; TINKER_API_KEY: string }, cwd?: string): Promise<CliResult> {
  const result = await spawnCli(args, env, cwd);
  if (env.TINKER_API_KEY !== "") expect(result.stdout + result.stderr).not.toContain(env.TINKER_API_KEY);
  return result;
}

function spawnCli(args: string[], env: { TINKER_BASE_URL: string; TINKER_API_KEY: string }, cwd?: string): Promise<CliResult> {
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      [BIN, ...args],
      { env: { PATH: process.env["PATH"] ?? "", TINKER_LOG: "off", ...env }, cwd, timeout: 60_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
    child.stdin?.end();
  });
}
