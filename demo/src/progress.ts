/** Readable progress and the final summary: every demo step is run through a `Progress`. */

export type StepStatus = "ok" | "failed" | "skipped";

export interface StepRecord {
  readonly title: string;
  readonly status: StepStatus;
  readonly seconds: number;
  readonly detail: string;
}

/** A step's body returns a one-line result, or throws `StepFailed` / any error to fail it. */
export class StepFailed extends Error {
  override readonly name = "StepFailed";
}

const color = process.stdout.isTTY && !process.env["NO_COLOR"];
const paint = (code: number, text: string) => (color ? `\x1b[${code}m${text}\x1b[0m` : text);
export const dim = (text: string) => paint(2, text);
export const bold = (text: string) => paint(1, text);
const green = (text: string) => paint(32, text);
const red = (text: string) => paint(31, text);
const yellow = (text: string) => paint(33, text);

export class Progress {
  readonly steps: StepRecord[] = [];
  private readonly started = performance.now();

  constructor(private readonly write: (line: string) => void = (line) => console.log(line)) {}

  /** Prints an indented detail line under the running step. */
  log(line: string): void {
    this.write(`    ${line}`);
  }

  /**
   * Runs one step unless an earlier one failed (then it is recorded as skipped), prints its
   * outcome and returns its value (undefined when it failed or was skipped).
   */
  async step<T>(title: string, body: () => Promise<{ value: T; detail: string }>): Promise<T | undefined> {
    const number = this.steps.length + 1;
    if (this.failed) {
      this.steps.push({ title, status: "skipped", seconds: 0, detail: "skipped: an earlier step failed" });
      this.write(`${yellow("–")} ${number}. ${title} ${dim("(skipped)")}`);
      return undefined;
    }
    this.write(`${bold(`${number}. ${title}`)}`);
    const t0 = performance.now();
    try {
      const { value, detail } = await body();
      const seconds = (performance.now() - t0) / 1000;
      this.steps.push({ title, status: "ok", seconds, detail });
      this.write(`  ${green("✓")} ${detail} ${dim(`(${seconds.toFixed(1)} s)`)}`);
      return value;
    } catch (error) {
      const seconds = (performance.now() - t0) / 1000;
      const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      this.steps.push({ title, status: "failed", seconds, detail });
      this.write(`  ${red("✗")} ${detail}`);
      return undefined;
    }
  }

  get failed(): boolean {
    return this.steps.some((s) => s.status !== "ok");
  }

  /** Prints the summary table and returns the process exit code: 0 only when every step succeeded. */
  summary(heading: string): number {
    const seconds = (performance.now() - this.started) / 1000;
    const ok = this.steps.filter((s) => s.status === "ok").length;
    this.write("");
    this.write(bold(`Summary — ${heading}`));
    const width = Math.max(...this.steps.map((s) => s.title.length));
    this.steps.forEach((s, i) => {
      const mark = s.status === "ok" ? green("✓") : s.status === "failed" ? red("✗") : yellow("–");
      this.write(`  ${mark} ${String(i + 1).padStart(2)}. ${s.title.padEnd(width)} ${s.detail}`);
    });
    const verdict =
      ok === this.steps.length
        ? green(`demo succeeded: ${ok}/${this.steps.length} steps in ${seconds.toFixed(1)} s`)
        : red(`demo failed: ${ok}/${this.steps.length} steps succeeded in ${seconds.toFixed(1)} s`);
    this.write(verdict);
    return ok === this.steps.length ? 0 : 1;
  }
}
