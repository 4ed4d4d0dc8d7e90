import { CliError } from "../errors.js";

/** `--limit` as a non-negative integer (0 means "everything"). */
export function parseLimit(value: string): number {
  if (!/^\d+$/.test(value.trim())) throw new CliError(`Invalid --limit: ${value}`, "Use a non-negative integer (0 = all).", 2);
  return Number(value);
}

/** The title suffix when a list shows fewer than the server's total ("" when it shows all). */
export function moreNotShown(total: number | undefined, shown: number): string {
  if (total === undefined || total <= shown) return "";
  return ` (${total - shown} more not shown, use --limit to see more)`;
}

export interface Page<T> {
  items: T[];
  total: number | undefined;
}

/**
 * Fetches pages of `pageSize` until `limit` items (0 = all) or the end, as the Python CLI does:
 * the first page tells the total; a short page means the end.
 */
export async function fetchUpTo<T>(
  limit: number,
  pageSize: number,
  fetchPage: (limit: number, offset: number) => Promise<Page<T>>,
): Promise<{ items: T[]; total: number | undefined }> {
  const first = await fetchPage(limit > 0 ? Math.min(pageSize, limit) : pageSize, 0);
  const items = [...first.items];
  const total = first.total;
  let target = limit > 0 ? limit : (total ?? items.length);
  if (total !== undefined) target = Math.min(target, total);
  while (items.length < target) {
    const size = Math.min(pageSize, target - items.length);
    const page = await fetchPage(size, items.length);
    items.push(...page.items);
    if (page.items.length < size) break;
  }
  return { items, total };
}
