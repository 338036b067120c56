// The query string of an API call, checked the way the real API checks it.
import { badRequest, type ApiError } from './errors.ts';
import { parseIncludes, type IncludeTree, type Kind } from './includes.ts';
import { isValidTimeZone } from './time.ts';

export type SortKey = [number, number];

export interface ParsedQuery {
  include: IncludeTree;
  includeSelectsFields: boolean;
  select: string[] | null;
  /** Entity filters by lower-cased name, e.g. fixtureleagues → [8, 564]. */
  filters: Map<string, number[]>;
  populate: boolean;
  deleted: boolean;
  idAfter: number | null;
  perPage: number;
  page: number;
  cursor: SortKey | null;
  order: 'asc' | 'desc';
  timezone: string;
}

export const MAX_PER_PAGE = 50;
export const POPULATE_PER_PAGE = 1000;
export const DEFAULT_PER_PAGE = 25;
export const OFFSET_CAP = 20_000;

export type QueryInput = Record<string, string | string[] | undefined>;

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value.at(-1) : value;
}

export function encodeCursor(key: SortKey): string {
  return Buffer.from(JSON.stringify({ after: key })).toString('base64url');
}

function decodeCursor(text: string): SortKey | null {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    if (typeof parsed !== 'object' || parsed === null || !('after' in parsed)) return null;
    const after: unknown = parsed.after;
    if (Array.isArray(after) && after.length === 2 && after.every((n) => Number.isSafeInteger(n))) return [after[0] as number, after[1] as number];
    return null;
  } catch {
    return null;
  }
}

function positiveInt(text: string): number | null {
  return /^\d{1,9}$/.test(text) && Number(text) > 0 ? Number(text) : null;
}

/**
 * @param allowedFilters lower-cased entity filter names this endpoint accepts
 *   (populate and idAfter are accepted everywhere, deleted only on fixtures).
 */
export function parseQuery(input: QueryInput, kind: Kind, allowedFilters: readonly string[], paged: boolean): ParsedQuery | ApiError {
  const filters = new Map<string, number[]>();
  let populate = false;
  let deleted = false;
  let idAfter: number | null = null;
  const filterText = single(input.filters);
  if (filterText) {
    for (const raw of filterText.split(';')) {
      const item = raw.trim();
      if (item === '') continue;
      const [name = '', valueText] = item.split(':', 2);
      const key = name.toLowerCase();
      if (key === 'populate' && valueText === undefined) {
        populate = true;
        continue;
      }
      if (key === 'deleted' && valueText === undefined && kind === 'fixture') {
        deleted = true;
        continue;
      }
      const values = (valueText ?? '').split(',').map((v) => v.trim()).filter((v) => v !== '');
      const numbers = values.map(Number);
      if (key === 'idafter' && numbers.length === 1 && Number.isSafeInteger(numbers[0])) {
        idAfter = numbers[0] ?? 0;
        continue;
      }
      if (!allowedFilters.includes(key)) {
        return badRequest(5010, `The filter "${name}" is not applicable to this endpoint.`);
      }
      if (numbers.length === 0 || numbers.some((n) => !Number.isSafeInteger(n))) {
        return badRequest(5006, `The filter "${name}" needs a comma-separated list of ids.`);
      }
      filters.set(key, numbers);
    }
  }

  const included = parseIncludes(populate ? undefined : single(input.include), kind);
  if (!included.ok) return badRequest(included.code, included.message);

  const selectText = single(input.select);
  const select = selectText ? selectText.split(',').map((f) => f.trim()).filter((f) => f !== '') : null;

  const maxPerPage = populate ? POPULATE_PER_PAGE : MAX_PER_PAGE;
  let perPage = populate ? POPULATE_PER_PAGE : DEFAULT_PER_PAGE;
  const perPageText = single(input.per_page);
  if (perPageText !== undefined) {
    const n = positiveInt(perPageText);
    if (n === null) return badRequest(5006, 'The per_page parameter must be a positive integer.');
    perPage = Math.min(n, maxPerPage);
  }

  let page = 1;
  const pageText = single(input.page);
  if (pageText !== undefined) {
    const n = positiveInt(pageText);
    if (n === null) return badRequest(5006, 'The page parameter must be a positive integer.');
    page = n;
  }

  let cursor: SortKey | null = null;
  const cursorText = single(input.cursor);
  if (cursorText !== undefined) {
    cursor = decodeCursor(cursorText);
    if (cursor === null) return badRequest(5006, 'The cursor parameter is not valid.');
    page = 1;
  }
  if (paged && cursor === null && (page - 1) * perPage >= OFFSET_CAP) {
    return badRequest(
      5003,
      `Offset pagination is limited to the first ${OFFSET_CAP} rows. Use the cursor from pagination.next_cursor to go further.`,
    );
  }

  const orderText = single(input.order) ?? 'asc';
  if (orderText !== 'asc' && orderText !== 'desc') return badRequest(5006, 'The order parameter must be asc or desc.');

  const timezone = single(input.timezone) ?? 'UTC';
  if (!isValidTimeZone(timezone)) return badRequest(5006, `The timezone "${timezone}" is not a valid timezone.`);

  return {
    include: included.tree,
    includeSelectsFields: included.selectsFields,
    select,
    filters,
    populate,
    deleted,
    idAfter,
    perPage,
    page,
    cursor,
    order: orderText,
    timezone,
  };
}
