import { Deadline, type CallOptions } from "../core/deadline.js";
import { AbortError } from "../core/errors.js";
import { checkTimeout, resolveClientOptions, type ClientOptions, type ResolvedClientOptions } from "../core/options.js";
import { startSessionless, type ClientContext } from "../core/context.js";

/**
 * The sessionless engine context a RestClient runs on: either given (ServiceClient.createRestClient)
 * or started on first use from ClientOptions (client config, JWT exchange, dynamic config; no
 * session). A failed start-up is retried by the next call.
 */
export class RestContextHolder {
  #context: ClientContext | undefined;
  #starting: Promise<ClientContext> | undefined;
  readonly #options: ResolvedClientOptions | undefined;
  #closed = false;
  /** Cancels a start-up still in flight when the client is closed. */
  readonly #startAbort = new AbortController();

  constructor(source: ClientOptions | ClientContext) {
    if (isClientContext(source)) this.#context = source;
    // Options are resolved now, so bad options throw ValidationError from the constructor.
    else this.#options = resolveClientOptions(source);
  }

  /** The call's bounds (validates `timeout`). */
  deadline(options: CallOptions | undefined): Deadline {
    checkTimeout("timeout", options?.timeout);
    return Deadline.from(options);
  }

  /** The started context; waits for start-up within the call's bounds. */
  async get(deadline: Deadline): Promise<ClientContext> {
    if (this.#closed) throw new AbortError("The client was closed.");
    if (this.#context) return this.#context;
    this.#starting ??= startSessionless(this.#options ?? {}, { signal: this.#startAbort.signal }).then(
      (context) => {
        if (this.#closed) void context.close();
        else this.#context = context;
        return context;
      },
      (error: unknown) => {
        this.#starting = undefined;
        throw error;
      },
    );
    return deadline.race(this.#starting);
  }

  /** The API key the client was configured with (for whoami with a caller-supplied JWT). */
  apiKey(context: ClientContext): string {
    return context.options.apiKey;
  }

  async close(): Promise<void> {
    this.#closed = true;
    this.#startAbort.abort(new AbortError("The client was closed."));
    const context = this.#context ?? (await this.#starting?.catch(() => undefined));
    await context?.close();
  }
}

export function isClientContext(value: unknown): value is ClientContext {
  return typeof value === "object" && value !== null && "http" in value && "withRetries" in value && "serverConfig" in value;
}
