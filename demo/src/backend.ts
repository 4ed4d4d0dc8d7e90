import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startEmulator } from "@tinker-ts/emulator";

/** Where the demo's requests go: the embedded emulator, or a server named by the environment. */
export interface Backend {
  /** Human description, e.g. "embedded emulator at http://127.0.0.1:39211". */
  readonly label: string;
  readonly embedded: boolean;
  readonly apiKey: string;
  /** Undefined means the client's default (the real service). */
  readonly baseUrl: string | undefined;
  readonly baseModel: string;
  /** Adam learning rate of the demo's steps on this backend. */
  readonly learningRate: number;
  close(): Promise<void>;
}

/** A small model the real service offers; the emulator accepts any name. */
const defaultBaseModel = "meta-llama/Llama-3.2-1B";
/** The emulator's bigram adapter learns the line in ~30 steps at this rate. */
const emulatorLearningRate = 0.05;
/** A LoRA rate for a real language model (large steps would make its loss diverge). */
const serviceLearningRate = 5e-4;

function learningRateFrom(env: NodeJS.ProcessEnv, fallback: number): number {
  const text = env["TINKER_DEMO_LEARNING_RATE"];
  if (!text) return fallback;
  const value = Number(text);
  if (!(value > 0 && Number.isFinite(value))) throw new Error(`TINKER_DEMO_LEARNING_RATE must be a positive number, got "${text}"`);
  return value;
}

/**
 * With neither TINKER_API_KEY nor TINKER_BASE_URL set, starts the emulator in-process on a
 * loopback port with a throw-away data directory; otherwise uses the server they name.
 * TINKER_BASE_MODEL and TINKER_DEMO_LEARNING_RATE override the model and the learning rate.
 */
export async function connectBackend(env: NodeJS.ProcessEnv = process.env): Promise<Backend> {
  const baseModel = env["TINKER_BASE_MODEL"] || defaultBaseModel;
  const apiKey = env["TINKER_API_KEY"];
  const baseUrl = env["TINKER_BASE_URL"];
  if (apiKey || baseUrl) {
    return {
      label: `${baseUrl ?? "the Tinker service"} (from TINKER_API_KEY/TINKER_BASE_URL)`,
      embedded: false,
      apiKey: apiKey ?? "tml-demo",
      baseUrl: baseUrl || undefined,
      baseModel,
      learningRate: learningRateFrom(env, serviceLearningRate),
      close: async () => {},
    };
  }
  const dataDir = await mkdtemp(join(tmpdir(), "tinker-demo-"));
  const emulator = await startEmulator({ port: 0, dataDir });
  return {
    label: `embedded emulator at ${emulator.url}`,
    embedded: true,
    apiKey: "tml-demo",
    baseUrl: emulator.url,
    baseModel,
    learningRate: learningRateFrom(env, emulatorLearningRate),
    async close() {
      await emulator.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
