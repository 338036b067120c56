// The orchestrator's public API: POST /sync/*, run history.
import { Type, type Static } from '@sinclair/typebox';
import { DateOnly, Id, Nullable } from './common.ts';
import { RunCounters, RunEntity, RunStatus } from './writer.ts';

export const SyncScope = Type.Object(
  {
    leagues: Type.Optional(Type.Array(Id, { maxItems: 500 })),
    seasons: Type.Optional(Type.Array(Id, { maxItems: 500 })),
    from: Type.Optional(DateOnly),
    to: Type.Optional(DateOnly),
    mode: Type.Optional(Type.Union([Type.Literal('full'), Type.Literal('incremental')])),
  },
  { additionalProperties: false },
);
export type SyncScope = Static<typeof SyncScope>;

export const SyncAccepted = Type.Object({
  runId: Id,
  status: RunStatus,
  links: Type.Object({ self: Type.String() }),
});

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
});
export type SyncRunSummary = Static<typeof SyncRunSummary>;
