import type { RestClient } from "@tinker-ts/client";
import type { Io, OutputFormat } from "./output.js";

/** What every command gets: how to print, and a lazily created RestClient. */
export interface CommandContext {
  readonly io: Io;
  format(): OutputFormat;
  rest(): RestClient;
  /** True when a person is at the terminal (prompts and progress bars are allowed). */
  readonly interactive: boolean;
  /** Fires on Ctrl-C: downloads stop and clean up their partial files. */
  readonly signal: AbortSignal;
  /** Asks a yes/no question on the terminal. */
  confirm(question: string): Promise<boolean>;
}
