/**
 * Training-run and checkpoint records, and what every checkpoint store shares: the records in
 * memory, TTL expiry, and the hooks a store implements to keep the weights (files or memory).
 */
import type { TarEntry } from "../archive/tar.js";
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

export type NewCheckpoint = Omit<CheckpointRecord, "checkpoint_id" | "checkpoint_type" | "tinker_path" | "size_bytes" | "adam_step">;

export abstract class CheckpointStore {
  readonly runs = new Map<string, RunRecord>();
  /** Key: tinker path. */
  readonly checkpoints = new Map<string, CheckpointRecord>();
  /** Earliest expires_at (epoch ms) among the checkpoints, so lookups sweep only when something can have expired. */
  private nextExpiry = Infinity;

  saveRun(run: RunRecord): void {
    this.runs.set(run.training_run_id, run);
    this.persistRun(run);
  }

  write(record: NewCheckpoint, data: CheckpointData): CheckpointRecord {
    // Field by field (not a spread): one object shape for every record, and the same key order as before.
    const full: CheckpointRecord = {
      kind: record.kind,
      name: record.name,
      training_run_id: record.training_run_id,
      owner: record.owner,
      time: record.time,
      public: record.public,
      expires_at: record.expires_at,
      user_metadata: record.user_metadata,
      base_model: record.base_model,
      lora_rank: record.lora_rank,
      checkpoint_id: `${record.kind}/${record.name}`,
      checkpoint_type: checkpointType(record.kind),
      tinker_path: tinkerPath(record.training_run_id, record.kind, record.name),
      size_bytes: data.params.byteLength + (data.adam ? data.adam.m.byteLength + data.adam.v.byteLength : 0),
      adam_step: data.adam ? data.adam.step : null,
    };
    this.persistCheckpoint(full, data);
    this.checkpoints.set(full.tinker_path, full);
    this.noteExpiry(full);
    return full;
  }

  /** Stores a changed record (public flag, expires_at). */
  writeMeta(record: CheckpointRecord): void {
    this.persistMeta(record);
    this.noteExpiry(record);
  }

  delete(record: CheckpointRecord): void {
    this.removeCheckpoint(record);
    this.checkpoints.delete(record.tinker_path);
  }

  /** Deletes checkpoints whose TTL has passed at `now` (epoch ms). */
  sweepExpired(now: number): void {
    if (now < this.nextExpiry) return;
    this.nextExpiry = Infinity;
    for (const record of [...this.checkpoints.values()]) {
      if (record.expires_at === null) continue;
      const expiry = Date.parse(record.expires_at);
      if (expiry <= now) this.delete(record);
      else this.nextExpiry = Math.min(this.nextExpiry, expiry);
    }
  }

  /** Records loaded from storage at start-up join the expiry schedule. */
  protected adopt(record: CheckpointRecord): void {
    this.checkpoints.set(record.tinker_path, record);
    this.noteExpiry(record);
  }

  private noteExpiry(record: CheckpointRecord): void {
    if (record.expires_at !== null) this.nextExpiry = Math.min(this.nextExpiry, Date.parse(record.expires_at));
  }

  /** The weights (and Adam state of training checkpoints) of a stored checkpoint. */
  abstract read(record: CheckpointRecord): CheckpointData;
  /** The checkpoint's contents as archive entries (after adapter_config.json): adam.f64, meta.json, params.f64. */
  abstract archiveEntries(record: CheckpointRecord): TarEntry[];
  protected abstract persistRun(run: RunRecord): void;
  protected abstract persistCheckpoint(record: CheckpointRecord, data: CheckpointData): void;
  protected abstract persistMeta(record: CheckpointRecord): void;
  protected abstract removeCheckpoint(record: CheckpointRecord): void;
}

/** The bytes of a float64 array, without a copy (raw little-endian float64, as the checkpoint files hold). */
export function float64Bytes(values: Float64Array): Buffer {
  return Buffer.from(values.buffer, values.byteOffset, values.byteLength);
}
