// The orchestrator's Prometheus metrics, fed by the run manager through RunObserver, and the live
// poller's age, read when scraped.
import { Counter, Gauge, type Registry } from '@insightxi/service-kit';
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
