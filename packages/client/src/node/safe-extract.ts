import { mkdir, rename, rm, stat } from "node:fs/promises";
import { posix } from "node:path";
import * as tar from "tar";
import { UnsafeArchiveError, TargetExistsError } from "./errors.js";
import { temporarySibling } from "./download-file.js";

/** Entry kinds that may be extracted; anything else (devices, FIFOs, …) is refused. */
const ALLOWED_TYPES = new Set(["File", "OldFile", "ContiguousFile", "Directory", "SymbolicLink", "Link"]);

interface EntryHeader {
  path: string;
  type: string;
  linkpath?: string | undefined;
}

/**
 * Returns why an entry is unsafe, or undefined when it is safe. `symlinks` holds the paths of
 * symbolic links seen earlier in the archive: writing through one is refused, since a chain of
 * individually harmless links can still point outside the target.
 */
export function unsafeEntryReason(entry: EntryHeader, symlinks: ReadonlySet<string>): string | undefined {
  const path = entry.path.replace(/\\/g, "/");
  const pathProblem = relativePathProblem(path);
  if (pathProblem) return pathProblem;
  if (!ALLOWED_TYPES.has(entry.type)) return `has unsupported type ${entry.type}`;
  const normalized = posix.normalize(path).replace(/\/+$/, "");
  const parts = normalized.split("/");
  for (let i = 1; i < parts.length; i++) {
    if (symlinks.has(parts.slice(0, i).join("/"))) return "is written through a symbolic link";
  }
  if (entry.type === "SymbolicLink" || entry.type === "Link") {
    const link = (entry.linkpath ?? "").replace(/\\/g, "/");
    if (link === "") return "is a link without a target";
    if (isAbsolute(link)) return `links to the absolute path ${JSON.stringify(link)}`;
    // A symlink resolves against its own directory; a hard link names a path in the archive.
    const resolved =
      entry.type === "SymbolicLink" ? posix.normalize(posix.join(posix.dirname(normalized), link)) : posix.normalize(link);
    if (resolved === ".." || resolved.startsWith("../")) return `links outside the target (${JSON.stringify(link)})`;
  }
  return undefined;
}

function isAbsolute(path: string): boolean {
  return path.startsWith("/") || /^[A-Za-z]:/.test(path);
}

/** Why a relative file name from the service would escape its directory, or undefined when it is safe. */
export function relativePathProblem(path: string): string | undefined {
  if (path === "" || path === "." || path === "./") return undefined;
  if (isAbsolute(path)) return "has an absolute path";
  if (path.split("/").includes("..")) return "contains '..'";
  return undefined;
}

/** Reads every header of the archive and throws UnsafeArchiveError on the first unsafe entry. */
export async function assertArchiveIsSafe(archive: string): Promise<void> {
  const symlinks = new Set<string>();
  let problem: UnsafeArchiveError | undefined;
  await tar.t({
    file: archive,
    strict: true,
    onReadEntry(entry) {
      if (problem) return;
      const header: EntryHeader = { path: entry.path, type: entry.type, linkpath: entry.linkpath };
      const reason = unsafeEntryReason(header, symlinks);
      if (reason) problem = new UnsafeArchiveError(entry.path, reason);
      else if (entry.type === "SymbolicLink") symlinks.add(posix.normalize(entry.path.replace(/\\/g, "/")).replace(/\/+$/, ""));
    },
  });
  if (problem) throw problem;
}

export interface ExtractOptions {
  /** Replace `target` if it already exists. */
  force?: boolean;
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

/**
 * Extracts a tar (optionally gzipped) archive into `target`. The whole archive is checked first,
 * so an unsafe archive writes nothing at all; the files are then unpacked into a staging
 * directory beside the target and moved into place in one rename.
 */
export async function extractArchiveSafely(archive: string, target: string, options: ExtractOptions = {}): Promise<void> {
  if (!options.force && (await exists(target))) throw new TargetExistsError(target);
  await assertArchiveIsSafe(archive);

  const staging = temporarySibling(target, "extract");
  await mkdir(staging, { recursive: true });
  try {
    await tar.x({
      file: archive,
      cwd: staging,
      strict: true,
      preservePaths: false,
      preserveOwner: false,
      // Never let an entry's mode make the staging tree unwritable or set-uid.
      noChmod: true,
    });
    await moveIntoPlace(staging, target, options.force ?? false);
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
}

/**
 * Renames a finished staging directory to `target`. With `force`, an existing target is first
 * moved aside and removed only once the new one is in place.
 */
export async function moveIntoPlace(staging: string, target: string, force: boolean): Promise<void> {
  if (!(await exists(target))) {
    await rename(staging, target);
    return;
  }
  if (!force) throw new TargetExistsError(target);
  const old = temporarySibling(target, "replaced");
  await rename(target, old);
  await rename(staging, target);
  await rm(old, { recursive: true, force: true });
}
