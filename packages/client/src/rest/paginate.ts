import { checkPositiveInteger } from "../paths/index.js";

/** Items requested per page by the async iterators. */
export const DEFAULT_PAGE_SIZE = 100;

export interface PageResult<T> {
  items: T[];
  /** `cursor.total_count` when the server reports it. */
  total: number | undefined;
}

/**
 * Yields every item of an offset/limit listing, one page at a time. Stops at an empty or short
 * page, or once `total` items have been seen.
 */
export async function* paginate<T>(
  pageSize: number | undefined,
  fetchPage: (limit: number, offset: number) => Promise<PageResult<T>>,
): AsyncGenerator<T, void, undefined> {
  const limit = pageSize === undefined ? DEFAULT_PAGE_SIZE : checkPositiveInteger(pageSize, "pageSize");
  let offset = 0;
  for (;;) {
    const page = await fetchPage(limit, offset);
    yield* page.items;
    offset += page.items.length;
    if (page.items.length < limit || (page.total !== undefined && offset >= page.total)) return;
  }
}
