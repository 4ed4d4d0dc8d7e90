/**
 * Checkpoints and training-run records as files under the data dir, so they survive a restart.
 *   runs/<run>/run.json
 *   runs/<run>/checkpoints/<kind>/<name>/meta.json, params.f64 (raw little-endian float64),
 *   and for training checkpoints adam.f64 ([m | v]); the Adam step is in meta.json.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { TarEntry } from "../archive/tar.js";
import type { AdamState } from "../model/adam.js";
import { type CheckpointData, type CheckpointRecord, CheckpointStore, float64Bytes, type RunRecord } from "./checkpoints.js";
import type { CheckpointKind } from "./paths.js";

const enc = encodeURIComponent;

export class FileCheckpointStore extends CheckpointStore {
  constructor(private readonly root: string) {
    super();
    mkdirSync(join(root, "runs"), { recursive: true });
    this.load();
  }

  private runDir(runId: string): string {
    return join(this.root, "runs", enc(runId));
  }

  checkpointDir(runId: string, kind: CheckpointKind, name: string): string {
    return join(this.runDir(runId), "checkpoints", kind, enc(name));
  }

  private load(): void {
    for (const runEntry of readdirSync(join(this.root, "runs"))) {
      const runFile = join(this.root, "runs", runEntry, "run.json");
      if (!existsSync(runFile)) continue;
      const run = JSON.parse(readFileSync(runFile, "utf8")) as RunRecord;
      this.runs.set(run.training_run_id, run);
      for (const kind of ["weights", "sampler_weights"] as const) {
        const kindDir = join(this.root, "runs", runEntry, "checkpoints", kind);
        if (!existsSync(kindDir)) continue;
        for (const entry of readdirSync(kindDir)) {
          const metaFile = join(kindDir, entry, "meta.json");
          if (!existsSync(metaFile)) continue;
          this.adopt(JSON.parse(readFileSync(metaFile, "utf8")) as CheckpointRecord);
        }
      }
    }
  }

  protected persistRun(run: RunRecord): void {
    mkdirSync(this.runDir(run.training_run_id), { recursive: true });
    writeAtomic(join(this.runDir(run.training_run_id), "run.json"), JSON.stringify(run, null, 2));
  }

  protected persistCheckpoint(record: CheckpointRecord, data: CheckpointData): void {
    const dir = this.checkpointDir(record.training_run_id, record.kind, record.name);
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, "params.f64"), float64Bytes(data.params));
    if (data.adam) writeFileSync(join(dir, "adam.f64"), Buffer.concat([float64Bytes(data.adam.m), float64Bytes(data.adam.v)]));
    this.persistMeta(record);
  }

  protected persistMeta(record: CheckpointRecord): void {
    const dir = this.checkpointDir(record.training_run_id, record.kind, record.name);
    writeAtomic(join(dir, "meta.json"), JSON.stringify(record, null, 2));
  }

  read(record: CheckpointRecord): CheckpointData {
    const dir = this.checkpointDir(record.training_run_id, record.kind, record.name);
    const params = toFloat64(readFileSync(join(dir, "params.f64")));
    let adam: AdamState | null = null;
    if (record.adam_step !== null && existsSync(join(dir, "adam.f64"))) {
      const moments = toFloat64(readFileSync(join(dir, "adam.f64")));
      const n = params.length;
      adam = { step: record.adam_step, m: moments.slice(0, n), v: moments.slice(n, 2 * n) };
    }
    return { params, adam };
  }

  protected removeCheckpoint(record: CheckpointRecord): void {
    rmSync(this.checkpointDir(record.training_run_id, record.kind, record.name), { recursive: true, force: true });
  }

  archiveEntries(record: CheckpointRecord): TarEntry[] {
    const dir = this.checkpointDir(record.training_run_id, record.kind, record.name);
    return readdirSync(dir)
      .sort()
      .map((name) => ({ name, file: join(dir, name) }));
  }
}

function toFloat64(buf: Buffer): Float64Array {
  const copy = new ArrayBuffer(buf.byteLength);
  new Uint8Array(copy).set(buf);
  return new Float64Array(copy);
}

function writeAtomic(file: string, text: string): void {
  const tmp = `${file}.tmp-${process.pid}`;
  writeFileSync(tmp, text);
  renameSync(tmp, file);
}
