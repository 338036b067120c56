// The fetcher's Prometheus metrics: SportMonks calls by entity and status, and the budget left.
import { Counter, Gauge, type Registry } from '@insightxi/service-kit';
import type { RateLimits } from './upstream/rate-limits.ts';

/** Registers the metrics; returns the hook the SportMonks client calls after each call. */
export function upstreamMetrics(registry: Registry, rateLimits: RateLimits): (entity: string, status: string) => void {
  const calls = new Counter({
    name: 'sportmonks_upstream_calls_total',
    help: 'Calls sent to SportMonks, by charged entity and HTTP status (network: no answer)',
    labelNames: ['entity', 'status'],
    registers: [registry],
  });
  new Gauge({
    name: 'sportmonks_budget_remaining',
    help: 'Calls left in the current hour as SportMonks last reported, by entity',
    labelNames: ['entity'],
    registers: [registry],
    collect() {
      for (const { entity, remaining } of rateLimits.snapshot()) if (remaining !== null) this.set({ entity }, remaining);
    },
  });
  return (entity, status) => {
    calls.inc({ entity, status });
  };
}
