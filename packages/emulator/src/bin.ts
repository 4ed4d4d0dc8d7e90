#!/usr/bin/env node
/** tinker-emulator --port 0 --data-dir DIR [--host H] [--record FILE] [--api-key K]… [--flag name=value]… [--skip-model] [--cors] [--jwt-required] */
import { parseArgs } from "node:util";
import { startEmulator, type EmulatorOptions } from "./emulator.js";

function flagValue(text: string): unknown {
  if (text === "true") return true;
  if (text === "false") return false;
  if (text !== "" && !Number.isNaN(Number(text))) return Number(text);
  return text;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: "string", default: "0" },
      host: { type: "string" },
      "data-dir": { type: "string" },
      record: { type: "string" },
      "api-key": { type: "string", multiple: true },
      flag: { type: "string", multiple: true },
      "skip-model": { type: "boolean" },
      cors: { type: "boolean" },
      "long-poll-ms": { type: "string" },
      "archive-padding-bytes": { type: "string" },
      "jwt-required": { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    process.stdout.write(
      [
        "usage: tinker-emulator [--port 0] [--host 127.0.0.1] [--data-dir DIR] [--record FILE] [--api-key KEY]… [--flag name=value]… [--skip-model] [--cors] [--long-poll-ms N] [--archive-padding-bytes N] [--jwt-required]",
        "  --data-dir DIR   store runs, checkpoints and sessions as files in DIR (they survive a restart); default: a temp dir removed on exit",
        "  --skip-model     constant-time stand-in model, for overhead benchmarks; without --data-dir everything is kept in memory (no files, gone on exit)",
        "",
      ].join("\n"),
    );
    return;
  }
  const clientConfig: Record<string, unknown> = {};
  for (const item of values.flag ?? []) {
    const eq = item.indexOf("=");
    if (eq <= 0) throw new Error(`--flag takes name=value (got "${item}")`);
    clientConfig[item.slice(0, eq)] = flagValue(item.slice(eq + 1));
  }
  const options: EmulatorOptions = { port: Number(values.port), clientConfig };
  if (values.host !== undefined) options.host = values.host;
  if (values["data-dir"] !== undefined) options.dataDir = values["data-dir"];
  if (values.record !== undefined) options.record = values.record;
  if (values["api-key"] !== undefined) options.apiKeys = values["api-key"];
  if (values["skip-model"]) options.skipModel = true;
  if (values.cors) options.cors = true;
  if (values["jwt-required"]) options.jwtRequired = true;
  if (values["long-poll-ms"] !== undefined) options.longPollMs = Number(values["long-poll-ms"]);
  if (values["archive-padding-bytes"] !== undefined) options.archivePaddingBytes = Number(values["archive-padding-bytes"]);
  const emulator = await startEmulator(options);
  process.stdout.write(`${emulator.url}\n`);
  const stop = (): void => {
    void emulator.close().then(() => process.exit(0));
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`tinker-emulator: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
