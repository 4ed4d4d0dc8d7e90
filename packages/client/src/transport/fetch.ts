import type { FetchLike, ResponseHeaders, Transport, TransportResponse } from "./types.js";

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
  return async (req) => {
    const init: RequestInit = {
      method: req.method,
      headers: req.headers,
      signal: req.signal,
      redirect: req.redirect,
    };
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
  };
}
