// The orchestrator's Prometheus metrics, fed by the run manager through RunObserver.
import { Counter, type Registry } from '@insightxi/service-kit';
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
