export { ModelInput, encodedTextChunk, imageChunk, chunkLength } from "./model-input.js";
export type {
  ModelInputChunk,
  EncodedTextChunk,
  ImageChunk,
  ImageAssetPointerChunk,
  DmelChunk,
} from "./model-input.js";
export { packTensor, tensorToJson, LOSS_FN_INPUT_DTYPES } from "./tensor.js";
export type { TensorData, TensorDataInput, TensorDtype, LossFnInput, PackedTensor } from "./tensor.js";
export { prepareData } from "./datum.js";
export type { DatumInput, PreparedDatum } from "./datum.js";
