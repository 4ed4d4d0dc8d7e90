// Re-captures the Python SDK fixtures. Placeholder until the scenario driver lands.
import { execFileSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const out = execFileSync("bash", [join(here, "ensure-venv.sh")], { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] });
const venv = out.trim().split("\n").at(-1);
console.log(`python SDK venv: ${venv}`);
