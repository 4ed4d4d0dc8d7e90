// Keeps PACKAGE_VERSION in src/core/version.ts equal to package.json's version (run by `build`,
// so a `changeset version` bump reaches the User-Agent). Writes only when the value differs.
import { readFileSync, writeFileSync } from "node:fs";

const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
const file = new URL("../src/core/version.ts", import.meta.url);
const source = readFileSync(file, "utf8");
const next = source.replace(/export const PACKAGE_VERSION = "[^"]*";/, `export const PACKAGE_VERSION = ${JSON.stringify(pkg.version)};`);
if (next !== source) {
  writeFileSync(file, next);
  console.log(`src/core/version.ts: PACKAGE_VERSION = ${pkg.version}`);
}
