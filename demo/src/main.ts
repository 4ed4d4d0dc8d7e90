#!/usr/bin/env node
/**
 * The tinker-ts demo: `bash scripts/run demo`. Trains a LoRA adapter on a byte-level text task,
 * checkpoints and resumes it three ways, samples from it and cleans up its checkpoints.
 * Runs on an embedded emulator unless TINKER_API_KEY / TINKER_BASE_URL are set.
 */
import { connectBackend, type Backend } from "./backend.js";
import { runDemo } from "./demo.js";
import { bold, Progress } from "./progress.js";

const progress = new Progress();
console.log(bold("tinker-ts demo — train, checkpoint, resume, sample, clean up"));

const backend = await progress.step<Backend>("Connect to a Tinker server", async () => {
  const b = await connectBackend();
  return { value: b, detail: b.label };
});

try {
  if (backend) await runDemo({ backend, progress });
} finally {
  await backend?.close();
}
process.exitCode = progress.summary(backend ? backend.label : "no server");
