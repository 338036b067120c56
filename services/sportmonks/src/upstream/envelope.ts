// The envelope every SportMonks v3 answer comes in, read leniently: pagination only on paged
// lists, `data` absent on "no result", rate_limit numbers possibly sent as strings.
import { Type, type Static } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { EnvelopeError } from './errors.ts';

const IntLike = Type.Union([Type.Integer(), Type.String({ pattern: '^-?\\d+$' })]);

const RateLimitBlock = Type.Object({
  remaining: IntLike,
  resets_in_seconds: IntLike,
  requested_entity: Type.String({ minLength: 1 }),
});

const PaginationBlock = Type.Object({
  count: Type.Optional(Type.Union([Type.Integer(), Type.Null()])),
  per_page: Type.Optional(Type.Union([Type.Integer(), Type.Null()])),
  current_page: Type.Optional(Type.Union([Type.Integer(), Type.Null()])),
  next_page: Type.Optional(Type.Union([Type.String(), Type.Null()])),
  has_more: Type.Optional(Type.Boolean()),
  next_cursor: Type.Optional(Type.Union([Type.String(), Type.Null()])),
});

const EnvelopeSchema = Type.Object({
  data: Type.Optional(Type.Union([Type.Array(Type.Unknown()), Type.Record(Type.String(), Type.Unknown()), Type.Null()])),
  pagination: Type.Optional(Type.Union([PaginationBlock, Type.Null()])),
  rate_limit: Type.Optional(Type.Union([RateLimitBlock, Type.Null()])),
  message: Type.Optional(Type.Union([Type.String(), Type.Null()])),
});
type EnvelopeSchema = Static<typeof EnvelopeSchema>;

export interface RateLimitInfo {
  entity: string;
  remaining: number;
  resetsInSeconds: number;
}

export interface Pagination {
  hasMore: boolean;
  nextCursor: string | null;
  /** The page number `next_page` points at, when it names one. */
  nextPage: number | null;
  currentPage: number | null;
  perPage: number | null;
}

export interface Envelope {
  /** `data` as a list: a single-resource answer becomes a list of one. */
  records: unknown[];
  /** Absent for lists that are not paginated (multi, latest, by-season): one page is everything. */
  pagination: Pagination | null;
  rateLimit: RateLimitInfo | null;
  /** The API's "no result(s) found" answer (200, a message, no data). */
  noResult: boolean;
}

/** The rate_limit block alone: read before the rest so that a bad body still updates the budget. */
export function readRateLimit(body: unknown): RateLimitInfo | null {
  if (typeof body !== 'object' || body === null || !('rate_limit' in body)) return null;
  const block = body.rate_limit;
  if (!Value.Check(RateLimitBlock, block)) return null;
  return { entity: block.requested_entity, remaining: Number(block.remaining), resetsInSeconds: Number(block.resets_in_seconds) };
}

function pageNumberOf(url: string | null | undefined): number | null {
  if (url === null || url === undefined || url === '') return null;
  try {
    const page = new URL(url, 'http://relative.invalid').searchParams.get('page');
    return page !== null && /^\d+$/.test(page) ? Number(page) : null;
  } catch {
    return null;
  }
}

function describe(body: unknown): string {
  const problems = [...Value.Errors(EnvelopeSchema, body)].slice(0, 3).map((e) => `${e.path || '/'} ${e.message.toLowerCase()}`);
  return problems.join('; ');
}

function readPagination(block: NonNullable<EnvelopeSchema['pagination']>): Pagination {
  const nextCursor = block.next_cursor ?? null;
  const nextPage = pageNumberOf(block.next_page);
  return {
    // `has_more` is the truth; without it, a next link or cursor means there is more.
    hasMore: block.has_more ?? (nextCursor !== null || (block.next_page ?? null) !== null),
    nextCursor: nextCursor === '' ? null : nextCursor,
    nextPage,
    currentPage: block.current_page ?? null,
    perPage: block.per_page ?? null,
  };
}

/** Reads a parsed JSON body of a 200 answer; throws EnvelopeError naming what is wrong. */
export function readEnvelope(body: unknown): Envelope {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new EnvelopeError(`SportMonks answered with ${Array.isArray(body) ? 'an array' : typeof body} instead of an envelope object`);
  }
  if (!Value.Check(EnvelopeSchema, body)) {
    throw new EnvelopeError(`SportMonks envelope is malformed: ${describe(body)}`);
  }
  const hasMessage = typeof body.message === 'string' && body.message !== '';
  const rateLimit = readRateLimit(body);
  const pagination = body.pagination ? readPagination(body.pagination) : null;
  if (body.data === undefined || body.data === null) {
    if (!hasMessage) throw new EnvelopeError('SportMonks envelope has no `data` and no message');
    return { records: [], pagination: null, rateLimit, noResult: true };
  }
  const records = Array.isArray(body.data) ? body.data : [body.data];
  return { records, pagination, rateLimit, noResult: records.length === 0 && hasMessage };
}
