// What GET /freshness and the freshness gauge say: the writer's data_freshness rows, with when
// the schedule covers each league next.
import type { FreshnessResponse, LeagueFreshness } from '@insightxi/contracts';
import { nextRunAt, type ScheduledRun } from './schedule.ts';

const ms = (iso: string | null): number | null => (iso === null ? null : Date.parse(iso));
const isoOrNull = (value: number | null): string | null => (value === null ? null : new Date(value).toISOString());

function lastOfMode(league: LeagueFreshness, mode: ScheduledRun['mode']): number | null {
  return ms(mode === 'full' ? league.lastFullSyncAt : league.lastIncrementalSyncAt);
}

export function freshnessReport(leagues: LeagueFreshness[], schedule: ScheduledRun[], now: number): FreshnessResponse {
  const latest = (mode: ScheduledRun['mode']): number | null => {
    const times = leagues.map((l) => lastOfMode(l, mode)).filter((t): t is number => t !== null);
    return times.length === 0 ? null : Math.max(...times);
  };
  return {
    at: new Date(now).toISOString(),
    schedule: schedule.map((run) => ({ ...run, nextRunAt: isoOrNull(nextRunAt(run, now, latest(run.mode))) })),
    leagues: leagues.map((league) => {
      const next = schedule.map((run) => nextRunAt(run, now, lastOfMode(league, run.mode))).filter((t): t is number => t !== null);
      return { ...league, nextScheduledRunAt: isoOrNull(next.length === 0 ? null : Math.min(...next)) };
    }),
  };
}

/** Seconds since the league's data was last confirmed by a successful sync (full or incremental); null: never. */
export function syncAgeSeconds(league: LeagueFreshness, now: number): number | null {
  const times = [ms(league.lastFullSyncAt), ms(league.lastIncrementalSyncAt)].filter((t): t is number => t !== null);
  return times.length === 0 ? null : Math.max(0, (now - Math.max(...times)) / 1000);
}
