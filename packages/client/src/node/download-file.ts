import { createWriteStream } from "node:fs";
import { rename, rm } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import { randomBytes } from "node:crypto";
import { DownloadError } from "./errors.js";

export interface DownloadProgress {
  /** Bytes written to disk so far. */
  bytesDownloaded: number;
  /** From `Content-Length`; undefined when the server does not say. */
  totalBytes: number | undefined;
}

export interface DownloadFileOptions {
  signal?: AbortSignal;
  onProgress?: (progress: DownloadProgress) => void;
  /** Injected for tests; defaults to the global fetch. */
  fetch?: typeof globalThis.fetch;
}

/** A name next to `target` for a file that is written first and renamed into place at the end. */
export function temporarySibling(target: string, tag = "partial"): string {
  return join(dirname(target), `.${basename(target)}.${tag}-${randomBytes(6).toString("hex")}`);
}

/**
 * Streams `url` into `target` with constant memory: the body is piped chunk by chunk into a
 * temporary file beside the target, which is renamed over it only once every byte has arrived.
 * A failed or aborted download leaves nothing behind. Resolves to the number of bytes written.
 */
export async function downloadFile(
  url: string,
  target: string,
  options: DownloadFileOptions = {},
): Promise<number> {
  const doFetch = options.fetch ?? globalThis.fetch;
  const init: RequestInit = options.signal ? { signal: options.signal } : {};
  let response: Response;
  try {
    response = await doFetch(url, init);
  } catch (error) {
    if (options.signal?.aborted) throw error;
    throw new DownloadError(`Download failed: ${describe(error)}`, undefined, { cause: error });
  }
  if (!response.ok || response.body === null) {
    await response.body?.cancel().catch(() => {});
    throw new DownloadError(`Download failed: HTTP ${response.status} from the archive URL`, response.status);
  }

  const lengthHeader = response.headers.get("content-length");
  const totalBytes = lengthHeader !== null && /^\d+$/.test(lengthHeader) ? Number(lengthHeader) : undefined;
  let bytesDownloaded = 0;
  const onProgress = options.onProgress;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      bytesDownloaded += chunk.length;
      onProgress?.({ bytesDownloaded, totalBytes });
      callback(null, chunk);
    },
  });

  const partial = temporarySibling(target);
  try {
    const body = Readable.fromWeb(response.body as import("node:stream/web").ReadableStream<Uint8Array>);
    const streams = options.signal ? { signal: options.signal } : {};
    await pipeline(body, counter, createWriteStream(partial, { flags: "wx" }), streams);
    if (totalBytes !== undefined && bytesDownloaded !== totalBytes) {
      throw new DownloadError(
        `Download incomplete: received ${bytesDownloaded} of ${totalBytes} bytes`,
        response.status,
      );
    }
    await rename(partial, target);
  } catch (error) {
    await rm(partial, { force: true });
    if (error instanceof DownloadError || options.signal?.aborted) throw error;
    throw new DownloadError(`Download failed: ${describe(error)}`, response.status, { cause: error });
  }
  return bytesDownloaded;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
