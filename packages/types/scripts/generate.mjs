// Generates the wire types of @tinker-ts/types from spec/ (the contract):
//   src/generated/openapi.ts          openapi-typescript output for spec/openapi.yaml
//   src/generated/schemas.ts          the spec's component schemas as JSON Schema 2020-12 (for validators)
//   src/generated/names.ts            one named type alias per component schema (`LoadWeightsRequest`, ...)
//   src/generated/info.ts             the spec's version (= the Python SDK version it reproduces) and client decisions
//   src/generated/proto/*_pb.ts       @bufbuild/protoc-gen-es output for spec/proto/*.proto
// With --check nothing is written: the fresh output is compared byte-for-byte with the committed
// files and the process exits 1 naming every file that drifted.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import openapiTS, { astToString } from "openapi-typescript";
import { parse as parseYaml } from "yaml";

const pkgDir = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const repoRoot = resolve(pkgDir, "../..");
const specDir = join(repoRoot, "spec");
const specPath = join(specDir, "openapi.yaml");
const protoDir = join(specDir, "proto");
const outDir = join(pkgDir, "src/generated");
const check = process.argv.includes("--check");

const specText = readFileSync(specPath, "utf8");
const specHash = createHash("sha256").update(specText).digest("hex").slice(0, 16);
const spec = parseYaml(specText);
const header = (source) =>
  `// Generated from ${source} by packages/types/scripts/generate.mjs. Do not edit: change the spec and run \`pnpm generate\`.\n`;

async function renderOpenapi() {
  const ast = await openapiTS(pathToFileURL(specPath), {
    alphabetize: false,
    exportType: false,
    immutable: false,
    enumValues: false,
    defaultNonNullable: false,
  });
  return `${header(`spec/openapi.yaml (sha256 ${specHash})`)}/* eslint-disable */\n${astToString(ast)}`;
}

function renderSchemas() {
  const schemas = spec?.components?.schemas ?? {};
  const json = JSON.stringify(schemas, null, 2);
  return (
    `${header(`spec/openapi.yaml (sha256 ${specHash})`)}` +
    `/** The spec's component schemas (JSON Schema 2020-12); \`$ref\`s point at "#/components/schemas/<Name>". */\n` +
    `export const componentSchemas = ${json} as const;\n\n` +
    `export type ComponentSchemaName = keyof typeof componentSchemas;\n`
  );
}

function renderNames() {
  const names = Object.keys(spec?.components?.schemas ?? {});
  const lines = names.map((name) => `export type ${name} = components["schemas"]["${name}"];`);
  return (
    `${header(`spec/openapi.yaml (sha256 ${specHash})`)}` +
    `import type { components } from "./openapi.js";\n\n` +
    `${lines.join("\n")}\n`
  );
}

function renderInfo() {
  const info = spec?.info ?? {};
  return (
    `${header(`spec/openapi.yaml (sha256 ${specHash})`)}` +
    `/** The Python SDK version whose wire behaviour the spec reproduces; clients send it as \`sdk_version\`. */\n` +
    `export const referenceSdkVersion = ${JSON.stringify(String(info.version))};\n\n` +
    `/** Decisions about how tinker-ts presents itself on the wire (spec \`info.x-tinker-client-decisions\`). */\n` +
    `export const clientDecisions = ${JSON.stringify(info["x-tinker-client-decisions"] ?? {}, null, 2)} as const;\n`
  );
}

function renderProto(target) {
  const protos = readdirSync(protoDir).filter((f) => f.endsWith(".proto"));
  if (protos.length === 0) return;
  const plugin = join(pkgDir, "node_modules/.bin/protoc-gen-es");
  const template = JSON.stringify({
    version: "v2",
    plugins: [{ local: plugin, out: target, opt: ["target=ts", "import_extension=js"] }],
  });
  execFileSync(join(pkgDir, "node_modules/.bin/buf"), ["generate", protoDir, "--template", template], {
    cwd: repoRoot,
    stdio: ["ignore", "inherit", "inherit"],
  });
}

function listFiles(dir) {
  if (!existsSync(dir)) return [];
  const out = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listFiles(p));
    else out.push(p);
  }
  return out;
}

async function generateInto(target) {
  mkdirSync(target, { recursive: true });
  writeFileSync(join(target, "openapi.ts"), await renderOpenapi());
  writeFileSync(join(target, "schemas.ts"), renderSchemas());
  writeFileSync(join(target, "names.ts"), renderNames());
  writeFileSync(join(target, "info.ts"), renderInfo());
  mkdirSync(join(target, "proto"), { recursive: true });
  renderProto(join(target, "proto"));
}

if (check) {
  const tmp = mkdtempSync(join(tmpdir(), "tinker-types-"));
  try {
    await generateInto(tmp);
    const fresh = new Map(listFiles(tmp).map((f) => [relative(tmp, f), readFileSync(f)]));
    const committed = new Map(listFiles(outDir).map((f) => [relative(outDir, f), readFileSync(f)]));
    const drift = [];
    for (const [name, bytes] of fresh) {
      const have = committed.get(name);
      if (!have) drift.push(`missing: src/generated/${name}`);
      else if (!have.equals(bytes)) drift.push(`differs: src/generated/${name}`);
    }
    for (const name of committed.keys()) if (!fresh.has(name)) drift.push(`stale: src/generated/${name}`);
    if (drift.length > 0) {
      console.error("Generated code does not match spec/. Run `pnpm generate` and commit the result.");
      for (const line of drift) console.error(`  ${line}`);
      process.exit(1);
    }
    console.log(`generated code is up to date with spec/ (sha256 ${specHash})`);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
} else {
  rmSync(outDir, { recursive: true, force: true });
  await generateInto(outDir);
  console.log(`generated src/generated from spec/ (sha256 ${specHash})`);
}
