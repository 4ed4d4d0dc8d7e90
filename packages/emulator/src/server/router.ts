/** Matches method + path against route patterns ("/api/v1/training_runs/{run_id}/checkpoints/{kind}/{name}"). */
import type { Route } from "./types.js";

interface Compiled {
  readonly route: Route;
  readonly regex: RegExp;
  readonly names: readonly string[];
}

export class Router {
  private readonly compiled: Compiled[];
  /**
   * "METHOD path" → route, for patterns without parameters that no earlier route of the same method
   * also matches: the same answer as the scan, without running every regex on the hot endpoints.
   */
  private readonly exact = new Map<string, Compiled>();

  constructor(routes: readonly Route[]) {
    this.compiled = routes.map((route) => {
      const names: string[] = [];
      const source = route.pattern
        .split("/")
        .map((segment) => {
          const m = /^\{(\w+)(\+?)\}$/.exec(segment);
          if (!m) return segment.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
          names.push(m[1]!);
          return m[2] ? "(.+)" : "([^/]+)";
        })
        .join("/");
      return { route, regex: new RegExp(`^${source}$`), names };
    });
    this.compiled.forEach((c, i) => {
      if (c.names.length > 0) return;
      const key = `${c.route.method} ${c.route.pattern}`;
      const shadowed = this.compiled.slice(0, i).some((earlier) => earlier.route.method === c.route.method && earlier.regex.test(c.route.pattern));
      if (!shadowed && !this.exact.has(key)) this.exact.set(key, c);
    });
  }

  /** The matching route and its params; `methodMismatch` when the path exists with another method. */
  match(method: string, path: string): { route: Route; params: Record<string, string> } | { methodMismatch: boolean } {
    const exact = this.exact.get(`${method} ${path}`);
    if (exact) return { route: exact.route, params: {} };
    let methodMismatch = false;
    for (const c of this.compiled) {
      const m = c.regex.exec(path);
      if (!m) continue;
      if (c.route.method !== method) {
        methodMismatch = true;
        continue;
      }
      const params: Record<string, string> = {};
      c.names.forEach((name, i) => {
        params[name] = decodeURIComponent(m[i + 1]!);
      });
      return { route: c.route, params };
    }
    return { methodMismatch };
  }
}
