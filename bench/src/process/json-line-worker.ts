import { spawn, type ChildProcess } from "node:child_process";
import { createInterface } from "node:readline";
import { cpuPinning } from "./cpu-pinning.js";

/**
 * A long-lived driver process spoken to in JSON lines: one command per line on its stdin, one reply
 * per line on its stdout (`{ok, result}` or `{ok: false, error}`). Each driver of a scenario runs in
 * a process of its own, so no driver shares a heap, an event loop or a GC with another one or with
 * the harness, and the timings taken inside it never include its start-up.
 */
export class JsonLineWorker {
  private readonly child: ChildProcess;
  private readonly waiting: Array<(line: string) => void> = [];
  private stderr = "";
  private exited = false;

  private constructor(
    private readonly label: string,
    command: string,
    args: readonly string[],
    env: NodeJS.ProcessEnv,
  ) {
    const pinned = cpuPinning().wrap("driver", command, args);
    this.child = spawn(pinned.command, pinned.args, { stdio: ["pipe", "pipe", "pipe"], env });
    this.child.stderr!.setEncoding("utf8").on("data", (d: string) => {
      this.stderr = (this.stderr + d).slice(-4000);
    });
    createInterface({ input: this.child.stdout! }).on("line", (line) => this.waiting.shift()?.(line));
    this.child.once("exit", () => {
      this.exited = true;
      for (const w of this.waiting.splice(0)) w(JSON.stringify({ ok: false, error: `${this.label} worker exited; stderr: ${this.stderr}` }));
    });
  }

  /** Starts the process and waits for its `{"ready": true}` line. */
  static async start(label: string, command: string, args: readonly string[], env: NodeJS.ProcessEnv = process.env): Promise<JsonLineWorker> {
    const worker = new JsonLineWorker(label, command, args, env);
    const ready = JSON.parse(await worker.nextLine()) as { ready?: boolean };
    if (ready.ready !== true) throw new Error(`${label} worker did not start: ${worker.stderr}`);
    return worker;
  }

  get pid(): number {
    return this.child.pid ?? -1;
  }

  private nextLine(): Promise<string> {
    if (this.exited) return Promise.reject(new Error(`${this.label} worker exited; stderr: ${this.stderr}`));
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  async call<T>(op: string, args: Record<string, unknown> = {}): Promise<T> {
    const reply = this.nextLine();
    this.child.stdin!.write(JSON.stringify({ op, ...args }) + "\n");
    const parsed = JSON.parse(await reply) as { ok: boolean; result?: T; error?: string };
    if (!parsed.ok) throw new Error(`${this.label} ${op} failed: ${parsed.error}`);
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
