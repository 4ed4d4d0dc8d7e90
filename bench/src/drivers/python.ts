import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { join } from "node:path";
import { JsonLineWorker } from "../process/json-line-worker.js";

const WORKER = fileURLToPath(new URL("../../python/worker.py", import.meta.url));

/** The venv's interpreter: TINKER_PYTHON_VENV (CI), else the compat tooling's venv, else /work/pyref. */
export function findPython(repoRoot: string): string | null {
  const candidates = [
    process.env["TINKER_PYTHON_VENV"],
    join(repoRoot, "tools/capture-python/.venv"),
    "/work/pyref",
  ];
  for (const venv of candidates) {
    if (venv !== undefined && venv !== "" && existsSync(join(venv, "bin/python"))) return join(venv, "bin/python");
  }
  return null;
}

/** The official SDK in one long-lived interpreter (python/worker.py); timings are taken inside Python. */
export type PythonWorker = JsonLineWorker;

export function startPythonWorker(python: string): Promise<PythonWorker> {
  return JsonLineWorker.start("python", python, ["-u", WORKER], { ...process.env, TINKER_TELEMETRY: "0", PYTHONUNBUFFERED: "1" });
}
