#!/usr/bin/env node
import { main } from "./program.js";

// Ctrl-C: abort downloads so they remove their partial files, then exit 130 (as the Python CLI).
const interrupt = new AbortController();
process.once("SIGINT", () => {
  interrupt.abort();
  process.exitCode = 130;
  setTimeout(() => process.exit(130), 2000).unref();
});

// `tinker-ts checkpoint list | head`: a closed pipe ends the command quietly.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
  throw error;
});

process.exitCode = await main(process.argv.slice(2), { signal: interrupt.signal });
