import { performance } from "node:perf_hooks";
import type { RawResponse, Sender } from "./senders.js";
import type { RequestTemplate, Vars } from "./template.js";

/** The templates of one future-returning operation: its submit and its retrieve_future poll. */
export interface FutureOpTemplates {
  submit: RequestTemplate;
  retrieve: RequestTemplate;
}

export class RawOpError extends Error {
  override name = "RawOpError";
}

function check(res: RawResponse, what: string): void {
  if (res.status !== 200) throw new RawOpError(`${what}: HTTP ${res.status} ${res.body.toString("utf8").slice(0, 300)}`);
}

/** Submit; resolves with the request id once the server acknowledged it. */
export async function submitOnly(sender: Sender, op: FutureOpTemplates, vars: Vars): Promise<{ requestId: string; seconds: number }> {
  const t0 = performance.now();
  const res = await sender.send(op.submit.render(vars));
  check(res, `submit ${op.submit.path}`);
  const requestId = (JSON.parse(res.body.toString("utf8")) as { request_id: string }).request_id;
  return { requestId, seconds: (performance.now() - t0) / 1000 };
}

/** Polls retrieve_future the way the clients do: immediately again on try_again / 408. */
export async function retrieve(sender: Sender, op: FutureOpTemplates, requestId: string, roundtripSeconds: number): Promise<RawResponse> {
  for (let iteration = 0; iteration < 100_000; iteration++) {
    const res = await sender.send(op.retrieve.render({ request_id: requestId }, { iteration, roundtripSeconds }));
    if (res.status === 408) continue;
    check(res, "retrieve_future");
    if (res.contentType.includes("protobuf")) return res;
    const json = JSON.parse(res.body.toString("utf8")) as { type?: string; error?: unknown };
    if (json.type === "try_again") continue;
    if (json.error !== undefined) throw new RawOpError(`future failed: ${res.body.toString("utf8").slice(0, 300)}`);
    return res;
  }
  throw new RawOpError("retrieve_future never completed");
}

/** One whole future op (submit → result), sequential. */
export async function runFutureOp(sender: Sender, op: FutureOpTemplates, vars: Vars): Promise<RawResponse> {
  const { requestId, seconds } = await submitOnly(sender, op, vars);
  return retrieve(sender, op, requestId, seconds);
}
