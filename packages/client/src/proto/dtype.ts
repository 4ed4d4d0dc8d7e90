// tinker_public.DType values (spec/proto/tinker_public.proto), for the hand-written codecs: they
// avoid loading the generated protobuf-es descriptors.
export const DTYPE_FLOAT32 = 1;
export const DTYPE_INT64 = 2;
export const DTYPE_INT32 = 3;
export const DTYPE_BFLOAT16 = 4;
