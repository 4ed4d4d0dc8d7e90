// Puts a run with checkpoints into an emulator with plain HTTP requests (no SDK), for the CLI tests.

async function post(url: string, apiKey: string, path: string, body: unknown): Promise<Record<string, unknown>> {
  const res = await fetch(`${url}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-api-key": apiKey },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`seed: ${path} answered ${res.status}: ${text}`);
  return JSON.parse(text) as Record<string, unknown>;
}

async function result(url: string, apiKey: string, future: Record<string, unknown>): Promise<Record<string, unknown>> {
  for (;;) {
    const r = await post(url, apiKey, "/api/v1/retrieve_future", { request_id: future["request_id"], allow_metadata_only: false });
    if (r["type"] !== "try_again") return r;
  }
}

export interface SeededRun {
  sessionId: string;
  runId: string;
  training: string[];
  sampler: string[];
}

export async function seedRun(url: string, apiKey: string, names: { training?: string[]; sampler?: string[] }): Promise<SeededRun> {
  const session = await post(url, apiKey, "/api/v1/create_session", { tags: [], user_metadata: {}, sdk_version: "0.38.0", type: "create_session" });
  const sessionId = session["session_id"] as string;
  const model = await result(
    url,
    apiKey,
    await post(url, apiKey, "/api/v1/create_model", {
      session_id: sessionId,
      model_seq_id: 0,
      base_model: "Qwen/Qwen3-8B",
      lora_config: { rank: 4, train_unembed: true, train_mlp: true, train_attn: true },
      optimizer_config: { type: "adamw" },
      type: "create_model",
    }),
  );
  const runId = model["model_id"] as string;
  let seq = 1;
  const training: string[] = [];
  const sampler: string[] = [];
  for (const name of names.training ?? []) {
    const r = await result(url, apiKey, await post(url, apiKey, "/api/v1/save_weights", { model_id: runId, path: name, seq_id: seq++, overwrite: false, type: "save_weights" }));
    training.push(r["path"] as string);
  }
  for (const name of names.sampler ?? []) {
    const r = await result(
      url,
      apiKey,
      await post(url, apiKey, "/api/v1/save_weights_for_sampler", { model_id: runId, path: name, kind: "snapshot", seq_id: seq++, type: "save_weights_for_sampler" }),
    );
    sampler.push(r["path"] as string);
  }
  return { sessionId, runId, training, sampler };
}
