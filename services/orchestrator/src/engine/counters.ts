import type { RunCounters } from '@insightxi/contracts';

export const zeroCounters = (): RunCounters => ({
  pages: 0,
  fetched: 0,
  created: 0,
  updated: 0,
  unchanged: 0,
  quarantined: 0,
  upstreamCalls: 0,
  rateLimitWaitMs: 0,
});

export function addCounters(base: RunCounters, delta: Partial<RunCounters>): RunCounters {
  return {
    pages: base.pages + (delta.pages ?? 0),
    fetched: base.fetched + (delta.fetched ?? 0),
    created: base.created + (delta.created ?? 0),
    updated: base.updated + (delta.updated ?? 0),
    unchanged: base.unchanged + (delta.unchanged ?? 0),
    quarantined: base.quarantined + (delta.quarantined ?? 0),
    upstreamCalls: base.upstreamCalls + (delta.upstreamCalls ?? 0),
    rateLimitWaitMs: base.rateLimitWaitMs + (delta.rateLimitWaitMs ?? 0),
  };
}
