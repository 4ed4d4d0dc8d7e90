// A minimal protobuf reader for the messages decoded by hand (see forward-backward-output.ts):
// varints, length-delimited fields, fixed64 doubles, and skipping of fields it does not know.

export const WIRE_VARINT = 0;
export const WIRE_FIXED64 = 1;
export const WIRE_LEN = 2;
const WIRE_START_GROUP = 3;
const WIRE_END_GROUP = 4;
const WIRE_FIXED32 = 5;

const decoder = new TextDecoder();

function truncated(): never {
  throw new RangeError("protobuf message is truncated or malformed");
}

export class WireReader {
  readonly #bytes: Uint8Array;
  readonly #view: DataView;
  pos: number;
  readonly end: number;

  constructor(bytes: Uint8Array, start = 0, end = bytes.length) {
    this.#bytes = bytes;
    this.#view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.pos = start;
    this.end = end;
  }

  get done(): boolean {
    return this.pos >= this.end;
  }

  /** A varint read as a 64-bit two's-complement integer, returned as a number (exact up to 2^53). */
  varint(): number {
    const b = this.#bytes;
    let lo = 0;
    let hi = 0;
    let shift = 0;
    for (let i = 0; i < 10; i++) {
      if (this.pos >= this.end) truncated();
      const byte = b[this.pos++] as number;
      if (shift < 28) {
        lo |= (byte & 0x7f) << shift;
      } else if (shift === 28) {
        lo |= (byte & 0x0f) << 28;
        hi |= (byte & 0x7f) >>> 4;
      } else {
        hi |= (byte & 0x7f) << (shift - 32);
      }
      if ((byte & 0x80) === 0) return (hi | 0) * 4294967296 + (lo >>> 0);
      shift += 7;
    }
    return truncated();
  }

  /** The payload of a length-delimited field, as a view into the input (no copy). */
  bytes(): Uint8Array {
    const length = this.varint();
    const start = this.pos;
    if (length < 0 || start + length > this.end) truncated();
    this.pos = start + length;
    return this.#bytes.subarray(start, start + length);
  }

  /** A nested message: a reader over its bytes; this reader moves past them. */
  message(): WireReader {
    const length = this.varint();
    const start = this.pos;
    if (length < 0 || start + length > this.end) truncated();
    this.pos = start + length;
    return new WireReader(this.#bytes, start, start + length);
  }

  string(): string {
    return decoder.decode(this.bytes());
  }

  double(): number {
    if (this.pos + 8 > this.end) truncated();
    const v = this.#view.getFloat64(this.pos, true);
    this.pos += 8;
    return v;
  }

  /** Skips a field's value of the given wire type (groups included). */
  skip(wireType: number, field: number): void {
    switch (wireType) {
      case WIRE_VARINT:
        this.varint();
        return;
      case WIRE_FIXED64:
        this.pos += 8;
        break;
      case WIRE_LEN:
        this.bytes();
        return;
      case WIRE_FIXED32:
        this.pos += 4;
        break;
      case WIRE_START_GROUP:
        for (;;) {
          const tag = this.varint();
          if ((tag & 7) === WIRE_END_GROUP) {
            if (tag >>> 3 !== field) truncated();
            return;
          }
          this.skip(tag & 7, tag >>> 3);
        }
      default:
        truncated();
    }
    if (this.pos > this.end) truncated();
  }
}
