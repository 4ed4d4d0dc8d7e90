/**
 * A streamed ustar archive: files are read as they are sent, padding is generated, nothing is
 * buffered whole. Chunks are produced synchronously (no promise per chunk) in writes of up to
 * 4 MiB, and zeros come from one shared buffer: serving a GiB of padding is then mostly the
 * kernel's copy into the socket. The stream is piped, so the socket's backpressure paces it.
 */
import { closeSync, openSync, readSync, statSync } from "node:fs";
import { Readable } from "node:stream";

export type TarEntry =
  | { readonly name: string; readonly file: string }
  | { readonly name: string; readonly zeros: number }
  | { readonly name: string; readonly bytes: Uint8Array }
  | { readonly name: string; readonly text: string };

const BLOCK = 512;
const CHUNK = 4 * 1024 * 1024;

/** CHUNK zero bytes, shared by every archive (nothing writes to it). */
let sharedZeros: Buffer | undefined;

function zeros(n: number): Buffer {
  sharedZeros ??= Buffer.alloc(CHUNK, 0);
  return n === CHUNK ? sharedZeros : sharedZeros.subarray(0, n);
}

function header(name: string, size: number, mtime: number): Buffer {
  const h = Buffer.alloc(BLOCK, 0);
  h.write(name.slice(0, 100), 0, "utf8");
  h.write("0000644\0", 100, "ascii");
  h.write("0000000\0", 108, "ascii");
  h.write("0000000\0", 116, "ascii");
  h.write(size.toString(8).padStart(11, "0") + "\0", 124, "ascii");
  h.write(Math.floor(mtime).toString(8).padStart(11, "0") + "\0", 136, "ascii");
  h.write("        ", 148, "ascii");
  h.write("0", 156, "ascii");
  h.write("ustar\0", 257, "ascii");
  h.write("00", 263, "ascii");
  let sum = 0;
  for (const byte of h) sum += byte;
  h.write(sum.toString(8).padStart(6, "0") + "\0 ", 148, "ascii");
  return h;
}

export function entrySize(entry: TarEntry): number {
  if ("file" in entry) return statSync(entry.file).size;
  if ("zeros" in entry) return entry.zeros;
  if ("bytes" in entry) return entry.bytes.byteLength;
  return Buffer.byteLength(entry.text);
}

export function tarSize(entries: readonly TarEntry[]): number {
  let total = 2 * BLOCK;
  for (const e of entries) total += BLOCK + Math.ceil(entrySize(e) / BLOCK) * BLOCK;
  return total;
}

export function tarStream(entries: readonly TarEntry[], mtimeSeconds: number): Readable {
  function* generate(): Generator<Buffer> {
    for (const entry of entries) {
      const size = entrySize(entry);
      yield header(entry.name, size, mtimeSeconds);
      if ("file" in entry) {
        yield* fileChunks(entry.file, size);
      } else if ("zeros" in entry) {
        for (let left = size; left > 0; left -= CHUNK) yield zeros(Math.min(left, CHUNK));
      } else if ("bytes" in entry) {
        yield Buffer.from(entry.bytes.buffer, entry.bytes.byteOffset, entry.bytes.byteLength);
      } else {
        yield Buffer.from(entry.text);
      }
      const pad = (BLOCK - (size % BLOCK)) % BLOCK;
      if (pad > 0) yield zeros(pad);
    }
    yield zeros(2 * BLOCK);
  }
  return Readable.from(generate(), { objectMode: false });
}

/** The first `size` bytes of a file, read as they are sent (the generator's return closes the file when the stream is destroyed). */
function* fileChunks(file: string, size: number): Generator<Buffer> {
  const fd = openSync(file, "r");
  try {
    for (let at = 0; at < size; ) {
      const chunk = Buffer.allocUnsafe(Math.min(CHUNK, size - at));
      const read = readSync(fd, chunk, 0, chunk.length, at);
      if (read === 0) throw new Error(`${file} is shorter than the ${size} bytes announced in the archive`);
      at += read;
      yield read === chunk.length ? chunk : chunk.subarray(0, read);
    }
  } finally {
    closeSync(fd);
  }
}
