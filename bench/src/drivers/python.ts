import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { createInterface, type Interface } from "node:readline";
import { fileURLToPath } from "node:url";
import { join } from "node:path";

const WORKER = fileURLToPath(new URL("../../python/worker.py", import.meta.url));

/** The venv's interpreter: TINKER_PYTHON_VENV (CI), else the compat tooling's venv, else /work/pyref. */
export function findPython(repoRoot: string): string | null {
  const candidates = [
    process.env["TINKER_PYTHON_VENV"],
    join(repoRoot, "tools/capture-python/.venv"),
    "/work/pyref",
  ];
  for (const venv of candidates) {
    if (venv !== undefined && venv !== "" && existsSync(join(venv, "bin/python"))) return join(venv, "bin/python");
  }
  return null;
}

/**
 * A long-lived Python process running the official SDK. Each command is one JSON line; the reply
 * is one JSON line with timings taken inside Python, so interpreter start-up is never measured.
 */
export class PythonWorker {
  private readonly child: ChildProcess;
  private readonly lines: Interface;
  private readonly waiting: Array<(line: string) => void> = [];
  private stderr = "";
  private exited = false;

  private constructor(python: string, env: NodeJS.ProcessEnv) {
    this.child = spawn(python, ["-u", WORKER], { stdio: ["pipe", "pipe", "pipe"], env });
    this.child.stderr!.setEncoding("utf8").on("data", (d: string) => {
      this.stderr = (this.stderr + d).slice(-4000);
    });
    this.lines = createInterface({ input: this.child.stdout! });
    this.lines.on("line", (line) => this.waiting.shift()?.(line));
    this.child.once("exit", () => {
      this.exited = true;
      for (const w of this.waiting.splice(0)) w(JSON.stringify({ ok: false, error: `python worker exited; stderr: ${this.stderr}` }));
    });
  }

  static async start(python: string): Promise<PythonWorker> {
    const worker = new PythonWorker(python, { ...process.env, TINKER_TELEMETRY: "0", PYTHONUNBUFFERED: "1" });
    const ready = JSON.parse(await worker.nextLine()) as { ready?: boolean };
    if (ready.ready !== true) throw new Error(`python worker did not start: ${worker.stderr}`);
    return worker;
  }

  private nextLine(): Promise<string> {
    if (this.exited) return Promise.reject(new Error(`python worker exited; stderr: ${this.stderr}`));
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  async call<T>(op: string, args: Record<string, unknown> = {}): Promise<T> {
    const reply = this.nextLine();
    this.child.stdin!.write(JSON.stringify({ op, ...args }) + "\n");
    const parsed = JSON.parse(await reply) as { ok: boolean; result?: T; error?: string };
    if (!parsed.ok) throw new Error(`python ${op} failed: ${parsed.error}`);
    return parsed.result as T;
  }

  async close(): Promise<void> {
    if (this.exited) return;
    const done = new Promise<void>((resolve) => this.child.once("exit", () => resolve()));
    this.child.stdin!.end(JSON.stringify({ op: "quit" }) + "\n");
    const kill = setTimeout(() => this.child.kill("SIGKILL"), 5000);
    await done;
    clearTimeout(kill);
  }
}
