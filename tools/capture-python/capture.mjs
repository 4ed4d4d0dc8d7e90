// Re-captures the Python SDK fixtures: for each scenario in scenarios/, starts a fresh emulator with
// the scenario's flags and faults and recording on, runs the scenario with the official SDK, and
// writes packages/compat-tests/fixtures/<scenario>.json (exchanges in order + what each call returned).
//
//   pnpm compat:capture                 every scenario
//   node capture.mjs save_state sample  only these
//
// The venv comes from TINKER_PYTHON_VENV, else from ensure-venv.sh (which creates it if needed).
import { execFileSync, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, existsSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const fixturesDir = resolve(here, "../../packages/compat-tests/fixtures");
const SCENARIO_TIMEOUT_MS = 180_000;

function pythonVenv() {
  const fromEnv = process.env.TINKER_PYTHON_VENV;
  if (fromEnv && existsSync(join(fromEnv, "bin", "python"))) return fromEnv;
  const out = execFileSync("bash", [join(here, "ensure-venv.sh")], { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] });
  const venv = out.trim().split("\n").at(-1) ?? "";
  if (!existsSync(join(venv, "bin", "python"))) throw new Error(`no Python SDK venv: ${venv}`);
  return venv;
}

function scenarioNames() {
  return readdirSync(join(here, "scenarios"))
    .filter((f) => f.endsWith(".py") && !f.startsWith("_"))
    .map((f) => f.slice(0, -3))
    .sort();
}

function runPython(python, args, timeoutMs) {
  return new Promise((resolvePromise) => {
    const child = spawn(python, [join(here, "harness.py"), ...args], {
      cwd: here,
      env: { ...process.env, TINKER_TELEMETRY: "0", PYTHONDONTWRITEBYTECODE: "1" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      resolvePromise({ code: code ?? (signal ? 128 : 1), stdout, stderr });
    });
  });
}

async function captureOne(startEmulator, python, name) {
  const described = await runPython(python, ["describe", name], 60_000);
  if (described.code !== 0) throw new Error(`describe ${name} failed:\n${described.stderr}`);
  const meta = JSON.parse(described.stdout);

  const work = mkdtempSync(join(tmpdir(), `compat-capture-${name}-`));
  const record = join(work, "record.jsonl");
  const callsFile = join(work, "calls.json");
  const emulator = await startEmulator({
    ...(meta.options ?? {}),
    port: 0,
    dataDir: join(work, "data"),
    clientConfig: meta.flags,
    record,
    faults: meta.faults,
  });
  let result;
  try {
    result = await runPython(python, ["run", name, emulator.url, callsFile], SCENARIO_TIMEOUT_MS);
  } finally {
    await emulator.close();
  }
  if (result.code !== 0 || !existsSync(callsFile)) {
    throw new Error(`scenario ${name} failed (exit ${result.code}):\n${result.stderr.slice(-4000)}`);
  }
  const calls = JSON.parse(readFileSync(callsFile, "utf8"));
  const exchanges = existsSync(record)
    ? readFileSync(record, "utf8").split("\n").filter((l) => l.trim() !== "").map((l) => JSON.parse(l))
    : [];
  rmSync(work, { recursive: true, force: true });

  const fixture = {
    scenario: name,
    description: meta.description,
    sdk: calls.sdk,
    python: calls.python,
    emulator: { flags: meta.flags, faults: meta.faults, ...(meta.options && Object.keys(meta.options).length > 0 ? { options: meta.options } : {}) },
    calls: calls.calls,
    exchanges,
  };
  mkdirSync(fixturesDir, { recursive: true });
  writeFileSync(join(fixturesDir, `${name}.json`), `${JSON.stringify(fixture, null, 2)}\n`);
  return { name, calls: calls.calls.length, exchanges: exchanges.length };
}

async function main() {
  const { startEmulator } = await import("@tinker-ts/emulator");
  const venv = pythonVenv();
  const python = join(venv, "bin", "python");
  const wanted = process.argv.slice(2);
  const all = scenarioNames();
  const unknown = wanted.filter((n) => !all.includes(n));
  if (unknown.length > 0) throw new Error(`unknown scenario(s): ${unknown.join(", ")} (have: ${all.join(", ")})`);
  const names = wanted.length > 0 ? wanted : all;
  console.log(`capturing ${names.length} scenario(s) with ${python}`);
  let failed = 0;
  for (const name of names) {
    try {
      const r = await captureOne(startEmulator, python, name);
      console.log(`  ✓ ${r.name}: ${r.calls} calls, ${r.exchanges} exchanges`);
    } catch (err) {
      failed += 1;
      console.error(`  ✗ ${name}: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  if (failed > 0) {
    console.error(`${failed} scenario(s) failed`);
    process.exitCode = 1;
  }
}

await main();
