import { createInterface } from "node:readline/promises";
import { Command, CommanderError, Option } from "commander";
import { RestClient } from "@tinker-ts/client";
import { toCliError } from "./api-errors.js";
import type { CommandContext } from "./context.js";
import type { Io, OutputFormat } from "./output.js";
import { checkpointCommand } from "./commands/checkpoint.js";
import { runCommand } from "./commands/run.js";
import { sessionCommand } from "./commands/session.js";
import { cliVersion, versionCommand } from "./commands/version.js";

export interface MainOptions {
  io?: Io;
  env?: Readonly<Record<string, string | undefined>>;
  /** Whether stdin is a terminal we may prompt on (default: process.stdin.isTTY). */
  interactive?: boolean;
  /** Aborted on Ctrl-C; the run then ends with exit code 130. */
  signal?: AbortSignal;
}

/** Hides every occurrence of the given secrets in text bound for the terminal. */
export function redactor(secrets: readonly (string | undefined)[]): (text: string) => string {
  const present = secrets.filter((s): s is string => typeof s === "string" && s.length >= 4);
  return (text) => present.reduce((out, secret) => out.split(secret).join("[redacted]"), text);
}

async function askOnTerminal(question: string): Promise<boolean> {
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    const answer = await rl.question(`${question} [y/N]: `);
    return /^y(es)?$/i.test(answer.trim());
  } finally {
    rl.close();
  }
}

export function buildProgram(ctx: CommandContext, setFormat: (format: OutputFormat) => void): Command {
  const output = { writeOut: (s: string) => ctx.io.stdout(s), writeErr: (s: string) => ctx.io.stderr(s) };
  const program = new Command("tinker-ts")
    .description("Manage Tinker training runs, checkpoints and sessions.")
    .version(cliVersion(), "--version", "print the version")
    .addOption(new Option("-f, --format <format>", "output format").choices(["table", "json"]).default("table"))
    .showHelpAfterError()
    .exitOverride()
    .configureOutput(output);
  program.hook("preAction", (root) => setFormat(root.opts<{ format: OutputFormat }>().format));
  for (const sub of [runCommand(ctx), checkpointCommand(ctx), sessionCommand(ctx), versionCommand(ctx)]) {
    program.addCommand(sub.exitOverride().configureOutput(output));
  }
  return program;
}

/** Runs the CLI with `argv` (without the node and script entries). Resolves to the exit code. */
export async function main(argv: readonly string[], options: MainOptions = {}): Promise<number> {
  const env = options.env ?? process.env;
  const redact = redactor([env["TINKER_API_KEY"], env["CLOUDFLARE_ACCESS_CLIENT_SECRET"]]);
  const rawIo = options.io ?? { stdout: (s: string) => void process.stdout.write(s), stderr: (s: string) => void process.stderr.write(s) };
  const io: Io = { stdout: (s) => rawIo.stdout(redact(s)), stderr: (s) => rawIo.stderr(redact(s)) };
  let format: OutputFormat = "table";
  let client: RestClient | undefined;
  const ctx: CommandContext = {
    io,
    format: () => format,
    rest: () => (client ??= new RestClient({ env })),
    interactive: options.interactive ?? Boolean(process.stdin.isTTY),
    signal: options.signal ?? new AbortController().signal,
    confirm: askOnTerminal,
  };
  const program = buildProgram(ctx, (f) => (format = f));
  try {
    await program.parseAsync([...argv], { from: "user" });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and --version end here too, with exit code 0; usage errors were already printed.
      return error.exitCode;
    }
    if (options.signal?.aborted) {
      io.stderr("Interrupted.\n");
      return 130;
    }
    const cliError = toCliError(error);
    if (cliError.message) io.stderr(`Error: ${cliError.message}\n`);
    if (cliError.details) io.stderr(`${cliError.details}\n`);
    return cliError.exitCode;
  } finally {
    await client?.close();
  }
}
