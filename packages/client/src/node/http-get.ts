import * as http from "node:http";
import * as https from "node:https";
import type { Readable } from "node:stream";
import { decodedBody, REDIRECT_STATUSES } from "../transport/node-response.js";

const MAX_REDIRECTS = 10;

export interface HttpGetResponse {
  readonly status: number;
  /** The (decompressed) body. */
  readonly body: Readable;
  /** Content-Length of the body as it arrives, undefined when unknown or content-encoded. */
  readonly totalBytes: number | undefined;
  /** Discards the body (for error responses). */
  discard(): void;
}

function getOnce(url: URL, signal: AbortSignal | undefined): Promise<http.IncomingMessage> {
  return new Promise((resolve, reject) => {
    const get = url.protocol === "https:" ? https.get : url.protocol === "http:" ? http.get : undefined;
    if (get === undefined) {
      reject(new TypeError(`Unsupported protocol ${url.protocol}`));
      return;
    }
    const req = get(url, signal ? { signal } : {}, resolve);
    req.on("error", reject);
  });
}

/**
 * A GET over `node:http(s)` whose body is the response stream itself — no WHATWG stream bridge,
 * which roughly halves a large download's throughput. Follows redirects like fetch does.
 * `downloadFile` uses it only for what `socketGet` (http1/socket-get.ts) leaves to node:http.
 */
export async function httpGet(url: string, signal: AbortSignal | undefined): Promise<HttpGetResponse> {
  let current = new URL(url);
  for (let hop = 0; ; hop++) {
    signal?.throwIfAborted();
    const res = await getOnce(current, signal);
    const status = res.statusCode ?? 0;
    const location = res.headers.location;
    if (REDIRECT_STATUSES.has(status) && location !== undefined && hop < MAX_REDIRECTS) {
      res.resume();
      current = new URL(location, current);
      continue;
    }
    const lengthHeader = res.headers["content-length"];
    const encoded = res.headers["content-encoding"] !== undefined && res.headers["content-encoding"] !== "identity";
    const totalBytes = !encoded && lengthHeader !== undefined && /^\d+$/.test(lengthHeader) ? Number(lengthHeader) : undefined;
    return { status, body: decodedBody(res), totalBytes, discard: () => res.resume() };
  }
}
