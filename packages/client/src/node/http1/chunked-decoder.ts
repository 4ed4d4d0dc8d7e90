import { MalformedResponseError } from "./response-head.js";

// Decodes `Transfer-Encoding: chunked` (RFC 9112 §7.1) incrementally, byte by byte across reads,
// reporting the data of each chunk as ranges of the input: nothing is copied and nothing is held back.

const State = {
  Size: 0,
  Extension: 1,
  SizeLf: 2,
  Data: 3,
  DataCr: 4,
  DataLf: 5,
  TrailerStart: 6,
  Trailer: 7,
  TrailerLf: 8,
  EndLf: 9,
  Done: 10,
} as const;
type State = (typeof State)[keyof typeof State];

const CR = 0x0d;
const LF = 0x0a;
/** 13 hex digits: chunk sizes stay exact in a double. */
const MAX_SIZE_DIGITS = 13;

export class ChunkedDecoder {
  #state: State = State.Size;
  #size = 0;
  #digits = 0;
  #left = 0;

  /** True once the last chunk and the trailer section have arrived. */
  get done(): boolean {
    return this.#state === State.Done;
  }

  /**
   * Consumes `bytes[start, end)`, calling `data(from, to)` for each run of body bytes in it. Bytes
   * after the end of the body are ignored. Throws MalformedResponseError on anything not chunked.
   */
  push(bytes: Uint8Array, start: number, end: number, data: (from: number, to: number) => void): void {
    let i = start;
    while (i < end && this.#state !== State.Done) {
      if (this.#state === State.Data) {
        const to = Math.min(end, i + this.#left);
        data(i, to);
        this.#left -= to - i;
        i = to;
        if (this.#left === 0) this.#state = State.DataCr;
        continue;
      }
      this.#step(bytes[i]!);
      i++;
    }
  }

  #step(byte: number): void {
    switch (this.#state) {
      case State.Size: {
        const digit = hexValue(byte);
        if (digit !== -1) {
          if (++this.#digits > MAX_SIZE_DIGITS) throw new MalformedResponseError("chunk size too large");
          this.#size = this.#size * 16 + digit;
        } else if (this.#digits === 0) {
          throw new MalformedResponseError("chunk size expected");
        } else if (byte === CR) {
          this.#state = State.SizeLf;
        } else if (byte === 0x3b /* ; */ || byte === 0x20 || byte === 0x09) {
          this.#state = State.Extension;
        } else {
          throw new MalformedResponseError("malformed chunk size line");
        }
        return;
      }
      case State.Extension:
        if (byte === CR) this.#state = State.SizeLf;
        else if (byte === LF) throw new MalformedResponseError("bare LF in chunk size line");
        return;
      case State.SizeLf:
        expect(byte, LF);
        if (this.#size === 0) {
          this.#state = State.TrailerStart;
        } else {
          this.#left = this.#size;
          this.#state = State.Data;
        }
        this.#size = 0;
        this.#digits = 0;
        return;
      case State.DataCr:
        expect(byte, CR);
        this.#state = State.DataLf;
        return;
      case State.DataLf:
        expect(byte, LF);
        this.#state = State.Size;
        return;
      case State.TrailerStart:
        this.#state = byte === CR ? State.EndLf : State.Trailer;
        return;
      case State.Trailer:
        if (byte === CR) this.#state = State.TrailerLf;
        return;
      case State.TrailerLf:
        expect(byte, LF);
        this.#state = State.TrailerStart;
        return;
      case State.EndLf:
        expect(byte, LF);
        this.#state = State.Done;
        return;
      default:
        return;
    }
  }
}

function expect(byte: number, wanted: number): void {
  if (byte !== wanted) throw new MalformedResponseError("malformed chunked framing");
}

function hexValue(byte: number): number {
  if (byte >= 0x30 && byte <= 0x39) return byte - 0x30;
  if (byte >= 0x61 && byte <= 0x66) return byte - 0x57;
  if (byte >= 0x41 && byte <= 0x46) return byte - 0x37;
  return -1;
}
