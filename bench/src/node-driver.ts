/**
 * A Node driver in a process of its own (the counterpart of python/worker.py): the harness sends
 * one JSON command per line; this process runs one driver — tinker-ts, or a raw loop replaying
 * tinker-ts's captured bytes — and replies with timings and CPU taken inside it.
 *
 *   open-ts  {baseUrl, apiKey, baseModel}                      the client, as a user calls it
 *   open-raw {sender, baseUrl, modelId, capturedFile, tag}     a raw loop ("fetch" | "node:http")
 *   persist {n, firstIndex} | pipeline {n, shape} | encode {shape} | quit
 */
import { createInterface } from "node:readline";
import { rawRows, type BatchShape, type RawRow } from "./data.js";
import { RawDriver } from "./drivers/raw.js";
import { openTinkerTs, type TinkerTsSession } from "./drivers/tinker-ts.js";
import type { EncodeDriver } from "./scenarios/encode.js";
import type { PersistDriver } from "./scenarios/persistence.js";
import type { PipelineDriver } from "./scenarios/pipeline.js";
import { readCapturedPass } from "./wire/captured-file.js";
import { rawTemplatesFrom } from "./wire/raw-templates.js";
import { fetchSender, httpSender } from "./wire/senders.js";

interface Driver {
  persist: PersistDriver;
  pipeline(rows: readonly RawRow[]): PipelineDriver;
  encode(shape: BatchShape): EncodeDriver;
  close(): Promise<void> | void;
}

type Command = { op: string } & Record<string, unknown>;

let driver: Driver | null = null;
const rowsByShape = new Map<string, RawRow[]>();
const encoders = new Map<string, EncodeDriver>();

function rowsOf(shape: BatchShape): RawRow[] {
  const key = `${shape.batch}x${shape.seqLen}x${shape.vocab}`;
  let rows = rowsByShape.get(key);
  if (rows === undefined) rowsByShape.set(key, (rows = rawRows(shape)));
  return rows;
}

function fromSession(session: TinkerTsSession): Driver {
  return {
    persist: session.persistDriver(),
    pipeline: (rows) => session.pipelineDriver(rows),
    encode: (shape) => session.encodeDriver(shape),
    close: () => session.close(),
  };
}

function fromRaw(raw: RawDriver): Driver {
  return { persist: raw, pipeline: () => raw.asPipelineDriver(), encode: () => raw.asEncodeDriver(), close: () => raw.close() };
}

function need(): Driver {
  if (driver === null) throw new Error("no driver opened yet (send open-ts or open-raw first)");
  return driver;
}

async function handle(cmd: Command): Promise<unknown> {
  switch (cmd.op) {
    case "open-ts": {
      driver = fromSession(await openTinkerTs(String(cmd["baseUrl"]), String(cmd["apiKey"]), String(cmd["baseModel"])));
      return {};
    }
    case "open-raw": {
      const baseUrl = String(cmd["baseUrl"]);
      const sender = cmd["sender"] === "fetch" ? fetchSender(baseUrl) : httpSender(baseUrl);
      const templates = rawTemplatesFrom(await readCapturedPass(String(cmd["capturedFile"])));
      driver = fromRaw(new RawDriver(sender.name, sender, String(cmd["modelId"]), templates, String(cmd["tag"])));
      return {};
    }
    case "persist":
      return need().persist.round(Number(cmd["n"]), Number(cmd["firstIndex"]));
    case "pipeline": {
      const shape = cmd["shape"] as BatchShape;
      return need().pipeline(rowsOf(shape)).round(Number(cmd["n"]));
    }
    case "encode": {
      const shape = cmd["shape"] as BatchShape;
      const key = JSON.stringify(shape);
      let enc = encoders.get(key);
      if (enc === undefined) encoders.set(key, (enc = need().encode(shape)));
      return enc.round();
    }
    default:
      throw new Error(`unknown command ${cmd.op}`);
  }
}

async function main(): Promise<void> {
  process.stdout.write(JSON.stringify({ ready: true }) + "\n");
  for await (const line of createInterface({ input: process.stdin })) {
    if (line.trim() === "") continue;
    const cmd = JSON.parse(line) as Command;
    if (cmd.op === "quit") break;
    try {
      process.stdout.write(JSON.stringify({ ok: true, result: await handle(cmd) }) + "\n");
    } catch (err) {
      process.stdout.write(JSON.stringify({ ok: false, error: err instanceof Error ? (err.stack ?? err.message) : String(err) }) + "\n");
    }
  }
  await driver?.close();
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  },
);
