/**
 * The live checkpoint-sharing matrix: a checkpoint saved by one side with save_state is loaded by the
 * other with load_state_with_optimizer, and training continues bit-identically on one emulator.
 * Needs the official Python SDK: TINKER_PYTHON_VENV (scripts/run exports it); skipped otherwise.
 */
import { startEmulator, type Emulator } from "@tinker-ts/emulator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PythonMatrixWorker, pythonSide, pythonUnavailableReason } from "../src/matrix/python-side.js";
import { loadRecipe, type MatrixSide, type SaveResult } from "../src/matrix/recipe.js";
import { tsFromStateSide, tsSide } from "../src/matrix/ts-side.js";

const venv = process.env.TINKER_PYTHON_VENV;
const unavailable = pythonUnavailableReason(venv);
const API_KEY = "tml-compat-matrix";
const recipe = loadRecipe();

/** The continuation must hold real numbers, so that two empty results cannot pass as equal. */
function expectRealContinuation(saved: SaveResult): void {
  expect(saved.continuation).toHaveLength(recipe.continuation.length);
  saved.continuation.forEach((step, i) => {
    expect(step.loss).toBeGreaterThan(0);
    expect(step.logprobs.map((l) => l.length)).toEqual((recipe.continuation[i] ?? []).map((row) => row.length - 1));
    expect(Object.keys(step.optim_metrics).length).toBeGreaterThan(0);
  });
}

if (unavailable) {
  describe("live checkpoint matrix", () => {
    it.skip(`skipped: ${unavailable}`, () => {});
  });
} else {
  const worker = new PythonMatrixWorker(venv as string);
  const python = pythonSide(worker);
  const rows: ReadonlyArray<readonly [MatrixSide, MatrixSide]> = [
    [python, python],
    [python, tsSide],
    [tsSide, python],
    [tsSide, tsSide],
  ];
  // The same four with the resume path 0.38.0 recommends (load_state* is deprecated there).
  const pythonFromState = pythonSide(worker, "from-state");
  const fromStateRows: ReadonlyArray<readonly [MatrixSide, MatrixSide]> = [
    [python, pythonFromState],
    [python, tsFromStateSide],
    [tsSide, pythonFromState],
    [tsSide, tsFromStateSide],
  ];

  describe("live checkpoint matrix", () => {
    let emulator: Emulator;
    beforeAll(async () => {
      emulator = await startEmulator({ apiKeys: [API_KEY] });
    });
    afterAll(async () => {
      await worker.close();
      await emulator.close();
    });

    it.each([...rows, ...fromStateRows].map(([s, l]) => [`${s.name} → ${l.name}`, s, l] as const))(
      "%s: training continues bit-identically",
      async (label, saver, loader) => {
        const saved = await saver.save(emulator.url, API_KEY, `matrix-${label.replace(/\W+/g, "-")}`);
        expectRealContinuation(saved);
        const loaded = await loader.load(emulator.url, API_KEY, saved.path);
        expect(loaded.continuation).toEqual(saved.continuation);
      },
      120_000,
    );

    it("control: Python load_state (weights only, optimizer reset) does NOT continue identically", async () => {
      const saved = await python.save(emulator.url, API_KEY, "matrix-control");
      const loaded = await pythonSide(worker, "load-weights-only").load(emulator.url, API_KEY, saved.path);
      // Same weights, so the first forward_backward agrees; the reset Adam state makes the steps after it differ.
      expect(loaded.continuation[0]?.loss).toBe(saved.continuation[0]?.loss);
      expect(loaded.continuation).not.toEqual(saved.continuation);
    }, 120_000);
  });
}
