import { execFile } from "node:child_process";
import { mkdtemp, readdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

/**
 * Packs a workspace package with pnpm, exactly as `pnpm publish` would (workspace: ranges
 * rewritten, `files` applied), and returns the tarball's path.
 */
export async function packPackage(dir: string): Promise<string> {
  const destination = await mkdtemp(join(tmpdir(), "tinker-pack-"));
  await run("pnpm", ["pack", "--pack-destination", destination], { cwd: dir });
  const tarballs = (await readdir(destination)).filter((file) => file.endsWith(".tgz"));
  if (tarballs.length !== 1 || tarballs[0] === undefined) {
    throw new Error(`pnpm pack in ${dir} produced ${tarballs.length} tarballs`);
  }
  return join(destination, tarballs[0]);
}

export interface ProcessResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs a command to completion without throwing on a non-zero exit code. */
export async function runProcess(
  file: string,
  args: readonly string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv },
): Promise<ProcessResult> {
  try {
    const { stdout, stderr } = await run(file, args, { ...options, maxBuffer: 16 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: unknown; stdout?: string; stderr?: string };
    return {
      code: typeof failed.code === "number" ? failed.code : 1,
      stdout: failed.stdout ?? "",
      stderr: failed.stderr ?? String(error),
    };
  }
}
