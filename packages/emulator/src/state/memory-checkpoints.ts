/**
 * Checkpoints kept in memory, for skipModel without a data dir: the same records, lists, loads,
 * TTLs and archives as the file store, without a file per save (nothing survives the process).
 *
 * The weights are kept by reference, not copied: under skipModel no operation writes a model's
 * weights or Adam state in place (forward_backward and optim_step are stand-ins, a load swaps the
 * arrays), so an array handed to write() never changes afterwards.
 */
import type { TarEntry } from "../archive/tar.js";
import { type CheckpointData, type CheckpointRecord, CheckpointStore, float64Bytes, type RunRecord } from "./checkpoints.js";

export class MemoryCheckpointStore extends CheckpointStore {
  private readonly data = new Map<string, CheckpointData>();

  read(record: CheckpointRecord): CheckpointData {
    const data = this.data.get(record.tinker_path);
    if (!data) throw new Error(`checkpoint ${record.tinker_path} has no stored weights`);
    return data;
  }

  archiveEntries(record: CheckpointRecord): TarEntry[] {
    const { params, adam } = this.read(record);
    const entries: TarEntry[] = [];
    if (adam) entries.push({ name: "adam.f64", bytes: Buffer.concat([float64Bytes(adam.m), float64Bytes(adam.v)]) });
    entries.push({ name: "meta.json", text: JSON.stringify(record, null, 2) });
    entries.push({ name: "params.f64", bytes: float64Bytes(params) });
    return entries;
  }

  protected persistRun(_run: RunRecord): void {}

  protected persistCheckpoint(record: CheckpointRecord, data: CheckpointData): void {
    this.data.set(record.tinker_path, data);
  }

  protected persistMeta(_record: CheckpointRecord): void {}

  protected removeCheckpoint(record: CheckpointRecord): void {
    this.data.delete(record.tinker_path);
  }
}
