// The orchestrator's Prometheus metrics, fed by the run manager through RunObserver, and the live
// poller's age and each league's freshness, read when scraped.
import type { LeagueFreshness } from '@insightxi/contracts';
import { Counter, Gauge, type Registry } from '@insightxi/service-kit';
import { syncAgeSeconds } from './engine/freshness.ts';
import type { RunObserver } from './engine/ports.ts';

const OUTCOMES = ['fetched', 'created', 'updated', 'unchanged', 'quarantined'] as const;

export function runMetrics(registry: Registry): RunObserver {
  const runs = new Counter({
    name: 'orchestrator_runs_total',
    help: 'Runs ended in this process, by entity (the run target) and status',
    labelNames: ['entity', 'status'],
    registers: [registry],
  });
  const records = new Counter({
    name: 'orchestrator_records_total',
    help: 'Records handled by runs, by entity and outcome (fetched, created, updated, unchanged, quarantined)',
    labelNames: ['entity', 'outcome'],
    registers: [registry],
  });
  const rateLimitWait = new Counter({
    name: 'orchestrator_rate_limit_wait_seconds_total',
    help: 'Time runs waited for the SportMonks budget, by entity',
    labelNames: ['entity'],
    registers: [registry],
  });
  return {
    runEnded(entity, status) {
      runs.inc({ entity, status });
    },
    pagesLanded(entity, delta) {
      for (const outcome of OUTCOMES) records.inc({ entity, outcome }, delta[outcome]);
      rateLimitWait.inc({ entity }, delta.rateLimitWaitMs / 1000);
    },
  };
}

/** orchestrator_live_poll_age_seconds: what the stalled-poller alarm watches (0 while no match is on). */
export function livePollMetrics(registry: Registry, pollAgeMs: () => number): void {
  new Gauge({
    name: 'orchestrator_live_poll_age_seconds',
    help: 'While matches are on, seconds since the live poller last polled successfully (or since they came on); 0 otherwise',
    registers: [registry],
    collect() {
      this.set(pollAgeMs() / 1000);
    },
  });
}

/**
 * orchestrator_league_sync_age_seconds{league_id,league}: seconds since the league's last
 * successful full or incremental sync, read from the writer when scraped (the freshness alarm's
 * metric). A scrape while the writer is down leaves it empty rather than failing /metrics.
 */
export function freshnessMetrics(registry: Registry, read: () => Promise<LeagueFreshness[]>, now: () => number, onError: (error: unknown) => void): void {
  new Gauge({
    name: 'orchestrator_league_sync_age_seconds',
    help: "Per league, seconds since its last successful full or incremental sync (the data_freshness view); absent for a league never synced",
    labelNames: ['league_id', 'league'],
    registers: [registry],
    async collect() {
      this.reset();
      try {
        for (const league of await read()) {
          const age = syncAgeSeconds(league, now());
          if (age !== null) this.set({ league_id: String(league.leagueId), league: league.league }, age);
        }
      } catch (error) {
        onError(error);
      }
    },
  });
}
