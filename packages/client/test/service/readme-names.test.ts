// The README's Python → TypeScript table must cover every public method of tinker 0.38.0's
// ServiceClient, TrainingClient and SamplingClient, and every TypeScript name it gives must exist.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { SamplingClient } from "../../src/sampling/sampling-client.js";
import { ServiceClient } from "../../src/service/service-client.js";
import { TrainingClient } from "../../src/training/training-client.js";

// Public methods of tinker 0.38.0 (inspect.getmembers, without the deprecated *_async twins).
const PYTHON_METHODS = {
  ServiceClient: [
    "close", "copy_weights", "create_custom_loss", "create_lora_training_client", "create_rest_client", "create_sampling_client",
    "create_training_client_from_state", "create_training_client_from_state_with_optimizer", "get_console_url",
    "get_server_capabilities", "get_telemetry", "holder",
  ],
  TrainingClient: [
    "create_sampling_client", "forward", "forward_backward", "forward_backward_custom", "get_console_url", "get_info", "get_telemetry",
    "get_tokenizer", "load_state", "load_state_with_optimizer", "optim_step", "save_state", "save_weights_and_get_sampling_client",
    "save_weights_external", "save_weights_for_sampler",
  ],
  SamplingClient: [
    "compute_logprobs", "create", "from_sampler_handle", "get_base_model", "get_sampler_handle", "get_telemetry", "get_tokenizer",
    "on_queue_state_change", "sample",
  ],
} as const;

const CLASSES = { ServiceClient, TrainingClient, SamplingClient } as const;

function section(readme: string, name: string): { python: string; ts: string }[] {
  const start = readme.indexOf(`### ${name}\n`);
  expect(start, `README has a ### ${name} section`).toBeGreaterThanOrEqual(0);
  const end = readme.indexOf("\n### ", start + 4);
  return readme
    .slice(start, end < 0 ? undefined : end)
    .split("\n")
    .filter((line) => line.startsWith("| `"))
    .map((line) => {
      const [, python = "", ts = ""] = line.split(/(?<!\\)\|/);
      return { python, ts };
    });
}

describe("README name table", () => {
  const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");

  for (const [cls, methods] of Object.entries(PYTHON_METHODS)) {
    it(`${cls}: every Python method has a row, and every TypeScript method named exists`, () => {
      const rows = section(readme, cls);
      const pythonNames = new Set(rows.flatMap((r) => [...r.python.matchAll(/`([a-z_]+)\(|`([a-z_]+)`|`([a-z_]+) /g)].map((m) => m[1] ?? m[2] ?? m[3])));
      for (const method of methods) expect(pythonNames, `row for ${cls}.${method}`).toContain(method);
      const proto = (CLASSES as Record<string, { prototype: object }>)[cls]!.prototype as Record<string, unknown>;
      for (const row of rows) {
        if (row.ts.includes("not provided")) continue;
        for (const [, name = ""] of row.ts.matchAll(/`([a-z][A-Za-z]*)\(/g)) {
          const owner = row.ts.match(new RegExp(`(\\w+)\\.${name}\\(`))?.[1];
          const target = owner ? ((CLASSES as Record<string, { prototype: object }>)[owner]?.prototype as Record<string, unknown>) : proto;
          expect(typeof target?.[name], `${owner ?? cls}.${name} (README row ${row.python.trim()})`).toBe("function");
        }
      }
    });
  }
});
