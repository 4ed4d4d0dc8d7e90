// skipModel's forward_backward decodes and checks the body like the model does, and answers zeros of the right shapes.
import { create, toBinary } from "@bufbuild/protobuf";
import { ChunkSchema, DatumSchema, DType, EncodedTextChunkSchema, ForwardBackwardRequestSchema, ImageChunkSchema, TensorSchema } from "@tinker-ts/types/proto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Api, decodeFwdBwd, startApi } from "./helpers.js";

type Tensor = ReturnType<typeof create<typeof TensorSchema>>;
type Chunk = ReturnType<typeof create<typeof ChunkSchema>>;

const text = (tokens: number[]): Chunk => create(ChunkSchema, { chunk: { case: "encodedText", value: create(EncodedTextChunkSchema, { tokens: new Uint8Array(Int32Array.from(tokens).buffer) }) } });
const image = (expectedTokens?: number): Chunk =>
  create(ChunkSchema, { chunk: { case: "image", value: create(ImageChunkSchema, { data: new Uint8Array([1, 2, 3]), format: "png", ...(expectedTokens === undefined ? {} : { expectedTokens }) }) } });
const int64 = (values: number[]): Tensor => create(TensorSchema, { encoding: { case: "dense", value: new Uint8Array(BigInt64Array.from(values.map(BigInt)).buffer) }, dtype: DType.DTYPE_INT64, shape: [BigInt(values.length)] });
const float32 = (values: number[]): Tensor => create(TensorSchema, { encoding: { case: "dense", value: new Uint8Array(Float32Array.from(values).buffer) }, dtype: DType.DTYPE_FLOAT32, shape: [BigInt(values.length)] });

function body(modelId: string, seqId: number, data: Array<{ input: Chunk[]; inputs: Record<string, Tensor> }>): Uint8Array {
  return toBinary(
    ForwardBackwardRequestSchema,
    create(ForwardBackwardRequestSchema, { modelId, seqId, lossFn: "cross_entropy", data: data.map((d) => create(DatumSchema, { modelInput: d.input, lossFnInputs: d.inputs })) }),
  );
}

let model: Api;
let skip: Api;
let modelIds: { model: string; skip: string };
/** seq_id 0 = no seq_id: requests run in arrival order (a body that is not protobuf has no seq_id to release). */
const seq = 0;

beforeAll(async () => {
  [model, skip] = await Promise.all([startApi(), startApi({ skipModel: true })]);
  modelIds = { model: await model.createModel(await model.session()), skip: await skip.createModel(await skip.session()) };
});
afterAll(async () => {
  await Promise.all([model.emulator.close(), skip.emulator.close()]);
});

const post = (api: Api, bytes: Uint8Array): Promise<Response> => api.post("/api/v1/forward_backward", bytes, { "content-type": "application/x-protobuf" });

const BAD: Array<[string, (modelId: string, seqId: number) => Uint8Array]> = [
  ["a body that is not protobuf", () => new Uint8Array([0x0a, 0xff, 0xff, 0xff, 0xff, 0x0f])],
  ["target_tokens shorter than the input", (m, s) => body(m, s, [{ input: [text([1, 2, 3])], inputs: { target_tokens: int64([2, 3]) } }])],
  ["weights longer than target_tokens", (m, s) => body(m, s, [{ input: [text([1, 2])], inputs: { target_tokens: int64([2, 3]), weights: float32([1, 1, 1]) } }])],
  ["no target_tokens", (m, s) => body(m, s, [{ input: [text([1, 2])], inputs: { weights: float32([1, 1]) } }])],
  ["an input cross_entropy does not take", (m, s) => body(m, s, [{ input: [text([1])], inputs: { target_tokens: int64([2]), advantages: float32([1]) } }])],
  ["an unsupported dtype", (m, s) => body(m, s, [{ input: [text([1])], inputs: { target_tokens: create(TensorSchema, { encoding: { case: "dense", value: new Uint8Array(8) }, dtype: DType.DTYPE_UNSPECIFIED, shape: [1n] }) } }])],
  ["an image without expected_tokens", (m, s) => body(m, s, [{ input: [image()], inputs: { target_tokens: int64([]) } }])],
  ["an empty chunk", (m, s) => body(m, s, [{ input: [create(ChunkSchema, {})], inputs: { target_tokens: int64([]) } }])],
  ["a bad second datum", (m, s) => body(m, s, [{ input: [text([1])], inputs: { target_tokens: int64([2]) } }, { input: [text([1, 2])], inputs: { target_tokens: int64([2]) } }])],
];

describe("skipModel forward_backward", () => {
  it.each(BAD)("rejects %s exactly as the model does", async (_name, make) => {
    const [withModel, skipped] = await Promise.all([post(model, make(modelIds.model, seq)), post(skip, make(modelIds.skip, seq))]);
    expect(skipped.status).toBe(400);
    expect(await skipped.json()).toEqual(await withModel.json());
  });

  it("answers zeros shaped like each datum (text and image chunks), as protobuf and as JSON, again for the same shape", async () => {
    const data = [
      { input: [text([1, 2, 3]), image(2)], inputs: { target_tokens: int64([1, 2, 3, 4, 5]), weights: float32([1, 1, 1, 0, 0]) } },
      { input: [text([7])], inputs: { target_tokens: int64([8]) } },
    ];
    const results: Uint8Array[] = [];
    for (let round = 0; round < 2; round++) {
      const submitted = await post(skip, body(modelIds.skip, seq, data));
      expect(submitted.status).toBe(200);
      const bytes = await skip.resultProto(((await submitted.json()) as { request_id: string }).request_id);
      const out = decodeFwdBwd(bytes);
      expect(out.logprobs).toEqual([[0, 0, 0, 0, 0], [0]]);
      expect(out.loss).toBe(0);
      results.push(bytes);
    }
    expect(Buffer.from(results[1]!).equals(Buffer.from(results[0]!))).toBe(true);
    const other = await post(skip, body(modelIds.skip, seq, [data[1]!, data[1]!, data[0]!]));
    expect(decodeFwdBwd(await skip.resultProto(((await other.json()) as { request_id: string }).request_id)).logprobs.map((l) => l.length)).toEqual([1, 1, 5]);
    const asJson = await post(skip, body(modelIds.skip, seq, data));
    const json = await skip.result<{ loss_fn_outputs: Array<Record<string, { data: number[]; shape: number[] }>>; metrics: Record<string, number> }>(((await asJson.json()) as { request_id: string }).request_id);
    expect(json.loss_fn_outputs.map((o) => o["logprobs"]!.shape)).toEqual([[5], [1]]);
    expect(json.loss_fn_outputs[0]!["elementwise_loss"]!.data).toEqual([0, 0, 0, 0, 0]);
    expect(json.metrics).toEqual({ "loss:sum": 0 });
  });
});
