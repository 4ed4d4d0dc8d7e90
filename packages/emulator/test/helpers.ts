/** Test helpers: a tiny client over fetch for the emulator's endpoints. */
import { create, fromBinary, toBinary } from "@bufbuild/protobuf";
import {
  ChunkSchema,
  DatumSchema,
  DType,
  EncodedTextChunkSchema,
  ForwardBackwardOutputSchema,
  ForwardBackwardRequestSchema,
  TensorSchema,
} from "@tinker-ts/types/proto";
import { startEmulator, type Emulator, type EmulatorOptions } from "../src/index.js";

export const KEY = "tml-emulator";

export interface Api {
  readonly emulator: Emulator;
  post(path: string, body: unknown, headers?: Record<string, string>): Promise<Response>;
  postJson<T = Record<string, unknown>>(path: string, body: unknown, headers?: Record<string, string>): Promise<T>;
  get(path: string, headers?: Record<string, string>): Promise<Response>;
  send(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<Response>;
  /** Polls retrieve_future until the result is not try_again. */
  result<T = Record<string, unknown>>(requestId: string, headers?: Record<string, string>): Promise<T>;
  resultProto(requestId: string): Promise<Uint8Array>;
  session(): Promise<string>;
  createModel(sessionId: string, modelSeqId?: number, rank?: number, seed?: number): Promise<string>;
}

function toBody(body: unknown): BodyInit {
  if (typeof body === "string") return body;
  if (body instanceof Uint8Array) return new Blob([body as Uint8Array<ArrayBuffer>]);
  return JSON.stringify(body);
}

export async function startApi(options: EmulatorOptions = {}): Promise<Api> {
  const emulator = await startEmulator({ longPollMs: 2000, ...options });
  const base = { "x-api-key": KEY, "content-type": "application/json" };
  const send = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Response> =>
    fetch(emulator.url + path, { method, headers: { ...base, ...headers }, ...(body === undefined ? {} : { body: toBody(body) }), redirect: "manual" });
  const post = (path: string, body: unknown, headers?: Record<string, string>): Promise<Response> => send("POST", path, body, headers);
  const postJson = async <T>(path: string, body: unknown, headers?: Record<string, string>): Promise<T> => {
    const res = await post(path, body, headers);
    const text = await res.text();
    if (res.status !== 200) throw new Error(`${path} → ${res.status} ${text}`);
    return JSON.parse(text) as T;
  };
  const api: Api = {
    emulator,
    post,
    postJson,
    get: (path, headers) => send("GET", path, undefined, headers),
    send,
    async result<T>(requestId: string, headers?: Record<string, string>): Promise<T> {
      for (;;) {
        const r = await postJson<Record<string, unknown>>("/api/v1/retrieve_future", { request_id: requestId, allow_metadata_only: false }, headers);
        if (r["type"] !== "try_again") return r as T;
      }
    },
    async resultProto(requestId: string): Promise<Uint8Array> {
      for (;;) {
        const res = await post("/api/v1/retrieve_future", { request_id: requestId, allow_metadata_only: false }, { accept: "application/x-protobuf" });
        if ((res.headers.get("content-type") ?? "").includes("application/x-protobuf")) return new Uint8Array(await res.arrayBuffer());
        const text = await res.text();
        if (!text.includes("try_again")) throw new Error(`expected protobuf, got ${res.status} ${text}`);
      }
    },
    async session(): Promise<string> {
      const r = await postJson<{ session_id: string }>("/api/v1/create_session", { tags: [], user_metadata: {}, sdk_version: "0.38.0", type: "create_session" });
      return r.session_id;
    },
    async createModel(sessionId: string, modelSeqId = 0, rank = 4, seed = 7): Promise<string> {
      const f = await postJson<{ request_id: string }>("/api/v1/create_model", {
        session_id: sessionId,
        model_seq_id: modelSeqId,
        base_model: "Qwen/Qwen3-8B",
        lora_config: { rank, seed, train_unembed: true, train_mlp: true, train_attn: true },
        optimizer_config: { type: "adamw" },
        type: "create_model",
      });
      const r = await api.result<{ model_id: string }>(f.request_id);
      return r.model_id;
    },
  };
  return api;
}

export interface TestDatum {
  readonly tokens: readonly number[];
  readonly targets: readonly number[];
  readonly weights?: readonly number[];
}

export function fwdBwdBody(modelId: string, seqId: number, data: readonly TestDatum[], options: { forwardOnly?: boolean; lossFn?: string } = {}): Uint8Array {
  const message = create(ForwardBackwardRequestSchema, {
    modelId,
    seqId,
    lossFn: options.lossFn ?? "cross_entropy",
    forwardOnly: options.forwardOnly ?? false,
    data: data.map((d) => {
      const lossFnInputs: Record<string, ReturnType<typeof create<typeof TensorSchema>>> = {
        target_tokens: create(TensorSchema, { encoding: { case: "dense", value: new Uint8Array(BigInt64Array.from(d.targets.map(BigInt)).buffer) }, dtype: DType.DTYPE_INT64, shape: [BigInt(d.targets.length)] }),
      };
      if (d.weights) lossFnInputs["weights"] = create(TensorSchema, { encoding: { case: "dense", value: new Uint8Array(Float32Array.from(d.weights).buffer) }, dtype: DType.DTYPE_FLOAT32, shape: [BigInt(d.weights.length)] });
      return create(DatumSchema, {
        modelInput: [create(ChunkSchema, { chunk: { case: "encodedText", value: create(EncodedTextChunkSchema, { tokens: new Uint8Array(Int32Array.from(d.tokens).buffer) }) } })],
        lossFnInputs,
      });
    }),
  });
  return toBinary(ForwardBackwardRequestSchema, message);
}

export interface DecodedOutput {
  readonly loss: number;
  readonly logprobs: number[][];
}

export function decodeFwdBwd(bytes: Uint8Array): DecodedOutput {
  const out = fromBinary(ForwardBackwardOutputSchema, bytes);
  const record = out.lossFnOutputs[0]!;
  const field = record.fields["logprobs"]!;
  const data = new Float32Array(field.data.slice().buffer);
  const offsets = new BigInt64Array(field.offsets.slice().buffer);
  const logprobs: number[][] = [];
  for (let i = 0; i + 1 < offsets.length; i++) logprobs.push(Array.from(data.subarray(Number(offsets[i]!) / 4, Number(offsets[i + 1]!) / 4)));
  return { loss: out.metrics["loss:sum"]!, logprobs };
}

export async function forwardBackward(api: Api, modelId: string, seqId: number, data: readonly TestDatum[], options: { forwardOnly?: boolean } = {}): Promise<DecodedOutput> {
  const res = await api.post("/api/v1/forward_backward", fwdBwdBody(modelId, seqId, data, options), { "content-type": "application/x-protobuf" });
  if (res.status !== 200) throw new Error(`forward_backward → ${res.status} ${await res.text()}`);
  const { request_id } = (await res.json()) as { request_id: string };
  return decodeFwdBwd(await api.resultProto(request_id));
}

export const ADAM = { learning_rate: 0.05, beta1: 0.9, beta2: 0.95, eps: 1e-12, weight_decay: 0.01, grad_clip_norm: 1.0 };

export async function optimStep(api: Api, modelId: string, seqId: number, adam: Record<string, number> = ADAM): Promise<Record<string, unknown>> {
  const f = await api.postJson<{ request_id: string }>("/api/v1/optim_step", { model_id: modelId, seq_id: seqId, type: "optim_step", adam_params: adam });
  return api.result(f.request_id);
}

export const BATCH: readonly TestDatum[] = [
  { tokens: [1, 2, 3, 4, 5], targets: [2, 3, 4, 5, 6], weights: [0, 1, 1, 1, 1] },
  { tokens: [72, 101, 108, 108, 111], targets: [101, 108, 108, 111, 33], weights: [1, 1, 0.5, 1, 2] },
  { tokens: [100000, -3, 7], targets: [7, 8, 9] },
];
