/** Which stored checkpoints a caller may read (load, copy, inspect). */
import { notFound } from "../server/errors.js";
import type { CheckpointRecord } from "../state/checkpoints.js";
import type { HandlerContext } from "./context.js";

/** The checkpoint at `path` when the caller owns it, it is public, or `accessToken` is its owner's credential; otherwise 404. */
export function readableCheckpoint(ctx: HandlerContext, owner: string, path: string, accessToken?: string | null): CheckpointRecord {
  const record = ctx.world.checkpoint(path);
  const tokenOwner = accessToken ? ctx.auth.identify(accessToken)?.owner : undefined;
  if (!record || !(record.owner === owner || record.public || record.owner === tokenOwner)) throw notFound(`checkpoint ${path} not found`);
  return record;
}
