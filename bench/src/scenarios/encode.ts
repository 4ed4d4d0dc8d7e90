import { metric, type ScenarioResult, type Target } from "../results.js";
import { runInterleaved } from "../schedule.js";

export interface EncodeRound {
  /** User data → request bytes, client side only; undefined for the raw loops (pre-encoded bytes). */
  encodeMs?: number | undefined;
  /** forwardBackward(batch) → result, end to end against the emulator. */
  e2eMs: number;
}

export interface EncodeDriver {
  readonly name: string;
  round(): Promise<EncodeRound>;
}

const ENCODE_TARGET: Target[] = [
  { label: "encode faster than Python", numerator: "python", denominator: "tinker-ts", op: ">=", limit: 1 },
];
const E2E_TARGET: Target[] = [
  { label: "end to end faster than Python", numerator: "python", denominator: "tinker-ts", op: ">=", limit: 1 },
];

export async function encodeScenario(
  drivers: readonly EncodeDriver[],
  opts: { rounds: number; batch: number; seqLen: number },
  facts: Array<{ label: string; value: string }>,
): Promise<ScenarioResult> {
  const byName = new Map(drivers.map((d) => [d.name, d]));
  const names = drivers.map((d) => d.name);
  for (const d of drivers) await d.round(); // untimed warm-up round: JIT, sockets, server caches
  const rounds = await runInterleaved(names, opts.rounds, (name) => byName.get(name)!.round());
  const encode: Record<string, number[]> = {};
  const e2e: Record<string, number[]> = {};
  for (const n of names) {
    e2e[n] = rounds[n]!.map((r) => r.e2eMs);
    const enc = rounds[n]!.map((r) => r.encodeMs);
    if (enc.every((v): v is number => v !== undefined)) encode[n] = enc;
  }
  return {
    id: "encode",
    title: `3. Large batch encode (${opts.batch} × ${opts.seqLen} tokens, target_tokens + weights)`,
    params: opts,
    metrics: [
      metric("client-side encode (lists → request bytes)", "ms", encode, [], ENCODE_TARGET),
      metric("forwardBackward → result, end to end", "ms", e2e, [["tinker-ts", "node:http"], ["fetch", "node:http"]], E2E_TARGET),
    ],
    facts,
    notes: [
      "Encode: tinker-ts = its datum preparation + protobuf encoder (the functions forwardBackward calls), Python = Datum construction + forward_backward_request_to_proto + SerializeToString, both from plain number lists.",
      "End to end: from the same plain number lists to the result — tinker-ts: `forwardBackward(datums)` (it converts the lists itself); Python: `Datum(...)` construction (where the SDK converts them) + `forward_backward(...).result()`.",
      "The raw loops replay the bytes tinker-ts put on the wire, so their end-to-end time is the transport floor.",
    ],
  };
}
