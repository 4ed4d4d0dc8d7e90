import { onAbort as onSignalAbort } from "../core/abort-fanout.js";
import { abortSourceOf, acceptsCancelSource } from "./abort-source.js";
import { TransportTimeoutError, type FetchLike, type ResponseHeaders, type Transport, type TransportResponse } from "./types.js";

const decoder = new TextDecoder();

/** `globalThis.fetch`, looked up at call time so later patching (msw, polyfills) is honoured. */
export const lateBoundFetch: FetchLike = (input) => globalThis.fetch(input);

function headersOf(h: Headers): ResponseHeaders {
  return {
    get: (name) => h.get(name),
    entries: () => h.entries(),
  };
}

/**
 * A transport over any WHATWG fetch. The fetch receives one `Request` object (the
 * openapi-fetch convention), so a test handler can be `(req: Request) => Response`.
 */
export function createFetchTransport(fetchFn: FetchLike = lateBoundFetch): Transport {
  return acceptsCancelSource(async (req) => {
    const outer = abortSourceOf(req);
    if (outer?.aborted) throw outer.reason;
    // One controller carries both the caller's abort and the timeout into fetch.
    const controller = new AbortController();
    const timeoutError = req.timeoutMs === undefined ? undefined : new TransportTimeoutError(req.timeoutMs);
    const offAbort = outer === undefined ? undefined : onSignalAbort(outer, (s) => controller.abort(s.reason));
    const timer = timeoutError === undefined ? undefined : setTimeout(() => controller.abort(timeoutError), req.timeoutMs);
    try {
      const init: RequestInit = { method: req.method, headers: req.headers, signal: controller.signal, redirect: req.redirect };
      if (req.body !== undefined) init.body = req.body as BodyInit;
      const response = await fetchFn(new Request(req.url, init));
      const body = new Uint8Array(await response.arrayBuffer());
      const result: TransportResponse = {
        status: response.status,
        headers: headersOf(response.headers),
        body,
        text: () => decoder.decode(body),
      };
      return result;
    } catch (error) {
      // Report why we aborted, whatever the fetch implementation wrapped it in.
      if (controller.signal.aborted) throw controller.signal.reason;
      throw error;
    } finally {
      if (timer !== undefined) clearTimeout(timer);
      offAbort?.();
    }
  });
}
