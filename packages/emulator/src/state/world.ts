/** Everything the emulator knows: sessions, live models, sampling sessions, futures and checkpoints. */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { type AdamState, newAdamState } from "../model/adam.js";
import { type Adapter, initAdapter, parameterCount } from "../model/lm.js";
import { badRequest, notFound } from "../server/errors.js";
import type { CheckpointRecord, CheckpointStore, RunRecord } from "./checkpoints.js";
import { CompletionLog } from "./completions.js";
import { FileCheckpointStore } from "./file-checkpoints.js";
import { FutureStore } from "./futures.js";
import { MemoryCheckpointStore } from "./memory-checkpoints.js";
import { Sequencer } from "./sequencer.js";

export interface SessionRecord {
  session_id: string;
  owner: string;
  created_at: string;
  tags: string[];
  user_metadata: Record<string, unknown> | null;
  project_id: string | null;
  display_name?: string | null;
  sdk_version: string | null;
  training_run_ids: string[];
  sampler_ids: string[];
  finished: { reason: string; detail: string | null } | null;
  last_heartbeat: string;
}

export interface LiveModel {
  readonly modelId: string;
  readonly run: RunRecord;
  adapter: Adapter;
  grad: Float64Array;
  adam: AdamState;
  readonly sequencer: Sequencer;
}

export interface SamplingSession {
  readonly samplerId: string;
  readonly sessionId: string;
  readonly owner: string;
  readonly baseModel: string;
  readonly modelPath: string | null;
  readonly adapter: Adapter;
}

export interface WorldOptions {
  /** Where runs, checkpoints and sessions are stored as files; undefined keeps them in memory (skipModel only). */
  readonly dataDir: string | undefined;
  readonly now: () => number;
  readonly seqGapTimeoutMs: number;
}

const YEAR_10000_MS = Date.UTC(10000, 0, 1);

export class World {
  readonly futures: FutureStore;
  readonly completions = new CompletionLog();
  /** Next client counter handed out by join_sampling_session, per sampler (the creator is 0). */
  readonly samplerClients = new Map<string, number>();
  readonly audit: Array<{ owner: string; timestamp: string; event: string; model_id: string | null; tinker_path: string | null }> = [];
  readonly checkpoints: CheckpointStore;
  readonly sessions = new Map<string, SessionRecord>();
  readonly models = new Map<string, LiveModel>();
  readonly samplers = new Map<string, SamplingSession>();
  /** Undefined when nothing is stored as files. */
  private readonly sessionsDir: string | undefined;

  constructor(readonly options: WorldOptions) {
    this.futures = new FutureStore(options.now);
    if (options.dataDir === undefined) {
      this.checkpoints = new MemoryCheckpointStore();
      return;
    }
    this.checkpoints = new FileCheckpointStore(options.dataDir);
    this.sessionsDir = join(options.dataDir, "sessions");
    mkdirSync(this.sessionsDir, { recursive: true });
    for (const file of readdirSync(this.sessionsDir)) {
      if (!file.endsWith(".json")) continue;
      const record = JSON.parse(readFileSync(join(this.sessionsDir, file), "utf8")) as SessionRecord;
      this.sessions.set(record.session_id, record);
    }
  }

  /** "YYYY-MM-DDTHH:MM:SS." of the last second formatted: every op stamps records, Date formatting showed in profiles. */
  private isoSecond = { second: NaN, prefix: "" };

  /** The clock as an ISO timestamp, exactly as Date#toISOString writes it. */
  nowIso(): string {
    const ms = Math.trunc(this.options.now());
    // Years 1970–9999 have the fixed-width form assembled here; other instants are formatted whole.
    if (!(ms >= 0 && ms < YEAR_10000_MS)) return new Date(ms).toISOString();
    const second = Math.floor(ms / 1000);
    if (second !== this.isoSecond.second) this.isoSecond = { second, prefix: new Date(second * 1000).toISOString().slice(0, 20) };
    return `${this.isoSecond.prefix}${String(ms - second * 1000).padStart(3, "0")}Z`;
  }

  /** The expires_at of a checkpoint given ttl_seconds now; no TTL (undefined or null) is no expiry. */
  expiresAt(ttlSeconds: number | null | undefined): string | null {
    return ttlSeconds === undefined || ttlSeconds === null ? null : new Date(this.options.now() + ttlSeconds * 1000).toISOString();
  }

  saveSession(record: SessionRecord): void {
    this.sessions.set(record.session_id, record);
    if (this.sessionsDir === undefined) return;
    writeFileSync(join(this.sessionsDir, `${encodeURIComponent(record.session_id)}.json`), JSON.stringify(record, null, 2));
  }

  session(sessionId: string, owner: string): SessionRecord {
    const record = this.sessions.get(sessionId);
    if (!record || record.owner !== owner) throw notFound(`session ${sessionId} not found`);
    return record;
  }

  /** A session that may still get new models and samplers (not finished). */
  activeSession(sessionId: string, owner: string): SessionRecord {
    const record = this.session(sessionId, owner);
    if (record.finished) throw badRequest(`session ${sessionId} is finished (${record.finished.reason}); start a new session`, "session_id");
    return record;
  }

  model(modelId: string, owner: string): LiveModel {
    const model = this.models.get(modelId);
    if (!model || model.run.owner !== owner) throw notFound(`model ${modelId} not found (models live until the emulator stops; load a checkpoint to continue)`);
    return model;
  }

  /** Creates a live model with a fresh adapter, and its training-run record. */
  createModel(run: RunRecord): LiveModel {
    const adapter = initAdapter(run.base_model, run.lora_rank, run.seed);
    this.checkpoints.saveRun(run);
    const model: LiveModel = {
      modelId: run.training_run_id,
      run,
      adapter,
      grad: new Float64Array(parameterCount(run.lora_rank)),
      adam: newAdamState(parameterCount(run.lora_rank)),
      sequencer: new Sequencer(1, this.options.seqGapTimeoutMs),
    };
    this.models.set(model.modelId, model);
    const session = this.sessions.get(run.session_id);
    if (session && !session.training_run_ids.includes(run.training_run_id)) {
      session.training_run_ids.push(run.training_run_id);
      this.saveSession(session);
    }
    return model;
  }

  logAudit(owner: string, event: string, modelId: string | null, tinkerPath: string | null): void {
    this.audit.push({ owner, timestamp: this.nowIso(), event, model_id: modelId, tinker_path: tinkerPath });
  }

  touch(model: LiveModel): void {
    model.run.last_request_time = this.nowIso();
  }

  /** Deletes checkpoints whose TTL has passed. */
  sweepExpired(): void {
    this.checkpoints.sweepExpired(this.options.now());
  }

  checkpoint(tinkerPath: string): CheckpointRecord | undefined {
    this.sweepExpired();
    return this.checkpoints.checkpoints.get(tinkerPath);
  }

  run(runId: string): RunRecord | undefined {
    return this.checkpoints.runs.get(runId);
  }

  close(): void {
    for (const model of this.models.values()) model.sequencer.close();
    this.futures.wakeAll();
  }
}
