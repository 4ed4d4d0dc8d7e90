/** Training endpoints: create_model, get_info, forward_backward, optim_step, save/load weights. */
import { adamStep, newAdamState } from "../model/adam.js";
import { crossEntropy } from "../model/lm.js";
import { hashString } from "../model/rng.js";
import { decodeDatums, decodeForwardBackwardRequest, encodeForwardBackwardOutput, forwardBackwardOutputJson, type DatumOutput, type ForwardBackwardResult } from "../proto/fwdbwd.js";
import { badRequest, conflict, HttpError, notFound } from "../server/errors.js";
import type { EmRequest, Route } from "../server/types.js";
import { ok } from "../server/types.js";
import type { CheckpointRecord, RunRecord } from "../state/checkpoints.js";
import { parseTinkerPath, tinkerPath, validateCheckpointName, type CheckpointKind } from "../state/paths.js";
import type { LiveModel } from "../state/world.js";
import type { LoraConfig } from "@tinker-ts/types";
import type { CreateModelRequest, GetInfoRequest, LoadWeightsRequest, OptimStepRequest, SaveWeightsForSamplerRequest, SaveWeightsRequest, UnloadModelRequest } from "../wire.js";
import type { HandlerContext } from "./context.js";
import { duplicateSubmit, submitImmediate, submitModelOp } from "./submit.js";

export const SUPPORTED_LOSS_FNS = ["cross_entropy"] as const;
export const MIN_TTL_SECONDS = 3600;

