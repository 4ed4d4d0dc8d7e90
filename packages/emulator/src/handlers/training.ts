/** Model endpoints: create_model, get_info, unload_model, forward_backward, optim_step. */
import { adamStep } from "../model/adam.js";
import { crossEntropy } from "../model/lm.js";
import { decodeDatums, decodeForwardBackwardRequest, encodeForwardBackwardOutput, forwardBackwardOutputJson, type DatumOutput, type ForwardBackwardResult } from "../proto/fwdbwd.js";
import { decodeDatumShapes } from "../proto/fwdbwd-shapes.js";
import { ZeroOutputs } from "../proto/zero-output.js";
import { badRequest, HttpError } from "../server/errors.js";
import type { Route } from "../server/types.js";
import { ok } from "../server/types.js";
import type { FutureResult } from "../state/futures.js";
import type { LiveModel } from "../state/world.js";
import type { CreateModelRequest, LoraConfig, GetInfoRequest, OptimStepRequest, UnloadModelRequest } from "../wire.js";
import type { HandlerContext } from "./context.js";
import { checked, modelIdOf, newRun, sequencedJson } from "./model-support.js";
import { submitImmediate, submitModelOp } from "./submit.js";

export const SUPPORTED_LOSS_FNS = ["cross_entropy"] as const;

export function trainingRoutes(ctx: HandlerContext): Route[] {
  const { world } = ctx;

  /** What cross_entropy needs of a datum: target_tokens (and optional weights) as long as the model input. */
  const checkDatum = (i: number, tokens: number, inputs: ReadonlyMap<string, { readonly length: number } | number>): void => {
    const length = (value: { readonly length: number } | number | undefined): number | undefined => (typeof value === "object" ? value.length : value);
    for (const key of inputs.keys()) {
      if (key !== "target_tokens" && key !== "weights") throw badRequest(`data[${i}].loss_fn_inputs.${key}: cross_entropy takes target_tokens and weights only`, key);
    }
    const targets = length(inputs.get("target_tokens"));
    if (targets === undefined) throw badRequest(`data[${i}].loss_fn_inputs: missing required field "target_tokens"`, "target_tokens");
    const weights = length(inputs.get("weights")) ?? targets;
    if (targets !== tokens) throw badRequest(`data[${i}]: target_tokens has ${targets} entries but model_input has ${tokens} tokens`, "target_tokens");
    if (weights !== targets) throw badRequest(`data[${i}]: weights has ${weights} entries but target_tokens has ${targets}`, "weights");
  };

  const zeroOutputs = new ZeroOutputs();

  /** skipModel: the request is decoded and checked as for the model, then answered with zeros of the right shapes. */
  const standIn = (request: ReturnType<typeof decodeForwardBackwardRequest>): (() => FutureResult) => {
    const shapes = decodeDatumShapes(request);
    shapes.forEach((shape, i) => checkDatum(i, shape.tokens, shape.inputs));
    const lengths = shapes.map((shape) => shape.tokens);
    return () => ({ kind: "proto", binary: () => zeroOutputs.binary(lengths), json: () => zeroOutputs.json(lengths) });
  };

  const forwardBackward = (model: LiveModel, request: ReturnType<typeof decodeForwardBackwardRequest>): (() => FutureResult) => {
    if (ctx.skipModel) return standIn(request);
    const datums = decodeDatums(request);
    const prepared = datums.map((d, i) => {
      checkDatum(i, d.tokens.length, d.inputs);
      const targets = d.inputs.get("target_tokens")!;
      const weights = d.inputs.get("weights") ?? new Array<number>(targets.length).fill(1);
      return { tokens: d.tokens, targets, weights };
    });
    return () => {
      const outputs: DatumOutput[] = [];
      let loss = 0;
      for (const datum of prepared) {
        const r = crossEntropy(model.adapter, datum, request.forwardOnly ? undefined : model.grad);
        outputs.push({ logprobs: r.logprobs, elementwiseLoss: r.elementwiseLoss });
        loss += r.loss;
      }
      const result: ForwardBackwardResult = { outputs, metrics: { "loss:sum": loss } };
      return { kind: "proto", binary: () => encodeForwardBackwardOutput(result), json: () => forwardBackwardOutputJson(result) };
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
        // The same request again (a retry) gets the same model; another model under a used model_seq_id is a client bug.
        if (existing && (existing.run.base_model !== body.base_model || existing.run.lora_rank !== lora.rank)) {
          throw badRequest(`model_seq_id ${body.model_seq_id} of session ${body.session_id} is already model ${modelId} (${existing.run.base_model}, rank ${existing.run.lora_rank}); use the next model_seq_id`, "model_seq_id");
        }
        if (!existing) {
          world.createModel(
            newRun(ctx, req, body.session_id, body.model_seq_id, body.base_model, lora.rank, lora.seed, { train_unembed: lora.train_unembed ?? true, train_mlp: lora.train_mlp ?? true, train_attn: lora.train_attn ?? true }, body.user_metadata ?? null),
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
        return submitModelOp(ctx, req, model, seq, request.forwardOnly ? "Forward" : "ForwardBackward", run);
      },
    },
    {
      method: "POST",
      pattern: "/api/v1/optim_step",
      handler: (req) => {
        const body = sequencedJson<OptimStepRequest>(ctx, req, "OptimStepRequest");
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
  ];
}
