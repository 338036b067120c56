// Turning records into the `data` (and `pagination`) of an answer: paged, listed or single.
import { NO_RESULT_MESSAGE } from '../errors.ts';
import { malform } from '../faults.ts';
import type { IncludeTree, Kind } from '../includes.ts';
import { encodeCursor, type SortKey } from '../query.ts';
import { formatDateTimeIn } from '../time.ts';
import type { Outcome, RequestContext } from './route.ts';

/** Applies what the fast serializers don't: select, field lists on includes, timezone, broken records. */
function finish(ctx: RequestContext, kind: Kind, records: string[]): string[] {
  const { q, faults } = ctx;
  const convertTime = kind === 'fixture' && q.timezone !== 'UTC';
  const malformedAt = faults.malformed && records.length > 0 ? Math.floor(faults.malformed.pick * records.length) : -1;
  if (!q.select && !q.includeSelectsFields && !convertTime && malformedAt < 0) return records;
  return records.map((json, i) => {
    if (!q.select && !q.includeSelectsFields && !convertTime && i !== malformedAt) return json;
    const record = JSON.parse(json) as Record<string, unknown>;
    if (convertTime && typeof record.starting_at_timestamp === 'number') {
      record.starting_at = formatDateTimeIn(record.starting_at_timestamp * 1000, q.timezone);
    }
    if (q.select) pickFields(record, q.select, q.include);
    if (q.includeSelectsFields) selectIncludeFields(record, q.include);
    if (i === malformedAt && faults.malformed) malform(record, faults.malformed.variant);
    return JSON.stringify(record);
  });
}

function pickFields(record: Record<string, unknown>, fields: string[], include: IncludeTree): void {
  for (const key of Object.keys(record)) {
    if (key !== 'id' && !fields.includes(key) && !include.has(key)) Reflect.deleteProperty(record, key);
  }
}

function selectIncludeFields(record: Record<string, unknown>, tree: IncludeTree): void {
  for (const [name, node] of tree) {
    const value = record[name];
    const items = Array.isArray(value) ? value : [value];
    for (const item of items) {
      if (typeof item !== 'object' || item === null) continue;
      const obj = item as Record<string, unknown>;
      if (node.fields) {
        for (const key of Object.keys(obj)) {
          if (key !== 'id' && key !== 'meta' && !node.fields.includes(key) && !node.children.has(key)) Reflect.deleteProperty(obj, key);
        }
      }
      selectIncludeFields(obj, node.children);
    }
  }
}

export function compareKeys(a: SortKey, b: SortKey): number {
  return a[0] - b[0] || a[1] - b[1];
}

export function paged<T>(ctx: RequestContext, kind: Kind, all: T[], key: (item: T) => SortKey, emit: (item: T) => string): Outcome {
  const { q } = ctx;
  const items = q.order === 'desc' ? [...all].reverse() : all;
  if (items.length === 0) return { type: 'empty' };
  const direction = q.order === 'desc' ? -1 : 1;
  let start: number;
  if (q.cursor) {
    const cursor = q.cursor;
    // First item strictly after the cursor in walking order (binary search: items are sorted).
    let lo = 0;
    let hi = items.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const item = items[mid] as T;
      if (compareKeys(key(item), cursor) * direction <= 0) lo = mid + 1;
      else hi = mid;
    }
    start = lo;
  } else {
    start = (q.page - 1) * q.perPage;
  }
  const pageItems = items.slice(start, start + q.perPage);
  if (pageItems.length === 0) {
    const pagination = `{"count":0,"per_page":${q.perPage},"current_page":${q.page},"next_page":null,"has_more":false,"next_cursor":null}`;
    return { type: 'data', data: '[]', pagination, message: NO_RESULT_MESSAGE };
  }
  const hasMore = start + q.perPage < items.length;
  const last = pageItems.at(-1) as T;
  const nextCursor = hasMore ? encodeCursor(key(last)) : null;
  const previous = items[start - 1];
  const shown = ctx.faults.duplicate && previous !== undefined ? [previous, ...pageItems] : pageItems;
  const records = finish(ctx, kind, shown.map(emit));
  const nextPage = !hasMore ? null : nextCursor && q.cursor ? ctx.urlWith({ cursor: nextCursor }) : ctx.urlWith({ page: String(q.page + 1) });
  const pagination = `{"count":${records.length},"per_page":${q.perPage},"current_page":${q.page},"next_page":${JSON.stringify(nextPage)},"has_more":${hasMore},"next_cursor":${JSON.stringify(nextCursor)}}`;
  return { type: 'data', data: `[${records.join(',')}]`, pagination };
}

export function list<T>(ctx: RequestContext, kind: Kind, items: T[], emit: (item: T) => string): Outcome {
  if (items.length === 0) return { type: 'empty' };
  return { type: 'data', data: `[${finish(ctx, kind, items.map(emit)).join(',')}]`, pagination: null };
}

export function single<T>(ctx: RequestContext, kind: Kind, item: T | undefined, emit: (item: T) => string): Outcome {
  if (item === undefined) return { type: 'empty' };
  return { type: 'data', data: finish(ctx, kind, [emit(item)])[0] ?? 'null', pagination: null };
}

export const byId = (item: { id: number }): SortKey => [item.id, 0];
