/**
 * Fault injection. A fault is a `;`-separated list of directives, given per request in the
 * `X-Emulator-Fault` header or as `faults` rules in the options:
 *   status=503            answer this status instead of handling the request (JSON {"detail"}).
 *   retry-after=1         with status: a Retry-After header (seconds).
 *   retry-after-ms=10     with status: a Retry-After-Ms header.
 *   should-retry=false    with status: an X-Should-Retry header.
 *   queue-state=paused_capacity  with status=408 or try-again: the queue_state reported.
 *   reset                 destroy the connection without answering.
 *   stall=2000            wait 2000 ms before handling; `stall` alone never answers.
 *   delay-body=2000       send the status and headers at once, the body 2000 ms later (`delay-body` alone: never).
 *   try-again=3           retrieve_future: answer try_again (without long-polling) 3 times.
 *   expire                retrieve_future: answer 410 (the future is gone).
 *   fail=user|server      submit endpoints: the future fails with that category.
 *   times=2               apply to the first 2 matching requests only (default: every one).
 *   id=xyz                a label that keeps the `times` counters of otherwise equal faults apart.
 * Counters are kept per (method, path, fault text) for header faults and per rule for option rules.
 */

export interface FaultRule {
  /** HTTP method to match (default: any). */
  readonly method?: string;
  /** Exact path, or a RegExp tested against the path (default: any). */
  readonly path?: string | RegExp;
  /** The fault, in the header syntax (e.g. "status=503;retry-after-ms=10"). */
  readonly fault: string;
  /** Apply to the first `times` matching requests (default: every one). Overrides `times=` in `fault`. */
  readonly times?: number;
}

export interface Fault {
  status?: number;
  retryAfter?: string;
  retryAfterMs?: string;
  shouldRetry?: string;
  queueState?: string;
  reset?: boolean;
  /** ms; Infinity = never answer. */
  stallMs?: number;
  /** ms between headers and body; Infinity = the body never comes. */
  delayBodyMs?: number;
  tryAgain?: number;
  expire?: boolean;
  fail?: "user" | "server";
}

export function parseFault(text: string): { fault: Fault; times: number | undefined } {
  const fault: Fault = {};
  let times: number | undefined;
  for (const part of text.split(";")) {
    const [rawKey, ...rest] = part.split("=");
    const key = (rawKey ?? "").trim().toLowerCase();
    const value = rest.join("=").trim();
    switch (key) {
      case "":
      case "id":
        break;
      case "status":
        fault.status = int(key, value);
        break;
      case "retry-after":
        fault.retryAfter = value;
        break;
      case "retry-after-ms":
        fault.retryAfterMs = value;
        break;
      case "should-retry":
        fault.shouldRetry = value;
        break;
      case "queue-state":
        fault.queueState = value;
        break;
      case "reset":
        fault.reset = true;
        break;
      case "stall":
        fault.stallMs = value === "" ? Infinity : int(key, value);
        break;
      case "delay-body":
        fault.delayBodyMs = value === "" ? Infinity : int(key, value);
        break;
      case "try-again":
        fault.tryAgain = value === "" ? 1 : int(key, value);
        break;
      case "expire":
        fault.expire = true;
        break;
      case "fail":
        fault.fail = value === "user" ? "user" : "server";
        break;
      case "times":
        times = int(key, value);
        break;
      default:
        throw new Error(`unknown fault directive "${key}"`);
    }
  }
  return { fault, times };
}

function int(key: string, value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`fault directive ${key} needs a non-negative integer (got "${value}")`);
  return n;
}

/** Decides which fault applies to a request, counting `times`. */
export class FaultInjector {
  private readonly counters = new Map<string, number>();
  private readonly rules: ReadonlyArray<{ rule: FaultRule; fault: Fault; times: number | undefined }>;

  constructor(rules: readonly FaultRule[]) {
    this.rules = rules.map((rule) => {
      const parsed = parseFault(rule.fault);
      return { rule, fault: parsed.fault, times: rule.times ?? parsed.times };
    });
  }

  /** The fault for this request, if any; throws on a malformed header. */
  select(method: string, path: string, header: string | undefined): Fault | undefined {
    if (header) {
      const { fault, times } = parseFault(header);
      if (this.take(`header ${method} ${path} ${header}`, times)) return fault;
    }
    for (const [index, entry] of this.rules.entries()) {
      const { rule } = entry;
      if (rule.method && rule.method.toUpperCase() !== method) continue;
      if (rule.path !== undefined && !(typeof rule.path === "string" ? rule.path === path : rule.path.test(path))) continue;
      if (this.take(`rule ${index}`, entry.times)) return entry.fault;
    }
    return undefined;
  }

  private take(key: string, times: number | undefined): boolean {
    const used = this.counters.get(key) ?? 0;
    if (times !== undefined && used >= times) return false;
    this.counters.set(key, used + 1);
    return true;
  }
}
