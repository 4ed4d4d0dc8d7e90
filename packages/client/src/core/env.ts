/** Environment lookup without Node-only imports: `globalThis.process?.env` when it exists. */
export type Env = Readonly<Record<string, string | undefined>>;

export function processEnv(): Env {
  const proc = (globalThis as { process?: { env?: Env } }).process;
  return proc?.env ?? {};
}

/** A non-empty value, or undefined. */
export function readEnv(env: Env, name: string): string | undefined {
  const v = env[name];
  return v === undefined || v.trim() === "" ? undefined : v.trim();
}
