// The database writer's API: bulk upserts, sync runs, quarantine.
import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { DateOnly, Entity, Id, Nullable, UtcDateTime } from './common.ts';
import { RelatedRecords } from './entities.ts';
import { RejectedRecord } from './fetcher.ts';
import { DetailCounts, RunDetail } from './match-detail.ts';

export const RunCounters = Type.Object({
  pages: Type.Integer({ minimum: 0 }),
  fetched: Type.Integer({ minimum: 0 }),
  created: Type.Integer({ minimum: 0 }),
  updated: Type.Integer({ minimum: 0 }),
  unchanged: Type.Integer({ minimum: 0 }),
  quarantined: Type.Integer({ minimum: 0 }),
  upstreamCalls: Type.Integer({ minimum: 0 }),
  rateLimitWaitMs: Type.Integer({ minimum: 0 }),
});
export type RunCounters = Static<typeof RunCounters>;

export const Checkpoint = Type.Object({
  /** Where the run resumes after this page: opaque to the writer. */
  cursor: Nullable(Type.String()),
  /**
   * What the page adds to the run's counters besides the writer's own results (pages, fetched,
   * records rejected before the writer, upstream calls, rate-limit wait); the writer adds its
   * created/updated/unchanged/failed in the same transaction.
   */
  add: RunCounters,
  /** Detail includes the fetcher dropped for this page because the plan lacks them (see RunDetail). */
  unavailableIncludes: Type.Optional(Type.Array(Type.String({ maxLength: 64 }), { maxItems: 32 })),
});
export type Checkpoint = Static<typeof Checkpoint>;

/** Present when a sync run makes the bulk call: page, quarantine and checkpoint commit together. */
export const BulkSyncContext = Type.Object({
  runId: Id,
  /** Unique per page within the run; a page key seen before is not applied again. */
  pageKey: Type.String({ minLength: 1, maxLength: 191 }),
  /**
   * The stored cursor this page follows. Given, the page waits (briefly, then 503) until the run's
   * cursor is this one, so a caller may send a page before the previous one has answered and the
   * pages still land in order.
   */
  after: Type.Optional(Nullable(Type.String())),
  checkpoint: Checkpoint,
  rejected: Type.Optional(Type.Array(RejectedRecord)),
  /** Seasons whose pages of this entity have now all landed in this run (see GET /season-syncs). */
  seasonsCompleted: Type.Optional(Type.Array(Id, { maxItems: 5000 })),
});
export type BulkSyncContext = Static<typeof BulkSyncContext>;

export const BulkRequest = <T extends TSchema>(record: T) =>
  Type.Object({
    records: Type.Array(record, { maxItems: 5000 }),
    /** Season structure that came with the records: written first, in the same transaction, and counted with them. */
    related: Type.Optional(RelatedRecords),
    sync: Type.Optional(BulkSyncContext),
  });
export interface BulkRequest<T> {
  records: T[];
  related?: RelatedRecords;
  sync?: BulkSyncContext;
}

export const BulkFailure = Type.Object({
  id: Type.Integer(),
  reason: Type.String(),
  /** Set when the record was one of the request's `related` ones. */
  entity: Type.Optional(Entity),
});

/** What happened to records of another kind nested inside the records (the players of squads). */
export const NestedCounts = Type.Object({
  created: Type.Integer({ minimum: 0 }),
  updated: Type.Integer({ minimum: 0 }),
  unchanged: Type.Integer({ minimum: 0 }),
});
export type NestedCounts = Static<typeof NestedCounts>;

export const BulkResult = Type.Object({
  created: Type.Integer({ minimum: 0 }),
  updated: Type.Integer({ minimum: 0 }),
  unchanged: Type.Integer({ minimum: 0 }),
  /** Per kind of nested record (e.g. `players` of squads), its own exact counts; absent when none came. */
  nested: Type.Optional(Type.Record(Type.String(), NestedCounts)),
  /** Records that could not land (e.g. a fixture whose season is missing), with the reason. */
  failed: Type.Array(BulkFailure),
  /** True when this (run, page) had already been applied and nothing was written. */
  duplicatePage: Type.Boolean(),
  /** Fixtures only: the child rows of each detail kind the call carried, created/updated/unchanged/deleted. */
  details: Type.Optional(DetailCounts),
});
export type BulkResult = Static<typeof BulkResult>;

export const RunStatus = Type.Union([
  Type.Literal('running'),
  Type.Literal('succeeded'),
  Type.Literal('failed'),
  Type.Literal('cancelled'),
]);
export type RunStatus = Static<typeof RunStatus>;

