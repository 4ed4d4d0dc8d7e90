/**
 * The abort signal of one request: aborted when its client goes away mid-request or the server
 * shuts down. Created on first use only — most requests never wait, and an AbortController plus
 * its shutdown listener per request is a measurable share of a cheap request's CPU.
 */
import type { ServerResponse } from "node:http";

export class RequestLifetime {
  private controller: AbortController | undefined;
  private clientGone = false;
  private readonly onShutdown = (): void => this.controller?.abort();

  constructor(
    res: ServerResponse,
    private readonly shutdown: AbortSignal,
  ) {
    res.on("close", () => {
      if (!res.writableFinished) {
        this.clientGone = true;
        // Only a client that went away mid-request needs to stop waiters (aborting costs a DOMException).
        this.controller?.abort();
      }
      if (this.controller) this.shutdown.removeEventListener("abort", this.onShutdown);
    });
  }

  get signal(): AbortSignal {
    if (!this.controller) {
      this.controller = new AbortController();
      if (this.clientGone || this.shutdown.aborted) this.controller.abort();
      else this.shutdown.addEventListener("abort", this.onShutdown, { once: true });
    }
    return this.controller.signal;
  }

  /** True once the client went away mid-request or the server shut down. */
  get aborted(): boolean {
    return this.clientGone || this.shutdown.aborted;
  }
}
