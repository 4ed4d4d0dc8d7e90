/**
 * Checkpoints and training-run records as files under the data dir, so they survive a restart.
 *   runs/<run>/run.json
 *   runs/<run>/checkpoints/<kind>/<name>/meta.json, params.f64 (raw little-endian float64),
 *   and for training checkpoints adam.f64 ([m | v]); the Adam step is in meta.json.
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import type { AdamState } from "../model/adam.js";
import { type CheckpointKind, checkpointType, tinkerPath } from "./paths.js";

export interface RunRecord {
  training_run_id: string;
  session_id: string;
  owner: string;
  base_model: string;
  lora_rank: number;
  seed: number;
  train_unembed: boolean;
  train_mlp: boolean;
  train_attn: boolean;
  user_metadata: Record<string, unknown> | null;
  created_at: string;
  last_request_time: string;
}

export interface CheckpointRecord {
  checkpoint_id: string;
  checkpoint_type: "training" | "sampler";
  kind: CheckpointKind;
  name: string;
  training_run_id: string;
  owner: string;
  time: string;
  tinker_path: string;
  size_bytes: number;
  public: boolean;
  expires_at: string | null;
  user_metadata: Record<string, unknown> | null;
  base_model: string;
  lora_rank: number;
  adam_step: number | null;
}

export interface CheckpointData {
  readonly params: Float64Array;
  readonly adam: AdamState | null;
}

const enc = encodeURIComponent;

export class CheckpointStore {
  readonly runs = new Map<string, RunRecord>();
  /** Key: tinker path. */
  readonly checkpoints = new Map<string, CheckpointRecord>();

  constructor(private readonly root: string) {
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
          const meta = JSON.parse(readFileSync(metaFile, "utf8")) as CheckpointRecord;
          this.checkpoints.set(meta.tinker_path, meta);
        }
      }
    }
  }

  saveRun(run: RunRecord): void {
    this.runs.set(run.training_run_id, run);
    mkdirSync(this.runDir(run.training_run_id), { recursive: true });
    writeAtomic(join(this.runDir(run.training_run_id), "run.json"), JSON.stringify(run, null, 2));
  }

  write(record: Omit<CheckpointRecord, "checkpoint_id" | "checkpoint_type" | "tinker_path" | "size_bytes" | "adam_step">, data: CheckpointData): CheckpointRecord {
    const dir = this.checkpointDir(record.training_run_id, record.kind, record.name);
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const params = Buffer.from(data.params.buffer, data.params.byteOffset, data.params.byteLength);
    writeFileSync(join(dir, "params.f64"), params);
    let size = params.byteLength;
    if (data.adam) {
      const moments = Buffer.concat([
        Buffer.from(data.adam.m.buffer, data.adam.m.byteOffset, data.adam.m.byteLength),
        Buffer.from(data.adam.v.buffer, data.adam.v.byteOffset, data.adam.v.byteLength),
      ]);
      writeFileSync(join(dir, "adam.f64"), moments);
      size += moments.byteLength;
    }
    const full: CheckpointRecord = {
      ...record,
      checkpoint_id: `${record.kind}/${record.name}`,
      checkpoint_type: checkpointType(record.kind),
      tinker_path: tinkerPath(record.training_run_id, record.kind, record.name),
      size_bytes: size,
      adam_step: data.adam ? data.adam.step : null,
    };
    this.writeMeta(full);
    this.checkpoints.set(full.tinker_path, full);
    return full;
  }

  writeMeta(record: CheckpointRecord): void {
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

  delete(record: CheckpointRecord): void {
    rmSync(this.checkpointDir(record.training_run_id, record.kind, record.name), { recursive: true, force: true });
    this.checkpoints.delete(record.tinker_path);
  }

  /** Files of a checkpoint, for archives: [name in archive, absolute path]. */
  files(record: CheckpointRecord): Array<[string, string]> {
    const dir = this.checkpointDir(record.training_run_id, record.kind, record.name);
    return readdirSync(dir)
      .sort()
      .map((f) => [f, join(dir, f)] as [string, string]);
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
