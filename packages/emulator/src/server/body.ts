/** Reads a request body and undoes Content-Encoding (zstd, gzip, deflate, br). */
import type { IncomingMessage } from "node:http";
import { brotliDecompressSync, gunzipSync, inflateSync } from "node:zlib";
import { decompress as zstdDecompress } from "fzstd";
import { HttpError } from "./errors.js";

export const MAX_BODY_BYTES = 512 * 1024 * 1024;

export function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    // With a Content-Length (which the parser enforces) the body is copied once into a buffer of
    // that size, instead of a chunk list and a concat: a 4 MB forward_backward arrives in ~60 chunks.
    const declared = Number(req.headers["content-length"]);
    const into = Number.isSafeInteger(declared) && declared > 0 && declared <= MAX_BODY_BYTES ? Buffer.allocUnsafe(declared) : undefined;
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      if (size + chunk.length > MAX_BODY_BYTES) {
        req.destroy();
        reject(new HttpError(413, `request body larger than ${MAX_BODY_BYTES} bytes`));
        return;
      }
      if (into) chunk.copy(into, size);
      else chunks.push(chunk);
      size += chunk.length;
    });
    req.on("end", () => {
      if (into) resolve(into.subarray(0, size));
      else resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks));
    });
    req.on("error", reject);
  });
}

export function decodeBody(raw: Buffer, contentEncoding: string | undefined): Uint8Array {
  const encoding = (contentEncoding ?? "").trim().toLowerCase();
  if (encoding === "" || encoding === "identity" || raw.length === 0) return raw;
  try {
    switch (encoding) {
      case "zstd":
        return zstdDecompress(raw);
      case "gzip":
        return gunzipSync(raw);
      case "deflate":
        return inflateSync(raw);
      case "br":
        return brotliDecompressSync(raw);
    }
  } catch (error) {
    throw new HttpError(400, `request body is not valid ${encoding} data: ${(error as Error).message}`);
  }
  throw new HttpError(415, `Content-Encoding "${encoding}" is not supported (supported: zstd, gzip, deflate, br)`);
}
