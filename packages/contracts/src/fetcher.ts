// The sportmonks fetcher's API: GET /{entity} returns one page of normalized records.
import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { DateOnly, Entity, ErrorBody, Nullable } from './common.ts';
import { RelatedRecords } from './entities.ts';

const IdList = Type.String({ pattern: '^\\d+(,\\d+)*$', description: 'comma-separated ids' });

export const FetchQuery = Type.Object(
  {
    leagues: Type.Optional(IdList),
    seasons: Type.Optional(IdList),
    ids: Type.Optional(IdList),
    from: Type.Optional(DateOnly),
    to: Type.Optional(DateOnly),
    /** `latest`: fixtures changed in the last seconds (SportMonks' live feed). */
    updated: Type.Optional(Type.Literal('latest')),
    /** Fixtures the source reports deleted. */
    deleted: Type.Optional(Type.Boolean()),
    /** Opaque: the `next` of the previous page. */
    cursor: Type.Optional(Type.String({ maxLength: 16384 })),
    /** The budget lane: `live` calls go first and may spend the reserve `sweep` calls (the default) leave them. */
    priority: Type.Optional(Type.Union([Type.Literal('live'), Type.Literal('sweep')], { description: 'live | sweep (default)' })),
  },
  { additionalProperties: false },
);
export type FetchQuery = Static<typeof FetchQuery>;

export const RejectedRecord = Type.Object({
  entity: Entity,
  sourceId: Nullable(Type.Integer()),
  reason: Type.String(),
  payload: Type.Unknown(),
});
export type RejectedRecord = Static<typeof RejectedRecord>;

export const UpstreamCost = Type.Object({
  /** SportMonks calls made to produce this page (retries included). */
  calls: Type.Integer({ minimum: 0 }),
  rateLimitRemaining: Nullable(Type.Integer()),
  resetsInSeconds: Nullable(Type.Integer()),
  /** Milliseconds this page waited for the rate limit. */
  waitedMs: Type.Integer({ minimum: 0 }),
});
export type UpstreamCost = Static<typeof UpstreamCost>;

export const FetchPage = <T extends TSchema>(record: T) =>
  Type.Object({
    data: Type.Array(record),
    rejected: Type.Array(RejectedRecord),
    /** Cursor for the next page, or null when this was the last. */
    next: Nullable(Type.String()),
    upstream: UpstreamCost,
    /** The season structure the same calls carried (a schedule's stages, rounds and ties). */
    related: Type.Optional(RelatedRecords),
  });
export interface FetchPage<T> {
  data: T[];
  rejected: RejectedRecord[];
  next: string | null;
  upstream: UpstreamCost;
  related?: RelatedRecords;
}

export const RateLimitsResponse = Type.Object({
  entities: Type.Array(
    Type.Object({
      entity: Type.String({ description: 'SportMonks requested_entity, e.g. Fixture' }),
      remaining: Nullable(Type.Integer()),
      resetsAt: Nullable(Type.String({ format: 'date-time' })),
      pausedUntil: Nullable(Type.String({ format: 'date-time' })),
    }),
  ),
});
export type RateLimitsResponse = Static<typeof RateLimitsResponse>;

/**
 * The fetcher's 502 body. `upstreamStatus` is set when SportMonks itself refused the request
 * (401 token, 403 plan, other 4xx but 429): retrying cannot help, so callers fail at once.
 */
export const FetchErrorBody = Type.Object({
  ...ErrorBody.properties,
  upstreamStatus: Type.Optional(Type.Integer({ minimum: 400, maximum: 499 })),
});
export type FetchErrorBody = Static<typeof FetchErrorBody>;
