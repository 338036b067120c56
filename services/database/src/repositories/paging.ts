import { unprocessable } from '../errors.ts';

export const DEFAULT_LIMIT = 100;

export interface PageOf<T> {
  items: T[];
  next: string | null;
}

/** Rows fetched with `take: limit + 1`: the extra row only says that there is a next page. */
export function toPage<Row extends { id: number }, T>(rows: Row[], limit: number, map: (row: Row) => T): PageOf<T> {
  const hasMore = rows.length > limit;
  const kept = hasMore ? rows.slice(0, limit) : rows;
  const last = kept.at(-1);
  return { items: kept.map(map), next: hasMore && last ? String(last.id) : null };
}

export function cursorId(cursor: string | undefined): number | undefined {
  if (cursor === undefined) return undefined;
  if (!/^\d{1,15}$/.test(cursor)) throw unprocessable('cursor must be the `next` of a previous page');
  return Number(cursor);
}

/**
 * What a page of rows in id order asks of Prisma: `take` one more row than the limit (it only
 * says there is a next page), and the id bound of the cursor: after it ascending, before it descending.
 */
export function pageQuery(query: { limit?: number | undefined; cursor?: string | undefined }, order: 'asc' | 'desc' = 'asc', defaultLimit = DEFAULT_LIMIT) {
  const limit = query.limit ?? defaultLimit;
  const bound = cursorId(query.cursor);
  const idWhere = bound === undefined ? {} : { id: order === 'asc' ? { gt: bound } : { lt: bound } };
  return { limit, take: limit + 1, orderBy: { id: order }, idWhere };
}