export function trainingRoutes(ctx: HandlerContext): Route[] {
  const { world } = ctx;
  const pendingPaths = new Set<string>();

  const modelIdOf = (sessionId: string, modelSeqId: number): string => `${sessionId}:train:${modelSeqId}`;

  const newRun = (req: EmRequest, sessionId: string, modelSeqId: number, baseModel: string, rank: number, seed: number | undefined, flags: { train_unembed: boolean; train_mlp: boolean; train_attn: boolean }, userMetadata: Record<string, unknown> | null): RunRecord => {
    const id = modelIdOf(sessionId, modelSeqId);
    const now = world.nowIso();
    return {
      training_run_id: id,
      session_id: sessionId,
      owner: req.principal.owner,
      base_model: baseModel,
      lora_rank: rank,
      seed: seed ?? hashString(id),
      ...flags,
      user_metadata: userMetadata,
      created_at: now,
      last_request_time: now,
    };
  };

  const checkTtl = (ttl: number | null | undefined): void => {
    if (ttl !== undefined && ttl !== null && ttl < MIN_TTL_SECONDS) throw badRequest(`ttl_seconds must be at least ${MIN_TTL_SECONDS} (got ${ttl})`, "ttl_seconds");
  };

  const expiresAt = (ttl: number | null | undefined): string | null => (ttl === undefined || ttl === null ? null : new Date(world.options.now() + ttl * 1000).toISOString());

  /** A checkpoint the caller may load: its own, a public one, or one the weights_access_token opens. */
  const loadable = (req: EmRequest, path: string, accessToken: string | null | undefined): CheckpointRecord => {
    const parsed = parseTinkerPath(path);
    if (parsed.kind === "sampler_weights") {
      throw badRequest(`${path} is a sampler checkpoint (sampler_weights): it holds weights for sampling only, without training state; load a training checkpoint (tinker://…/weights/<name>, from save_state) instead`, "path");
    }
    const record = world.checkpoint(path);
    const tokenOwner = accessToken ? ctx.auth.identify(accessToken)?.owner : undefined;
    if (!record || !(record.owner === req.principal.owner || record.public || record.owner === tokenOwner)) throw notFound(`checkpoint ${path} not found`);
    return record;
  };

  /** Submit-time checks of a sequenced request; when they reject it, its seq_id is released so later ones do not wait. */
  const checked = <T>(model: LiveModel, seq: number | undefined, check: () => T): T => {
    try {
      return check();
    } catch (error) {
      if (seq !== undefined) model.sequencer.release(seq);
      throw error;
    }
  };

  /** Validates a sequenced request's body; a rejected body still releases its model's seq_id. */
  const sequencedJson = <T>(req: EmRequest, schema: string): T => {
    try {
      return req.json<T>(schema);
    } catch (error) {
      const raw = req.rawJson() as { model_id?: unknown; seq_id?: unknown } | undefined;
      const model = typeof raw?.model_id === "string" ? world.models.get(raw.model_id) : undefined;
      if (model && model.run.owner === req.principal.owner && typeof raw?.seq_id === "number") model.sequencer.release(raw.seq_id);
      throw error;
    }
  };

  const loadInto = (model: LiveModel, record: CheckpointRecord, optimizer: boolean): void => {
    world.logAudit(model.run.owner, "checkpoint_loaded", model.modelId, record.tinker_path);
    const data = world.checkpoints.read(record);
    if (data.params.length !== model.adapter.params.length) throw badRequest(`checkpoint ${record.tinker_path} has LoRA rank ${record.lora_rank}, the model has rank ${model.run.lora_rank}`, "path");
    model.adapter = { ...model.adapter, params: data.params };
    model.grad = new Float64Array(data.params.length);
    if (optimizer) {
      if (!data.adam) throw badRequest(`checkpoint ${record.tinker_path} holds no optimizer state`, "optimizer");
      model.adam = data.adam;
    } else {
      model.adam = newAdamState(data.params.length);
    }
  };

  const forwardBackward = (model: LiveModel, request: ReturnType<typeof decodeForwardBackwardRequest>): (() => ForwardBackwardResult) => {
    const datums = decodeDatums(request);
    const prepared = datums.map((d, i) => {
      for (const key of d.inputs.keys()) {
        if (key !== "target_tokens" && key !== "weights") throw badRequest(`data[${i}].loss_fn_inputs.${key}: cross_entropy takes target_tokens and weights only`, key);
      }
      const targets = d.inputs.get("target_tokens");
      if (!targets) throw badRequest(`data[${i}].loss_fn_inputs: missing required field "target_tokens"`, "target_tokens");
      const weights = d.inputs.get("weights") ?? new Array<number>(targets.length).fill(1);
      if (targets.length !== d.tokens.length) throw badRequest(`data[${i}]: target_tokens has ${targets.length} entries but model_input has ${d.tokens.length} tokens`, "target_tokens");
      if (weights.length !== targets.length) throw badRequest(`data[${i}]: weights has ${weights.length} entries but target_tokens has ${targets.length}`, "weights");
      return { tokens: d.tokens, targets, weights };
    });
    return () => {
      const outputs: DatumOutput[] = [];
      let loss = 0;
      for (const datum of prepared) {
        if (ctx.skipModel) {
          const zeros = new Float64Array(datum.tokens.length);
          outputs.push({ logprobs: zeros, elementwiseLoss: zeros });
          continue;
        }
        const r = crossEntropy(model.adapter, datum, request.forwardOnly ? undefined : model.grad);
        outputs.push({ logprobs: r.logprobs, elementwiseLoss: r.elementwiseLoss });
        loss += r.loss;
      }
      return { outputs, metrics: { "loss:sum": loss } };
    };
  };

  return [
    {
      method: "POST",
      pattern: "/api/v1/create_model",
      handler: (req) => {
        const body = req.json<CreateModelRequest>("CreateModelRequest");
        world.activeSession(body.session_id, req.principal.owner);
        const optimizer = body.optimizer_config?.type ?? "adamw";
        if (optimizer !== "adamw") throw badRequest(`optimizer_config.type "${optimizer}" is not supported by the emulator; supported: adamw`, "optimizer_config");
        const lora: LoraConfig = body.lora_config ?? { rank: 32, train_unembed: true, train_mlp: true, train_attn: true };
        if (!Number.isInteger(lora.rank) || lora.rank < 1 || lora.rank > 256) throw badRequest(`lora_config.rank must be an integer from 1 to 256 (got ${lora.rank})`, "rank");
        const modelId = modelIdOf(body.session_id, body.model_seq_id);
        const existing = world.models.get(modelId);
        if (!existing) {
          world.createModel(
            newRun(req, body.session_id, body.model_seq_id, body.base_model, lora.rank, lora.seed, { train_unembed: lora.train_unembed ?? true, train_mlp: lora.train_mlp ?? true, train_attn: lora.train_attn ?? true }, body.user_metadata ?? null),
          );
        }
        return submitImmediate(ctx, req, "CreateModel", modelId, () => ({ kind: "json", value: { model_id: modelId, type: "create_model" } }));
      },
    },
    {
      method: "POST",
      pattern: "/api/v1/get_info",
      handler: (req) => {
        const body = req.json<GetInfoRequest>("GetInfoRequest");
        const model = world.model(body.model_id, req.principal.owner);
        const name = model.run.base_model;
        return ok({
          type: "get_info",
          model_data: { arch: "emulator-bigram-lora", model_name: name, tokenizer_id: name },
          model_id: model.modelId,
          is_lora: true,
          lora_rank: model.run.lora_rank,
          model_name: name,
        });
      },
    },
    {
      method: "POST",
      pattern: "/api/v1/unload_model",
      handler: (req) => {
        const body = req.json<UnloadModelRequest>("UnloadModelRequest");
        const model = world.model(body.model_id, req.principal.owner);
        return submitModelOp(ctx, req, model, undefined, "UnloadModel", () => {
          model.sequencer.close();
          world.models.delete(model.modelId);
          return { kind: "json", value: { model_id: model.modelId, type: "unload_model" } };
        });
      },
    },
    {
      method: "POST",
      pattern: "/api/v1/forward_backward",
      handler: (req) => {
        const type = req.header("content-type") ?? "";
        if (!type.includes("application/x-protobuf")) throw new HttpError(415, `forward_backward takes a tinker_public.ForwardBackwardRequest protobuf body (Content-Type: application/x-protobuf), got "${type}"`);
        const request = decodeForwardBackwardRequest(req.body);
        if (!request.modelId) throw badRequest(`ForwardBackwardRequest: missing required field "model_id"`, "model_id");
        const model = world.model(request.modelId, req.principal.owner);
        const seq = request.seqId === 0 ? undefined : request.seqId;
        const run = checked(model, seq, () => {
          if (!(SUPPORTED_LOSS_FNS as readonly string[]).includes(request.lossFn)) {
            throw badRequest(`loss_fn "${request.lossFn}" is not supported by the emulator; supported: ${SUPPORTED_LOSS_FNS.join(", ")}`, "loss_fn");
          }
          return forwardBackward(model, request);
        });
        return submitModelOp(ctx, req, model, seq, request.forwardOnly ? "Forward" : "ForwardBackward", () => {
          const result = run();
          return { kind: "proto", binary: () => encodeForwardBackwardOutput(result), json: () => forwardBackwardOutputJson(result) };
        });
      },
    },
    {
      method: "POST",
      pattern: "/api/v1/optim_step",
      handler: (req) => {
        const body = sequencedJson<OptimStepRequest>(req, "OptimStepRequest");
        const model = world.model(body.model_id, req.principal.owner);
        const p = checked(model, body.seq_id, () => {
          if (!body.adam_params) throw badRequest(`optimizer_params: the emulator's models use adamw; send adam_params`, body.optimizer_params ? "optimizer_params" : "adam_params");
          return body.adam_params;
        });
        const hp = {
          learningRate: p.learning_rate ?? 1e-4,
          beta1: p.beta1 ?? 0.9,
          beta2: p.beta2 ?? 0.95,
          eps: p.eps ?? 1e-12,
          weightDecay: p.weight_decay ?? 0,
          gradClipNorm: p.grad_clip_norm ?? 0,
        };
        return submitModelOp(ctx, req, model, body.seq_id, "OptimStep", () => {
          if (ctx.skipModel) return { kind: "json", value: { metrics: {} } };
          const step = adamStep(model.adapter.params, model.grad, model.adam, hp);
          model.grad.fill(0);
          return { kind: "json", value: { metrics: { "grad_norm:mean": step.gradNorm, "learning_rate:mean": hp.learningRate, "step:max": model.adam.step } } };
        });
      },
    },
    {
      method: "POST",
      pattern: "/api/v1/save_weights",
      handler: (req) => {
        const body = sequencedJson<SaveWeightsRequest>(req, "SaveWeightsRequest");
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
          try {
            world.checkpoints.write(
              { kind: "weights", name, training_run_id: model.modelId, owner: model.run.owner, time: world.nowIso(), public: false, expires_at: expiresAt(body.ttl_seconds), user_metadata: body.user_metadata ?? null, base_model: model.run.base_model, lora_rank: model.run.lora_rank },
              { params: model.adapter.params.slice(), adam: { step: model.adam.step, m: model.adam.m.slice(), v: model.adam.v.slice() } },
            );
          } finally {
            pendingPaths.delete(path);
          }
          world.logAudit(model.run.owner, "checkpoint_saved", model.modelId, path);
          return { kind: "json", value: { path, type: "save_weights" } };
        });
      },
    },
    {
      method: "POST",
      pattern: "/api/v1/save_weights_for_sampler",
      handler: (req) => {
        const body = sequencedJson<SaveWeightsForSamplerRequest>(req, "SaveWeightsForSamplerRequest");
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
            try {
              world.checkpoints.write(
                { kind: "sampler_weights", name, training_run_id: model.modelId, owner: model.run.owner, time: world.nowIso(), public: false, expires_at: expiresAt(body.ttl_seconds), user_metadata: body.user_metadata ?? null, base_model: model.run.base_model, lora_rank: model.run.lora_rank },
                { params: model.adapter.params.slice(), adam: null },
              );
            } finally {
              pendingPaths.delete(path);
            }
            world.logAudit(model.run.owner, "checkpoint_saved", model.modelId, path);
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
        const body = sequencedJson<LoadWeightsRequest>(req, "LoadWeightsRequest");
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
            newRun(req, body.session_id, body.model_seq_id, record.base_model, record.lora_rank, source?.seed, { train_unembed: source?.train_unembed ?? true, train_mlp: source?.train_mlp ?? true, train_attn: source?.train_attn ?? true }, body.user_metadata ?? null),
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

  function addSampler(sessionId: string, samplerId: string): void {
    const session = world.sessions.get(sessionId);
    if (session && !session.sampler_ids.includes(samplerId)) {
      session.sampler_ids.push(samplerId);
      world.saveSession(session);
    }
  }
}

