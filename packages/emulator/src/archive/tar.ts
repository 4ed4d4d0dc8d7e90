/** A streamed ustar archive: files are read as they are sent, padding is generated, nothing is buffered whole. */
import { createReadStream, statSync } from "node:fs";
import { Readable } from "node:stream";

export type TarEntry =
  | { readonly name: string; readonly file: string }
  | { readonly name: string; readonly zeros: number }
  | { readonly name: string; readonly bytes: Uint8Array }
  | { readonly name: string; readonly text: string };

const BLOCK = 512;

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
  async function* generate(): AsyncGenerator<Buffer> {
    for (const entry of entries) {
      const size = entrySize(entry);
      yield header(entry.name, size, mtimeSeconds);
      if ("file" in entry) {
        for await (const chunk of createReadStream(entry.file)) yield chunk as Buffer;
      } else if ("zeros" in entry) {
        const chunk = Buffer.alloc(Math.min(size, 1 << 20), 0);
        for (let left = size; left > 0; left -= chunk.length) yield left >= chunk.length ? chunk : chunk.subarray(0, left);
      } else if ("bytes" in entry) {
        yield Buffer.from(entry.bytes.buffer, entry.bytes.byteOffset, entry.bytes.byteLength);
      } else {
        yield Buffer.from(entry.text);
      }
      const pad = (BLOCK - (size % BLOCK)) % BLOCK;
      if (pad > 0) yield Buffer.alloc(pad, 0);
    }
    yield Buffer.alloc(2 * BLOCK, 0);
  }
  return Readable.from(generate(), { objectMode: false });
}
