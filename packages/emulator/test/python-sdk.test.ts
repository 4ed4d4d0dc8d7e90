/**
 * The official Python SDK runs the persistence flow against the emulator. Needs a venv with the pinned
 * tinker SDK in TINKER_PYTHON_VENV (scripts/run sets it); skipped with a message otherwise.
 */
import { execFile } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { startEmulator } from "../src/index.js";

const venv = process.env["TINKER_PYTHON_VENV"];
const python = venv ? join(venv, "bin", "python") : undefined;
const available = python !== undefined && existsSync(python);
if (!available) {
  console.warn(`[emulator] SKIPPED the official Python SDK persistence-flow test: set TINKER_PYTHON_VENV to a venv with the pinned tinker SDK (${venv ? `${python} not found` : "TINKER_PYTHON_VENV is unset"}).`);
}

const run = promisify(execFile);
const script = join(import.meta.dirname, "python", "persistence_flow.py");

interface FlowReport {
  model_id: string;
  loss_before: number;
  loss_after: number;
  logprobs_len: number[];
  save_state: string;
  save_weights_for_sampler: string;
  from_state: string;
  from_state_with_optimizer: string;
  from_state_loss: number;
  sample_tokens: number[][];
  listed: string[];
  user_listed: number;
  listed_after_delete: string[];
  run_lora_rank: number;
  published: boolean;
  ttl_set: boolean;
  ttl_cleared: boolean;
  weights_info_rank: number;
  runs: number;
  session_runs: number;
  sessions: number;
  compute_logprobs: Array<number | null>;
}

describe.skipIf(!available)("official Python SDK against the emulator", () => {
  for (const variant of [
    { name: "default flags", clientConfig: {}, jwtRequired: false },
    // jwtRequired: every call after the token exchange must carry the JWT, not the API key.
    { name: "zstd bodies, JWT auth required, one datum per chunk", clientConfig: { proto_compress_fwdbwd: true, pjwt_auth_enabled: true, fwdbwd_max_chunk_len: 1 }, jwtRequired: true },
  ]) {
    it(`runs the persistence flow end to end (${variant.name})`, async () => {
      const record = join(mkdtempSync(join(tmpdir(), "emu-py-")), "exchanges.jsonl");
      const emulator = await startEmulator({ clientConfig: variant.clientConfig, jwtRequired: variant.jwtRequired, record });
      try {
        const { stdout } = await run(python!, [script, emulator.url, emulator.apiKey], { timeout: 120_000, env: { ...process.env, TINKER_TELEMETRY: "0", PYTHONWARNINGS: "ignore" } });
        const report = JSON.parse(stdout.trim().split("\n").pop()!) as FlowReport;
        expect(report.save_state).toBe(`tinker://${report.model_id}/weights/ck1`);
        expect(report.save_weights_for_sampler).toBe(`tinker://${report.model_id}/sampler_weights/s1`);
        expect(report.logprobs_len).toEqual([4, 3]);
        expect(report.loss_after).toBeLessThan(report.loss_before);
        // A client created from the checkpoint computes exactly the loss of the weights that were saved.
        expect(report.from_state_loss).toBe(report.loss_after);
        expect(report.from_state).toMatch(/:train:1$/);
        expect(report.from_state_with_optimizer).toMatch(/:train:2$/);
        expect(report.sample_tokens).toHaveLength(2);
        expect(report.listed).toEqual(["sampler_weights/s1", "weights/ck1"]);
        expect(report.user_listed).toBe(2);
        expect(report.listed_after_delete).toEqual(["weights/ck1"]);
        expect(report.run_lora_rank).toBe(4);
        expect(report.published).toBe(true);
        expect(report.ttl_set).toBe(true);
        expect(report.ttl_cleared).toBe(true);
        expect(report.weights_info_rank).toBe(4);
        expect(report.runs).toBe(3);
        expect(report.session_runs).toBe(3);
        expect(report.sessions).toBe(1);
        expect(report.compute_logprobs).toHaveLength(3);
        expect(report.compute_logprobs[0]).toBeNull();
        expect(report.compute_logprobs[1]).toBeLessThan(0);
        const exchanges = readFileSync(record, "utf8").trim().split("\n").map((line) => JSON.parse(line) as { request: { method: string; path: string }; response: { status: number; body: unknown } });
        const rejected = exchanges.filter((e) => e.response.status >= 400);
        expect(rejected, JSON.stringify(rejected)).toEqual([]);
      } finally {
        await emulator.close();
      }
    }, 180_000);
  }

  it("resumes from a checkpoint saved before an emulator restart, bit-identically", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "emu-py-restart-"));
    const restartScript = join(import.meta.dirname, "python", "restart_flow.py");
    const env = { ...process.env, TINKER_TELEMETRY: "0", PYTHONWARNINGS: "ignore" };
    let emulator = await startEmulator({ dataDir });
    let saved: { path: string; continued: number[] };
    try {
      const { stdout } = await run(python!, [restartScript, "save", emulator.url, emulator.apiKey], { timeout: 120_000, env });
      saved = JSON.parse(stdout.trim().split("\n").pop()!) as { path: string; continued: number[] };
    } finally {
      await emulator.close();
    }
    emulator = await startEmulator({ dataDir });
    try {
      const { stdout } = await run(python!, [restartScript, "resume", emulator.url, emulator.apiKey, saved.path], { timeout: 120_000, env });
      const resumed = JSON.parse(stdout.trim().split("\n").pop()!) as { continued: number[] };
      expect(resumed.continued).toEqual(saved.continued);
    } finally {
      await emulator.close();
    }
  }, 180_000);
});
