/** Checkpoint endpoints of a model: save_weights, save_weights_for_sampler, load_weights. */
import { type AdamState, newAdamState } from "../model/adam.js";
import { badRequest, conflict } from "../server/errors.js";
import type { EmRequest, Route } from "../server/types.js";
import type { CheckpointRecord } from "../state/checkpoints.js";
import { parseTinkerPath, tinkerPath, validateCheckpointName, type CheckpointKind } from "../state/paths.js";
import type { LiveModel } from "../state/world.js";
import type { LoadWeightsRequest, SaveWeightsForSamplerRequest, SaveWeightsRequest } from "../wire.js";
import { readableCheckpoint } from "./access.js";
import type { HandlerContext } from "./context.js";
import { checked, modelIdOf, newRun, sequencedJson } from "./model-support.js";
import { duplicateSubmit, submitImmediate, submitModelOp } from "./submit.js";

export const MIN_TTL_SECONDS = 3600;

export function weightsRoutes(ctx: HandlerContext): Route[] {
  const { world } = ctx;
  /** Paths of saves that are queued but not yet written, so a second save of the same name is a conflict too. */
  const pendingPaths = new Set<string>();

  const checkTtl = (ttl: number | null | undefined): void => {
    if (ttl !== undefined && ttl !== null && ttl < MIN_TTL_SECONDS) throw badRequest(`ttl_seconds must be at least ${MIN_TTL_SECONDS} (got ${ttl})`, "ttl_seconds");
  };

  /** A checkpoint the caller may load: its own, a public one, or one the weights_access_token opens. */
  const loadable = (req: EmRequest, path: string, accessToken: string | null | undefined): CheckpointRecord => {
    const parsed = parseTinkerPath(path);
    if (parsed.kind === "sampler_weights") {
      throw badRequest(`${path} is a sampler checkpoint (sampler_weights): it holds weights for sampling only, without training state; load a training checkpoint (tinker://…/weights/<name>, from save_state) instead`, "path");
    }
    return readableCheckpoint(ctx, req.principal.owner, path, accessToken);
  };

  const loadInto = (model: LiveModel, record: CheckpointRecord, optimizer: boolean): void => {
    world.logAudit(model.run.owner, "checkpoint_loaded", model.modelId, record.tinker_path);
    const data = world.checkpoints.read(record);
    if (data.params.length !== model.adapter.params.length) throw badRequest(`checkpoint ${record.tinker_path} has LoRA rank ${record.lora_rank}, the model has rank ${model.run.lora_rank}`, "path");
    model.adapter = { ...model.adapter, params: data.params };
    if (!ctx.skipModel) model.grad.fill(0); // under skipModel nothing accumulates gradients
    if (optimizer) {
      if (!data.adam) throw badRequest(`checkpoint ${record.tinker_path} holds no optimizer state`, "optimizer");
      model.adam = data.adam;
    } else {
      model.adam = freshAdamState(data.params.length);
    }
  };

  /** Zero Adam moments; under skipModel (where nothing writes to them) one pair per size is shared, not allocated per load. */
  const zeroMoments = new Map<number, AdamState>();
  const freshAdamState = (size: number): AdamState => {
    if (!ctx.skipModel) return newAdamState(size);
    let shared = zeroMoments.get(size);
    if (!shared) zeroMoments.set(size, (shared = newAdamState(size)));
    return { step: 0, m: shared.m, v: shared.v };
  };

  return [
    {
      method: "POST",
      pattern: "/api/v1/save_weights",
      handler: (req) => {
        const body = sequencedJson<SaveWeightsRequest>(ctx, req, "SaveWeightsRequest");
        const model = world.model(body.model_id, req.principal.owner);
        const duplicate = duplicateSubmit(model, body.seq_id);
        if (duplicate) return duplicate;
        const name = body.path ?? `checkpoint-${String(body.seq_id ?? Date.now()).padStart(6, "0")}`;
        const path = checked(model, body.seq_id, () => {
          checkTtl(body.ttl_seconds);
          validateCheckpointName(name);
          return reserve(model.modelId, "weights", name, body.overwrite ?? false);
        });
        return submitModelOp(ctx, req, model, body.seq_id, "SaveWeights", () => {
          writeCheckpoint(model, "weights", name, path, body, { step: model.adam.step, m: model.adam.m, v: model.adam.v });
          return { kind: "json", value: { path, type: "save_weights" } };
        });
      },
    },
    {
      method: "POST",
      pattern: "/api/v1/save_weights_for_sampler",
      handler: (req) => {
        const body = sequencedJson<SaveWeightsForSamplerRequest>(ctx, req, "SaveWeightsForSamplerRequest");
        const model = world.model(body.model_id, req.principal.owner);
        const duplicate = duplicateSubmit(model, body.seq_id);
        if (duplicate) return duplicate;
        checked(model, body.seq_id, () => {
          checkTtl(body.ttl_seconds);
          if (body.path === undefined && body.sampling_session_seq_id === undefined) throw badRequest(`SaveWeightsForSamplerRequest needs path (a named save) or sampling_session_seq_id (an unnamed save)`, "path");
          if (body.path !== undefined) validateCheckpointName(body.path);
        });
        if (body.path !== undefined) {
          const name = body.path;
          const path = reserve(model.modelId, "sampler_weights", name, true);
          return submitModelOp(ctx, req, model, body.seq_id, "SaveWeightsForSampler", () => {
            writeCheckpoint(model, "sampler_weights", name, path, body, null);
            return { kind: "json", value: { path, type: "save_weights_for_sampler" } };
          });
        }
        const samplerSeq = body.sampling_session_seq_id!;
        const sessionId = model.run.session_id;
        return submitModelOp(ctx, req, model, body.seq_id, "SaveWeightsForSampler", () => {
          const samplerId = `${sessionId}:sample:${samplerSeq}`;
          world.samplers.set(samplerId, { samplerId, sessionId, owner: model.run.owner, baseModel: model.run.base_model, modelPath: null, adapter: { ...model.adapter, params: model.adapter.params.slice() } });
          addSampler(sessionId, samplerId);
          return { kind: "json", value: { path: null, sampling_session_id: samplerId, type: "save_weights_for_sampler" } };
        });
      },
    },
    {
      method: "POST",
      pattern: "/api/v1/load_weights",
      handler: (req) => {
        const body = sequencedJson<LoadWeightsRequest>(ctx, req, "LoadWeightsRequest");
        const legacy = body.model_id !== undefined || body.seq_id !== undefined;
        const viaSession = body.session_id !== undefined || body.model_seq_id !== undefined;
        if (legacy && viaSession) throw badRequest(`LoadWeightsRequest takes either model_id + seq_id (load into an existing model) or session_id + model_seq_id (create a model from the checkpoint), not both`, "session_id");
        if (!viaSession) {
          if (body.model_id === undefined) throw badRequest(`LoadWeightsRequest: missing required field "model_id" (or session_id + model_seq_id)`, "model_id");
          const model = world.model(body.model_id, req.principal.owner);
          const duplicate = duplicateSubmit(model, body.seq_id);
          if (duplicate) return duplicate;
          const record = checked(model, body.seq_id, () => {
            const found = loadable(req, body.path, body.weights_access_token);
            if (found.base_model !== model.run.base_model) throw badRequest(`checkpoint ${body.path} is for base model ${found.base_model}, the model is ${model.run.base_model}`, "path");
            return found;
          });
          return submitModelOp(ctx, req, model, body.seq_id, "LoadWeights", () => {
            loadInto(model, record, body.optimizer);
            return { kind: "json", value: { path: body.path, model_id: model.modelId, type: "load_weights" } };
          });
        }
        if (body.session_id === undefined || body.model_seq_id === undefined) {
          throw badRequest(`LoadWeightsRequest: session_id and model_seq_id go together`, "model_seq_id");
        }
        world.activeSession(body.session_id, req.principal.owner);
        const record = loadable(req, body.path, body.weights_access_token);
        if (body.base_model !== undefined && body.base_model !== record.base_model) throw badRequest(`base_model ${body.base_model} does not match the checkpoint's base model ${record.base_model}`, "base_model");
        const source = world.run(record.training_run_id);
        const modelId = modelIdOf(body.session_id, body.model_seq_id);
        let model = world.models.get(modelId);
        if (!model) {
          model = world.createModel(
            newRun(ctx, req, body.session_id, body.model_seq_id, record.base_model, record.lora_rank, source?.seed, { train_unembed: source?.train_unembed ?? true, train_mlp: source?.train_mlp ?? true, train_attn: source?.train_attn ?? true }, body.user_metadata ?? null),
          );
          loadInto(model, record, body.optimizer);
        }
        return submitImmediate(ctx, req, "LoadWeights", modelId, () => ({ kind: "json", value: { path: body.path, model_id: modelId, type: "load_weights" } }));
      },
    },
  ];

  function reserve(runId: string, kind: CheckpointKind, name: string, overwrite: boolean): string {
    const path = tinkerPath(runId, kind, name);
    if (!overwrite && (world.checkpoint(path) || pendingPaths.has(path))) throw conflict(`checkpoint ${path} already exists; pass overwrite=true to replace it`);
    pendingPaths.add(path);
    return path;
  }

  /** Writes a reserved save (releasing its path even when the write fails) and logs it. */
  function writeCheckpoint(model: LiveModel, kind: CheckpointKind, name: string, path: string, body: SaveWeightsRequest | SaveWeightsForSamplerRequest, adam: AdamState | null): void {
    try {
      world.checkpoints.write(
        { kind, name, training_run_id: model.modelId, owner: model.run.owner, time: world.nowIso(), public: false, expires_at: world.expiresAt(body.ttl_seconds), user_metadata: body.user_metadata ?? null, base_model: model.run.base_model, lora_rank: model.run.lora_rank },
        // No copies: the file store writes them out now; the memory store (skipModel only) keeps arrays no operation writes to.
        { params: model.adapter.params, adam },
      );
    } finally {
      pendingPaths.delete(path);
    }
    world.logAudit(model.run.owner, "checkpoint_saved", model.modelId, path);
  }

  function addSampler(sessionId: string, samplerId: string): void {
    const session = world.sessions.get(sessionId);
    if (session && !session.sampler_ids.includes(samplerId)) {
      session.sampler_ids.push(samplerId);
      world.saveSession(session);
    }
  }
}
