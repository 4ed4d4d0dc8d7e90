// The protobuf byte fields carry little-endian arrays. Typed arrays use the platform's byte order,
// so on a big-endian host we go through DataView instead (the writing side is WireWriter.littleEndian).
export const LITTLE_ENDIAN_HOST = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

function dataView(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function checkMultiple(bytes: Uint8Array, width: number, what: string): number {
  if (bytes.byteLength % width !== 0) throw new RangeError(`${what}: ${bytes.byteLength} bytes is not a multiple of ${width}`);
  return bytes.byteLength / width;
}

/**
 * The bytes as a typed array when the host is little-endian and they are aligned for it; else
 * undefined, and the caller reads them through a DataView (no copy into a new ArrayBuffer: a
 * protobuf field is rarely aligned, and an ArrayBuffer per field costs more than the reads).
 */
function alignedView<T>(bytes: Uint8Array, width: number, make: (buffer: ArrayBufferLike, offset: number, length: number) => T): T | undefined {
  if (!LITTLE_ENDIAN_HOST || bytes.byteOffset % width !== 0) return undefined;
  return make(bytes.buffer, bytes.byteOffset, bytes.byteLength / width);
}

function toNumbers(source: ArrayLike<number>): number[] {
  const n = source.length;
  const out = new Array<number>(n);
  for (let i = 0; i < n; i++) out[i] = source[i] as number;
  return out;
}

export function bytesToInt32(bytes: Uint8Array, what = "int32 array"): number[] {
  const n = checkMultiple(bytes, 4, what);
  const aligned = alignedView(bytes, 4, (b, o, l) => new Int32Array(b, o, l));
  if (aligned !== undefined) return toNumbers(aligned);
  const view = dataView(bytes);
  const out = new Array<number>(n);
  for (let i = 0; i < n; i++) out[i] = view.getInt32(i * 4, true);
  return out;
}

export function bytesToFloat32(bytes: Uint8Array, what = "float32 array"): number[] {
  const n = checkMultiple(bytes, 4, what);
  const aligned = alignedView(bytes, 4, (b, o, l) => new Float32Array(b, o, l));
  if (aligned !== undefined) return toNumbers(aligned);
  const view = dataView(bytes);
  const out = new Array<number>(n);
  for (let i = 0; i < n; i++) out[i] = view.getFloat32(i * 4, true);
  return out;
}

/** bfloat16 is the upper half of a float32. */
export function bytesToBfloat16(bytes: Uint8Array, what = "bfloat16 array"): number[] {
  const n = checkMultiple(bytes, 2, what);
  const view = dataView(bytes);
  const word = new Uint32Array(1);
  const float = new Float32Array(word.buffer);
  const out = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    word[0] = view.getUint16(i * 2, true) << 16;
    out[i] = float[0] as number;
  }
  return out;
}

/** int64 values as JS numbers (exact up to 2^53, which covers token ids and byte offsets; beyond, rounded to nearest). */
export function bytesToInt64(bytes: Uint8Array, what = "int64 array"): number[] {
  const n = checkMultiple(bytes, 8, what);
  const out = new Array<number>(n);
  // high · 2³² + low rounds once, to the nearest double, like Number(BigInt).
  const low = alignedView(bytes, 4, (b, o, l) => new Uint32Array(b, o, l));
  if (low !== undefined) {
    const high = new Int32Array(low.buffer, low.byteOffset, low.length);
    for (let i = 0; i < n; i++) out[i] = (high[2 * i + 1] as number) * 4294967296 + (low[2 * i] as number);
    return out;
  }
  const view = dataView(bytes);
  for (let i = 0; i < n; i++) out[i] = view.getInt32(i * 8 + 4, true) * 4294967296 + view.getUint32(i * 8, true);
  return out;
}
