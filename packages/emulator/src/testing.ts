// Test support: puts runs and checkpoints into a running emulator with plain HTTP requests, the way
// any client would, so the tests of the SDK and the CLI do not depend on the SDK itself.

export interface SeededRun {
  sessionId: string;
  runId: string;
  /** tinker:// paths, in the order they were saved. */
  training: string[];
  sampler: string[];
  /** Sampling session on the first sampler checkpoint, when `samplingSession` asked for one and a sampler checkpoint was saved. */
  samplerId: string | undefined;
}

export interface SeedOptions {
  /** Names of the training checkpoints to save, in order. */
  training?: string[];
  /** Names of the sampler checkpoints to save (after the training ones), in order. */
  sampler?: string[];
  projectId?: string;
  /** LoRA rank of the run (default 8). */
  loraRank?: number;
  /** Also open a sampling session on the first sampler checkpoint. */
  samplingSession?: boolean;
}

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
    if (r["type"] === "try_again") continue;
    if ("error" in r) throw new Error(`seed: future failed: ${JSON.stringify(r)}`);
    return r;
  }
}

/** One session with one LoRA run on the emulator at `url`, and the named training and sampler checkpoints requested. */
export async function seedRun(url: string, apiKey: string, options: SeedOptions = {}): Promise<SeededRun> {
  const session = await post(url, apiKey, "/api/v1/create_session", {
    tags: [],
    user_metadata: {},
    sdk_version: "0.38.0",
    ...(options.projectId ? { project_id: options.projectId } : {}),
    type: "create_session",
  });
  const sessionId = session["session_id"] as string;
  const created = await result(
    url,
    apiKey,
    await post(url, apiKey, "/api/v1/create_model", {
      session_id: sessionId,
      model_seq_id: 0,
      base_model: "Qwen/Qwen3-8B",
      lora_config: { rank: options.loraRank ?? 8, train_unembed: true, train_mlp: true, train_attn: true },
      optimizer_config: { type: "adamw" },
      type: "create_model",
    }),
  );
  const runId = created["model_id"] as string;
  let seq = 1;
  const training: string[] = [];
  const sampler: string[] = [];
  for (const name of options.training ?? []) {
    const saved = await result(url, apiKey, await post(url, apiKey, "/api/v1/save_weights", { model_id: runId, path: name, seq_id: seq++, overwrite: false, type: "save_weights" }));
    training.push(saved["path"] as string);
  }
  for (const name of options.sampler ?? []) {
    const saved = await result(
      url,
      apiKey,
      await post(url, apiKey, "/api/v1/save_weights_for_sampler", { model_id: runId, path: name, kind: "snapshot", seq_id: seq++, type: "save_weights_for_sampler" }),
    );
    sampler.push(saved["path"] as string);
  }
  let samplerId: string | undefined;
  if (options.samplingSession && sampler[0] !== undefined) {
    const opened = await post(url, apiKey, "/api/v1/create_sampling_session", {
      session_id: sessionId,
      sampling_session_seq_id: 0,
      model_path: sampler[0],
      type: "create_sampling_session",
    });
    samplerId = opened["sampling_session_id"] as string;
  }
  return { sessionId, runId, training, sampler, samplerId };
}
