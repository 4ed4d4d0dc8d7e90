// Prints a fixture's calls and exchanges compactly: node show.mjs save_state [--headers]
import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const [name, ...flags] = process.argv.slice(2);
if (!name) {
  console.error("usage: node show.mjs FIXTURE [--headers]");
  process.exit(2);
}
const fixture = JSON.parse(readFileSync(join(resolve(here, "../../packages/compat-tests/fixtures"), `${name}.json`), "utf8"));
const body = (b) => (b === null ? "" : b.kind === "json" ? b.text : `<${b.contentType} ${Buffer.from(b.base64, "base64").length} bytes>`);
console.log(`${fixture.scenario} — tinker ${fixture.sdk.version}, flags ${JSON.stringify(fixture.emulator.flags)}, faults ${JSON.stringify(fixture.emulator.faults)}`);
for (const c of fixture.calls) {
  const outcome = c.raised ? `raised ${JSON.stringify(c.raised)}` : `returned ${JSON.stringify(c.returned).slice(0, 200)}`;
  console.log(`  call ${c.call}(${JSON.stringify(c.args).slice(0, 120)}) ${outcome}`);
}
for (const ex of fixture.exchanges) {
  const q = new URLSearchParams(ex.request.query).toString();
  console.log(`#${ex.seq} ${ex.request.method} ${ex.request.path}${q ? `?${q}` : ""} ${body(ex.request.body).slice(0, 300)}`);
  if (flags.includes("--headers")) console.log(`    ${JSON.stringify(ex.request.headers)}`);
  console.log(`    -> ${ex.response.status} ${body(ex.response.body).slice(0, 200)}`);
}
