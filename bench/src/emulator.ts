import { spawn, type ChildProcess } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { readFileSync } from "node:fs";
import { cpuPinning } from "./process/cpu-pinning.js";

export interface EmulatorProcess {
  url: string;
  pid: number;
  close(): Promise<void>;
}

/** Path of the `tinker-emulator` bin of the workspace's `@tinker-ts/emulator`. */
export function emulatorBin(): string {
  const require = createRequire(import.meta.url);
  const pkgPath = require.resolve("@tinker-ts/emulator/package.json");
  const pkg = JSON.parse(readFileSync(pkgPath, "utf8")) as { bin?: Record<string, string> | string };
  const rel = typeof pkg.bin === "string" ? pkg.bin : pkg.bin?.["tinker-emulator"];
  if (rel === undefined) throw new Error("@tinker-ts/emulator declares no tinker-emulator bin");
  return join(dirname(pkgPath), rel);
}

/**
 * Starts ONE emulator as its own process (its CPU work never shares the drivers' event loop) and
 * resolves once it prints the URL it listens on.
 */
export function startEmulatorProcess(args: readonly string[], timeoutMs = 30_000, nodeArgs: readonly string[] = []): Promise<EmulatorProcess> {
  const { command, args: argv } = cpuPinning().wrap("server", process.execPath, [...nodeArgs, emulatorBin(), "--port", "0", ...args]);
  const child: ChildProcess = spawn(command, argv, { stdio: ["ignore", "pipe", "pipe"] });
  let stderr = "";
  child.stderr!.setEncoding("utf8").on("data", (d: string) => {
    stderr = (stderr + d).slice(-4000);
  });
  return new Promise<EmulatorProcess>((resolve, reject) => {
    let out = "";
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`emulator printed no URL within ${timeoutMs} ms; stderr: ${stderr}`));
    }, timeoutMs);
    child.once("exit", (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`emulator exited early (code ${code}, signal ${signal}); stderr: ${stderr}`));
    });
    child.stdout!.setEncoding("utf8").on("data", (d: string) => {
      out += d;
      const match = /https?:\/\/(?:127\.0\.0\.1|localhost|\[::1\]):\d+[^\s]*/.exec(out);
      if (match === null) return;
      clearTimeout(timer);
      child.stdout!.removeAllListeners("data");
      child.stdout!.resume();
      child.removeAllListeners("exit");
      resolve({
        url: match[0].replace(/\/+$/, "").replace("localhost", "127.0.0.1"),
        pid: child.pid!,
        close: () =>
          new Promise<void>((done) => {
            if (child.exitCode !== null || child.signalCode !== null) return done();
            const kill = setTimeout(() => child.kill("SIGKILL"), 5000);
            child.once("exit", () => {
              clearTimeout(kill);
              done();
            });
            child.kill("SIGTERM");
          }),
      });
    });
  });
}
