/** Reads a request body and undoes Content-Encoding (zstd, gzip, deflate, br). */
import type { IncomingMessage } from "node:http";
import { brotliDecompressSync, gunzipSync, inflateSync } from "node:zlib";
import { decompress as zstdDecompress } from "fzstd";
import { HttpError } from "./errors.js";

export const MAX_BODY_BYTES = 512 * 1024 * 1024;

export function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        req.destroy();
        reject(new HttpError(413, `request body larger than ${MAX_BODY_BYTES} bytes`));
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks)));
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
