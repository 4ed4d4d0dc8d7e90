/** POST /api/v1/sessions/search: the caller's sessions, newest first, filtered, with a keyset cursor. */
import type { SessionSearchRequest } from "../wire.js";
import type { Route } from "../server/types.js";
import { ok } from "../server/types.js";
import type { SessionRecord } from "../state/world.js";
import type { HandlerContext } from "./context.js";

export function searchRoutes(ctx: HandlerContext): Route[] {
  const { world } = ctx;

  const status = (s: SessionRecord): Record<string, unknown> =>
    s.finished ? { type: "client_finished", reason: { type: s.finished.reason }, detail: s.finished.detail } : { type: "active" };

  const matchesStatus = (s: SessionRecord, queries: NonNullable<SessionSearchRequest["statuses"]>): boolean =>
    queries.some((q) => {
      if (q.type === "active") return !s.finished;
      if (q.type === "client_finished") return !!s.finished && (!("reasons" in q) || !q.reasons || (q.reasons as string[]).includes(s.finished.reason));
      return false;
    });

  const stringMetadata = (m: Record<string, unknown> | null): Record<string, string> | null => {
    if (!m) return null;
    return Object.fromEntries(Object.entries(m).filter((e): e is [string, string] => typeof e[1] === "string"));
  };

  return [
    {
      method: "POST",
      pattern: "/api/v1/sessions/search",
      handler: (req) => {
        const body = req.json<SessionSearchRequest>("SessionSearchRequest");
        const owners = body.owner.type === "user" ? new Set((body.owner as { owner_urns: string[] }).owner_urns) : new Set([req.principal.owner]);
        world.sweepExpired();
        const checkpoints = [...world.checkpoints.checkpoints.values()];
        const after = body.cursor;
        const found = [...world.sessions.values()]
          .filter((s) => owners.has(s.owner) && s.owner === req.principal.owner)
          .filter((s) => body.session_id === undefined || s.session_id === body.session_id)
          .filter((s) => body.project_ids === undefined || body.project_ids.includes(s.project_id ?? ""))
          .filter((s) => body.display_name === undefined || s.display_name === body.display_name)
          .filter((s) => Object.entries(body.user_metadata).every(([k, v]) => s.user_metadata?.[k] === v))
          .filter((s) => body.statuses === undefined || matchesStatus(s, body.statuses))
          .sort((a, b) => (a.created_at === b.created_at ? b.session_id.localeCompare(a.session_id) : a.created_at < b.created_at ? 1 : -1))
          .filter((s) => !after || s.created_at < after.last_created_at || (s.created_at === after.last_created_at && s.session_id < after.last_session_id));
        const page = found.slice(0, body.limit);
        const last = page[page.length - 1];
        return ok({
          sessions: page.map((s) => {
            const own = checkpoints.filter((c) => world.run(c.training_run_id)?.session_id === s.session_id);
            return {
              session_id: s.session_id,
              created_at: s.created_at,
              owner: s.owner,
              project_id: s.project_id ?? "",
              status: status(s),
              checkpoints_count: own.length,
              display_name: s.display_name ?? null,
              user_metadata: stringMetadata(s.user_metadata),
              checkpoint_storage_bytes: own.reduce((n, c) => n + c.size_bytes, 0),
            };
          }),
          next_cursor: found.length > page.length && last ? { last_created_at: last.created_at, last_session_id: last.session_id } : null,
        });
      },
    },
  ];
}
