import { createWriteStream } from "node:fs";
import { rename, rm } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import { randomBytes } from "node:crypto";
import { DownloadError } from "./errors.js";
import { httpGet, type HttpGetResponse } from "./http-get.js";

/**
 * Buffering between the socket and the file. With Node's 16 KiB default, every 64 KiB socket chunk
 * pauses the socket until its file write returns; 1 MiB lets reads and writes overlap and lets the
 * file stream coalesce chunks into one writev (≈1.3–1.5× the throughput; memory stays bounded).
 */
const STREAM_BUFFER_BYTES = 1024 * 1024;

export interface DownloadProgress {
  /** Bytes written to disk so far. */
  bytesDownloaded: number;
  /** From `Content-Length`; undefined when the server does not say. */
  totalBytes: number | undefined;
}

export interface DownloadFileOptions {
  signal?: AbortSignal;
  onProgress?: (progress: DownloadProgress) => void;
  /**
   * A WHATWG fetch to download with (tests, custom networking). Default: `node:http(s)`, piped
   * straight into the file — about 1.5× the throughput of fetch + `Readable.fromWeb`.
   */
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
  const response = options.fetch === undefined ? await openWithNodeHttp(url, options.signal) : await openWithFetch(options.fetch, url, options.signal);
  const totalBytes = response.totalBytes;
  let bytesDownloaded = 0;
  const onProgress = options.onProgress;
  const counter = new Transform({
    highWaterMark: STREAM_BUFFER_BYTES,
    transform(chunk: Buffer, _encoding, callback) {
      bytesDownloaded += chunk.length;
      onProgress?.({ bytesDownloaded, totalBytes });
      callback(null, chunk);
    },
  });

  const partial = temporarySibling(target);
  try {
    const body = response.body;
    const streams = options.signal ? { signal: options.signal } : {};
    await pipeline(body, counter, createWriteStream(partial, { flags: "wx", highWaterMark: STREAM_BUFFER_BYTES }), streams);
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

interface OpenedDownload {
  readonly status: number;
  readonly body: Readable;
  readonly totalBytes: number | undefined;
}

async function openWithNodeHttp(url: string, signal: AbortSignal | undefined): Promise<OpenedDownload> {
  let response: HttpGetResponse;
  try {
    response = await httpGet(url, signal);
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new DownloadError(`Download failed: ${describe(error)}`, undefined, { cause: error });
  }
  if (response.status < 200 || response.status > 299) {
    response.discard();
    throw new DownloadError(`Download failed: HTTP ${response.status} from the archive URL`, response.status);
  }
  return response;
}

async function openWithFetch(doFetch: typeof globalThis.fetch, url: string, signal: AbortSignal | undefined): Promise<OpenedDownload> {
  let response: Response;
  try {
    response = await doFetch(url, signal ? { signal } : {});
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new DownloadError(`Download failed: ${describe(error)}`, undefined, { cause: error });
  }
  if (!response.ok || response.body === null) {
    await response.body?.cancel().catch(() => {});
    throw new DownloadError(`Download failed: HTTP ${response.status} from the archive URL`, response.status);
  }
  const lengthHeader = response.headers.get("content-length");
  return {
    status: response.status,
    body: Readable.fromWeb(response.body as import("node:stream/web").ReadableStream<Uint8Array>),
    totalBytes: lengthHeader !== null && /^\d+$/.test(lengthHeader) ? Number(lengthHeader) : undefined,
  };
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
