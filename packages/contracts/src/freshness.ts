// How fresh each league is: the writer's GET /freshness (the data_freshness view) and the
// orchestrator's GET /freshness (the same, with when the schedule runs next).
import { Type, type Static } from '@sinclair/typebox';
import { Id, Nullable, UtcDateTime } from './common.ts';

export const FreshnessQuery = Type.Object(
  { leagues: Type.Optional(Type.String({ pattern: '^\\d+(,\\d+)*$', description: 'comma-separated league ids; default every league' })) },
  { additionalProperties: false },
);
export type FreshnessQuery = Static<typeof FreshnessQuery>;

export const LeagueFreshness = Type.Object({
  leagueId: Id,
  league: Type.String(),
  /** The last successful full sync of fixtures (or of everything) covering the league. */
  lastFullSyncAt: Nullable(UtcDateTime),
  lastIncrementalSyncAt: Nullable(UtcDateTime),
  /** The last change to any of its fixtures that landed in MySQL. */
  lastChangeAt: Nullable(UtcDateTime),
  /** The last change that landed while the fixture could be on (15 min before kick-off to 3 h after). */
  lastLiveChangeAt: Nullable(UtcDateTime),
  /** The oldest kick-off more than 3 h ago whose fixture is not deleted and not in a final state. */
  oldestUnsettledKickoffAt: Nullable(UtcDateTime),
  unsettledFixtures: Type.Integer({ minimum: 0 }),
});
export type LeagueFreshness = Static<typeof LeagueFreshness>;

export const FreshnessList = Type.Object({ leagues: Type.Array(LeagueFreshness) });
export type FreshnessList = Static<typeof FreshnessList>;

export const ScheduledSync = Type.Object({
  name: Type.String({ description: 'e.g. incremental, nightly-full' }),
  expression: Type.String({ description: 'EventBridge rate(…) or cron(…), UTC' }),
  mode: Type.Union([Type.Literal('full'), Type.Literal('incremental')]),
  /** When it runs next: the next cron time, or the last successful run of its mode plus the rate (now when overdue); null when unknown. */
  nextRunAt: Nullable(UtcDateTime),
});
export type ScheduledSync = Static<typeof ScheduledSync>;

export const FreshnessResponse = Type.Object({
  at: UtcDateTime,
  schedule: Type.Array(ScheduledSync),
  leagues: Type.Array(
    Type.Object({
      ...LeagueFreshness.properties,
      /** The soonest scheduled run (any mode) that covers the league. */
      nextScheduledRunAt: Nullable(UtcDateTime),
    }),
  ),
});
export type FreshnessResponse = Static<typeof FreshnessResponse>;
