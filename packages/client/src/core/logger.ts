import type { Redactor } from "./redact.js";

export type LogLevel = "off" | "error" | "warn" | "info" | "debug";

/** Anything with these four methods (console, pino, winston…) can be injected. */
export interface Logger {
  error(message: string, ...args: unknown[]): void;
  warn(message: string, ...args: unknown[]): void;
  info(message: string, ...args: unknown[]): void;
  debug(message: string, ...args: unknown[]): void;
}

const RANK: Record<LogLevel, number> = { off: 0, error: 1, warn: 2, info: 3, debug: 4 };

export function isLogLevel(value: string): value is LogLevel {
  return Object.hasOwn(RANK, value);
}

/** The engine's logger: level filtering and secret redaction in front of the user's logger. */
export class LevelLogger implements Logger {
  constructor(
    readonly level: LogLevel,
    private readonly sink: Logger,
    private readonly redactor: Redactor,
  ) {}

  enabled(level: Exclude<LogLevel, "off">): boolean {
    return RANK[level] <= RANK[this.level];
  }

  private emit(level: Exclude<LogLevel, "off">, message: string, args: unknown[]): void {
    if (!this.enabled(level)) return;
    const safeArgs = args.map((a) => (a instanceof Error ? this.redactor.redact(`${a.name}: ${a.message}`) : this.redactor.redactValue(a)));
    this.sink[level](`[tinker-ts] ${this.redactor.redact(message)}`, ...safeArgs);
  }

  error(message: string, ...args: unknown[]): void {
    this.emit("error", message, args);
  }
  warn(message: string, ...args: unknown[]): void {
    this.emit("warn", message, args);
  }
  info(message: string, ...args: unknown[]): void {
    this.emit("info", message, args);
  }
  debug(message: string, ...args: unknown[]): void {
    this.emit("debug", message, args);
  }
}
