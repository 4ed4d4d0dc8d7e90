/**
 * Injected-fetch harness for timing-sensitive tests (fake timers): each call is routed to a
 * scripted handler that sees the WHATWG Request.
 */
export interface FetchCall {
  readonly method: string;
  readonly url: URL;
  readonly headers: Headers;
  readonly body: string;
  readonly signal: AbortSignal;
}

export type FetchScript = (call: FetchCall, index: number) => Response | Promise<Response>;

export function scriptedFetch(script: FetchScript): { fetch: (req: Request) => Promise<Response>; calls: FetchCall[] } {
  const calls: FetchCall[] = [];
  return {
    calls,
    fetch: async (req: Request) => {
      const call: FetchCall = { method: req.method, url: new URL(req.url), headers: req.headers, body: await req.text(), signal: req.signal };
      calls.push(call);
      return script(call, calls.length - 1);
    },
  };
}

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json", ...headers } });
}

/** A fetch response that never arrives, but rejects when the request's signal aborts. */
export function hang(signal: AbortSignal): Promise<Response> {
  return new Promise((_, reject) => {
    if (signal.aborted) reject(signal.reason);
    signal.addEventListener("abort", () => reject(signal.reason), { once: true });
  });
}