export const RunEntity = Type.Union([Entity, Type.Literal('all')]);

export const SyncRun = Type.Object({
  id: Id,
  entity: RunEntity,
  mode: Type.Union([Type.Literal('full'), Type.Literal('incremental')]),
  /** The run's scope as requested (league ids, seasons, dates …). */
  scope: Type.Record(Type.String(), Type.Unknown()),
  /** Canonical form of entity + scope; at most one running run per key. */
  scopeKey: Type.String(),
  status: RunStatus,
  cursor: Nullable(Type.String()),
  /** The orchestrator's plan and progress, opaque to the writer. */
  plan: Nullable(Type.Unknown()),
  counters: RunCounters,
  /** Match detail rows of the run and includes the plan lacked; absent until a page carried detail. */
  detail: Type.Optional(RunDetail),
  error: Nullable(Type.String()),
  errorRequestId: Nullable(Type.String()),
  startedAt: UtcDateTime,
  heartbeatAt: UtcDateTime,
  finishedAt: Nullable(UtcDateTime),
});
export type SyncRun = Static<typeof SyncRun>;

export const SyncRunCreate = Type.Object({
  entity: RunEntity,
  mode: Type.Union([Type.Literal('full'), Type.Literal('incremental')]),
  scope: Type.Record(Type.String(), Type.Unknown()),
  scopeKey: Type.String({ minLength: 1, maxLength: 191 }),
  plan: Type.Optional(Type.Unknown()),
});
export type SyncRunCreate = Static<typeof SyncRunCreate>;

export const SyncRunPatch = Type.Object({
  status: Type.Optional(RunStatus),
  /** Stored in a TEXT column (65,535 bytes): 16,000 UTF-16 units always fit. */
  cursor: Type.Optional(Nullable(Type.String({ maxLength: 16_000 }))),
  plan: Type.Optional(Type.Unknown()),
  counters: Type.Optional(RunCounters),
  error: Type.Optional(Nullable(Type.String())),
  errorRequestId: Type.Optional(Nullable(Type.String())),
  /** Only a heartbeat: refreshes heartbeatAt. */
  heartbeat: Type.Optional(Type.Boolean()),
  /**
   * Compare-and-set: apply the patch only if the stored heartbeat is still this one, else 409.
   * Two processes taking over the same stale run: exactly one wins.
   */
  ifHeartbeatAt: Type.Optional(UtcDateTime),
});
export type SyncRunPatch = Static<typeof SyncRunPatch>;

export const SyncRunList = Type.Object({ items: Type.Array(SyncRun), next: Nullable(Type.String()) });

export const QuarantineRecord = Type.Object({
  id: Type.Integer(),
  runId: Nullable(Type.Integer()),
  entity: Entity,
  sourceId: Nullable(Type.Integer()),
  reason: Type.String(),
  payload: Type.Unknown(),
  createdAt: UtcDateTime,
  /** When a later run landed the record; null while it is still a problem. */
  resolvedAt: Nullable(UtcDateTime),
});
export type QuarantineRecord = Static<typeof QuarantineRecord>;

export const QuarantineBulkRequest = Type.Object({
  runId: Type.Optional(Id),
  records: Type.Array(RejectedRecord, { maxItems: 5000 }),
});

/** Paged list: `next` is the cursor to pass as `cursor` for the following page. */
export const Page = <T extends TSchema>(item: T) => Type.Object({ items: Type.Array(item), next: Nullable(Type.String()) });

/** When a run last read one entity of a season completely, with what the season row says now. */
export const SeasonSync = Type.Object({
  seasonId: Id,
  entity: Entity,
  runId: Id,
  completedAt: UtcDateTime,
  seasonFinished: Type.Boolean(),
  seasonEndingAt: Nullable(DateOnly),
});
export type SeasonSync = Static<typeof SeasonSync>;

export const SeasonSyncsQuery = Type.Object({ entity: Type.Optional(Entity) }, { additionalProperties: false });
export type SeasonSyncsQuery = Static<typeof SeasonSyncsQuery>;

/** Small by nature (a row per season and entity), so unpaged. */
export const SeasonSyncList = Type.Object({ items: Type.Array(SeasonSync) });
export type SeasonSyncList = Static<typeof SeasonSyncList>;

/**
 * The teams of a season's stored fixtures (tombstones left out), lowest id first: whose squads the
 * season has. Ids only (a few dozen a season), so unpaged: the fixtures themselves are not needed.
 */
export const SeasonTeamList = Type.Object({ items: Type.Array(Id) });
export type SeasonTeamList = Static<typeof SeasonTeamList>;
