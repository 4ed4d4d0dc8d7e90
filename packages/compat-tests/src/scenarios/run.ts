/**
 * What a TypeScript scenario gets: clients pointed at the replay server, and `call` to record what
 * each public call returned, in the JSON shape the Python harness wrote (tools/capture-python/harness.py).
 */
import { RestClient, SamplingClient, ServiceClient, TrainingClient, type ClientOptions } from "@tinker-ts/client";
import type { TsCall } from "../compare-calls.js";

/** The API key the TypeScript side sends (the recordings redact Python's). */
export const REPLAY_API_KEY = "tml-compat-replay";

export class ScenarioRun {
  readonly calls: TsCall[] = [];
  readonly #services: ServiceClient[] = [];
  readonly #rests: RestClient[] = [];

  constructor(readonly baseUrl: string) {}

  service(options: Omit<ClientOptions, "baseUrl" | "apiKey"> = {}): ServiceClient {
    const client = new ServiceClient({ ...options, baseUrl: this.baseUrl, apiKey: REPLAY_API_KEY });
    this.#services.push(client);
    return client;
  }

  rest(): RestClient {
    const client = new RestClient({ baseUrl: this.baseUrl, apiKey: REPLAY_API_KEY });
    this.#rests.push(client);
    return client;
  }

  /** Runs a public call, records what it returned (as Python JSON), and returns it. */
  async call<T>(name: string, fn: () => Promise<T>): Promise<T> {
    try {
      const value = await fn();
      this.calls.push({ call: name, returned: toPythonJson(value) });
      return value;
    } catch (err) {
      this.calls.push({ call: name, raised: errorJson(err) });
      throw err;
    }
  }

  /** A call Python saw fail: records the error; a success is recorded too (and then differs). */
  async callExpectingError(name: string, fn: () => Promise<unknown>): Promise<void> {
    try {
      const value = await fn();
      this.calls.push({ call: name, returned: toPythonJson(value) });
    } catch (err) {
      this.calls.push({ call: name, raised: errorJson(err) });
    }
  }

  async close(): Promise<void> {
    await Promise.allSettled([...this.#services.map((s) => s.close()), ...this.#rests.map((r) => r.close())]);
  }
}

function errorJson(err: unknown): NonNullable<TsCall["raised"]> {
  const e = err as { status?: unknown; category?: unknown; message?: unknown; name?: unknown };
  const out: { status_code?: number; category?: string; message?: string } = { message: `${String(e?.name)}: ${String(e?.message)}` };
  if (typeof e?.status === "number") out.status_code = e.status;
  if (typeof e?.category === "string") out.category = e.category;
  return out;
}

/** TypeScript values → the JSON the Python harness records (clients by kind, typed arrays as lists). */
export function toPythonJson(value: unknown): unknown {
  if (value === undefined || value === null) return null;
  if (typeof value === "bigint") return Number(value);
  if (typeof value !== "object") return value;
  if (value instanceof TrainingClient) return { $client: "TrainingClient", model_id: value.modelId };
  if (value instanceof SamplingClient) return { $client: "SamplingClient" };
  if (value instanceof RestClient) return { $client: "RestClient" };
  if (value instanceof Date) return value.toISOString();
  if (ArrayBuffer.isView(value)) return Array.from(value as unknown as ArrayLike<number | bigint>, (v) => (typeof v === "bigint" ? Number(v) : v));
  if (Array.isArray(value)) return value.map(toPythonJson);
  if (value instanceof Map) return Object.fromEntries([...value].map(([k, v]) => [String(k), toPythonJson(v)]));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = toPythonJson(v);
  return out;
}

export type TsScenario = (run: ScenarioRun) => Promise<void>;
