#!/usr/bin/env node
import { main } from "./program.js";

// Ctrl-C: abort downloads so they remove their partial files, then exit 130 (as the Python CLI).
const interrupt = new AbortController();
process.once("SIGINT", () => {
  interrupt.abort();
  process.exitCode = 130;
  setTimeout(() => process.exit(130), 2000).unref();
});

process.exitCode = await main(process.argv.slice(2), { signal: interrupt.signal });
