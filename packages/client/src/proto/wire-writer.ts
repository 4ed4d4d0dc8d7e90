import { LITTLE_ENDIAN_HOST } from "./little-endian.js";

// A protobuf writer into one buffer of a size computed beforehand: callers add up the sizes with the
// functions below, then write the fields in the same order. Field numbers here are all < 16, so a
// tag is one byte.

export const WIRE_VARINT = 0;
export const WIRE_FIXED64 = 1;
export const WIRE_LEN = 2;

/** Bytes of a varint holding a non-negative integer up to 2^53. */
export function varintSize(n: number): number {
  let size = 1;
  while (n >= 128) {
    n = Math.floor(n / 128);
    size++;
  }
  return size;
}

/** Bytes of an int32 field's varint: negative values are sign-extended to 64 bits (10 bytes). */
export function int32Size(n: number): number {
  return n < 0 ? 10 : varintSize(n);
}

/** Bytes of a length-delimited field (tag, length, payload) with a payload of `length` bytes. */
export function lenFieldSize(length: number): number {
  return 1 + varintSize(length) + length;
}

/** UTF-8 length of a string as TextEncoder writes it (a lone surrogate becomes U+FFFD, 3 bytes). */
export function utf8Length(s: string): number {
  const n = s.length;
  let bytes = n;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) continue;
    if (c < 0x800) {
      bytes += 1;
    } else if (c >= 0xd800 && c <= 0xdbff && i + 1 < n && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 2; // a surrogate pair: 4 bytes for 2 UTF-16 units
      i++;
    } else {
      bytes += 2;
    }
  }
  return bytes;
}

const encoder = new TextEncoder();

export class WireWriter {
  readonly bytes: Uint8Array;
  readonly #view: DataView;
  #pos = 0;
  #scratch: Int32Array | undefined;

  constructor(size: number) {
    this.bytes = new Uint8Array(size);
    this.#view = new DataView(this.bytes.buffer);
  }

  tag(field: number, wireType: number): void {
    this.bytes[this.#pos++] = (field << 3) | wireType;
  }

  varint(n: number): void {
    const b = this.bytes;
    let pos = this.#pos;
    if (n < 0x80000000) {
      while (n >= 128) {
        b[pos++] = (n & 0x7f) | 0x80;
        n >>>= 7;
      }
    } else {
      while (n >= 128) {
        b[pos++] = (n % 128) | 0x80;
        n = Math.floor(n / 128);
      }
    }
    b[pos++] = n;
    this.#pos = pos;
  }

  int32(n: number): void {
    if (n >= 0) return this.varint(n);
    // Two's complement over 64 bits: the low word, then all-ones high bits.
    const b = this.bytes;
    let pos = this.#pos;
    let lo = n >>> 0;
    for (let i = 0; i < 4; i++) {
      b[pos++] = (lo & 0x7f) | 0x80;
      lo >>>= 7;
    }
    b[pos++] = lo | 0x70 | 0x80; // 4 bits of the low word, 3 of the high
    for (let i = 0; i < 4; i++) b[pos++] = 0xff;
    b[pos++] = 0x01;
    this.#pos = pos;
  }

  double(v: number): void {
    this.#view.setFloat64(this.#pos, v, true);
    this.#pos += 8;
  }

  /** A string of `length` UTF-8 bytes (from utf8Length). */
  string(s: string, length: number): void {
    if (length === s.length) {
      const b = this.bytes;
      let pos = this.#pos;
      for (let i = 0; i < length; i++) b[pos++] = s.charCodeAt(i);
      this.#pos = pos;
    } else {
      encoder.encodeInto(s, this.bytes.subarray(this.#pos, this.#pos + length));
      this.#pos += length;
    }
  }

  raw(data: Uint8Array): void {
    this.bytes.set(data, this.#pos);
    this.#pos += data.length;
  }

  /** A typed array's elements, little-endian. */
  littleEndian(values: Float32Array | BigInt64Array): void {
    if (LITTLE_ENDIAN_HOST) return this.raw(new Uint8Array(values.buffer, values.byteOffset, values.byteLength));
    const view = this.#view;
    let pos = this.#pos;
    if (values instanceof Float32Array) {
      for (let i = 0; i < values.length; i++, pos += 4) view.setFloat32(pos, values[i] as number, true);
    } else {
      for (let i = 0; i < values.length; i++, pos += 8) view.setBigInt64(pos, values[i] as bigint, true);
    }
    this.#pos = pos;
  }

  /** int32 values (already checked to be int32 integers), little-endian. */
  int32s(values: ArrayLike<number>): void {
    const n = values.length;
    if (LITTLE_ENDIAN_HOST) {
      if ((this.#pos & 3) === 0) {
        new Int32Array(this.bytes.buffer, this.#pos, n).set(values);
      } else {
        if (this.#scratch === undefined || this.#scratch.length < n) this.#scratch = new Int32Array(Math.max(n, 1024));
        this.#scratch.set(values);
        this.bytes.set(new Uint8Array(this.#scratch.buffer, 0, 4 * n), this.#pos);
      }
      this.#pos += 4 * n;
      return;
    }
    const view = this.#view;
    let pos = this.#pos;
    for (let i = 0; i < n; i++, pos += 4) view.setInt32(pos, values[i] as number, true);
    this.#pos = pos;
  }

  /** The buffer, after checking that exactly the computed size was written. */
  finish(): Uint8Array {
    if (this.#pos !== this.bytes.length) throw new Error(`protobuf writer: wrote ${this.#pos} of ${this.bytes.length} computed bytes`);
    return this.bytes;
  }
}
