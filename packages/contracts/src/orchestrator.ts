// The orchestrator's public API: POST /sync/*, run history.
import { Type, type Static } from '@sinclair/typebox';
import { DateOnly, Id, Nullable } from './common.ts';
import { RunCounters, RunEntity, RunStatus } from './writer.ts';
import { DetailCounts } from './match-detail.ts';

export const SyncMode = Type.Union([Type.Literal('full'), Type.Literal('incremental')]);
export type SyncMode = Static<typeof SyncMode>;

export const SyncScope = Type.Object(
  {
    leagues: Type.Optional(Type.Array(Id, { maxItems: 500 })),
    seasons: Type.Optional(Type.Array(Id, { maxItems: 500 })),
    /** Every season of the leagues instead of the current ones (ignored when `seasons` is given). */
    allSeasons: Type.Optional(Type.Boolean()),
    from: Type.Optional(DateOnly),
    to: Type.Optional(DateOnly),
    mode: Type.Optional(SyncMode),
    /** Incremental sweeps: days either side of today (default 1; 7 for the weekly tier). */
    windowDays: Type.Optional(Type.Integer({ minimum: 0, maximum: 100 })),
    /** Also re-read the finished seasons a complete earlier read froze (full mode, seasons not named). */
    force: Type.Optional(Type.Boolean()),
    /** Fixtures with their match detail (events, lineups, statistics, referees, formations). Default true. */
    detail: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type SyncScope = Static<typeof SyncScope>;

/**
 * A run's scope as it is stored with the run: made once when the run starts (ids sorted and
 * unique, only the fields that apply) and read back as is when it is planned or resumed.
 */
export const RunScope = Type.Object(
  {
    mode: SyncMode,
    leagues: Type.Optional(Type.Array(Id, { minItems: 1 })),
    seasons: Type.Optional(Type.Array(Id, { minItems: 1 })),
    allSeasons: Type.Optional(Type.Literal(true)),
    from: Type.Optional(DateOnly),
    to: Type.Optional(DateOnly),
    windowDays: Type.Optional(Type.Integer({ minimum: 0, maximum: 100 })),
    /** Re-read frozen seasons too. Not part of the scope key: it reads the same data. */
    force: Type.Optional(Type.Literal(true)),
    /** Present (false) only when match detail is turned off: fixtures without their detail. */
    detail: Type.Optional(Type.Literal(false)),
  },
  { additionalProperties: false },
);
export type RunScope = Static<typeof RunScope>;

/** The same scope as query parameters: lists are comma-separated ids. */
export const SyncQuery = Type.Object(
  {
    leagues: Type.Optional(Type.String({ pattern: '^\\d+(,\\d+)*$' })),
    seasons: Type.Optional(Type.String({ pattern: '^(\\d+(,\\d+)*|all|current)$' })),
    from: Type.Optional(DateOnly),
    to: Type.Optional(DateOnly),
    mode: Type.Optional(SyncMode),
    windowDays: Type.Optional(Type.Integer({ minimum: 0, maximum: 100 })),
    force: Type.Optional(Type.Boolean()),
    /** `detail=false`: fixtures without their match detail. */
    detail: Type.Optional(Type.Boolean()),
    /** Hold the request until the run ends and reply with its summary (local use). */
    wait: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type SyncQuery = Static<typeof SyncQuery>;

export const SyncTargetParams = Type.Object({ entity: RunEntity });

export const SyncAccepted = Type.Object({
  runId: Id,
  status: RunStatus,
  links: Type.Object({ self: Type.String() }),
});
export type SyncAccepted = Static<typeof SyncAccepted>;

export const SyncRunSummary = Type.Object({
  runId: Id,
  entity: RunEntity,
  status: RunStatus,
  scope: Type.Record(Type.String(), Type.Unknown()),
  counters: RunCounters,
  percentDone: Nullable(Type.Number()),
  etaSeconds: Nullable(Type.Number()),
  startedAt: Type.String(),
  finishedAt: Nullable(Type.String()),
  durationMs: Nullable(Type.Integer()),
  error: Nullable(Type.Object({ message: Type.String(), requestId: Nullable(Type.String()) })),
  mode: Type.Optional(SyncMode),
  /** Steps of the plan (one per entity and season or date window) done and in total; null before planning. */
  steps: Type.Optional(
    Nullable(
      Type.Object({
        done: Type.Integer({ minimum: 0 }),
        total: Type.Integer({ minimum: 0 }),
        current: Nullable(Type.String()),
        /** Season steps left out because the season is frozen (finished and read completely after it ended). */
        skipped: Type.Optional(Type.Integer({ minimum: 0 })),
      }),
    ),
  ),
  heartbeatAt: Type.Optional(Type.String()),
  /** Match detail of the run: rows per kind, and the includes the plan lacked ("statistics unavailable on this plan"). */
  detail: Type.Optional(
    Type.Object({
      rows: DetailCounts,
      unavailable: Type.Array(Type.String()),
      notes: Type.Array(Type.String()),
    }),
  ),
  links: Type.Optional(Type.Object({ self: Type.String() })),
});
export type SyncRunSummary = Static<typeof SyncRunSummary>;

/**
 * What the orchestrator POSTs to NOTIFY_WEBHOOK_URL when a run fails: `text` is what a Slack
 * incoming webhook shows; `run` is the run as GET /sync/runs/{id} shows it, for other receivers.
 */
export const RunFailedNotification = Type.Object({
  text: Type.String(),
  run: SyncRunSummary,
});
export type RunFailedNotification = Static<typeof RunFailedNotification>;

export const SyncRunsQuery = Type.Object(
  {
    entity: Type.Optional(RunEntity),
    status: Type.Optional(RunStatus),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
    cursor: Type.Optional(Type.String({ maxLength: 200 })),
  },
  { additionalProperties: false },
);
export type SyncRunsQuery = Static<typeof SyncRunsQuery>;

export const SyncRunSummaryList = Type.Object({ items: Type.Array(SyncRunSummary), next: Nullable(Type.String()) });
export type SyncRunSummaryList = Static<typeof SyncRunSummaryList>;

/** 409: a run with the same scope is active, or the run is in a state that forbids the action. */
export const SyncConflict = Type.Object({
  statusCode: Type.Literal(409),
  error: Type.String(),
  message: Type.String(),
  requestId: Type.String(),
  activeRunId: Nullable(Id),
  links: Type.Optional(Type.Object({ active: Type.String() })),
});
export type SyncConflict = Static<typeof SyncConflict>;

/** GET /sync/live: the live poller of the latest-updated feed. */
export const LiveStatus = Type.Object({
  enabled: Type.Boolean(),
  /** A match kicks off soon or is under way: the poller reads the feed. */
  matchesOn: Type.Boolean(),
  polls: Type.Integer({ minimum: 0 }),
  /** Sweeps of the fixtures that can be on: after a gap, on the first poll, and every LIVE_SWEEP_MS. */
  sweeps: Type.Integer({ minimum: 0 }),
  records: Type.Integer({ minimum: 0 }),
  created: Type.Integer({ minimum: 0 }),
  updated: Type.Integer({ minimum: 0 }),
  quarantined: Type.Integer({ minimum: 0 }),
  lastPollAt: Nullable(Type.String()),
  lastSweepAt: Nullable(Type.String()),
  lastError: Nullable(Type.String()),
  /** Spans the feed could not cover (a poll came later than the feed's window; each was swept), oldest first. */
  gaps: Type.Array(Type.Object({ from: Type.String(), to: Type.String() })),
});
export type LiveStatus = Static<typeof LiveStatus>;
