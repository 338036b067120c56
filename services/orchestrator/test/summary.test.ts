// What an operator sees of a run (GET /sync/runs/:id): progress through the plan, ETA, error.
import { describe, expect, it } from 'vitest';
import type { SyncRun } from '@insightxi/contracts';
import { encodePosition } from '../src/engine/cursor.ts';
import { toSummary } from '../src/engine/summary.ts';

const START = Date.parse('2026-03-01T12:00:00Z');
const plan = (steps: number, skipped?: number) => ({
  version: 1,
  steps: Array.from({ length: steps }, (_, i) => ({ entity: 'fixtures', query: {}, label: `step ${i}` })),
  resolvedSeasons: null,
  ...(skipped === undefined ? {} : { skipped }),
});

function run(overrides: Partial<SyncRun>): SyncRun {
  return {
    id: 7,
    entity: 'fixtures',
    mode: 'full',
    scope: { mode: 'full' },
    scopeKey: 'fixtures|full',
    status: 'running',
    cursor: null,
    plan: null,
    counters: { pages: 0, fetched: 0, created: 0, updated: 0, unchanged: 0, quarantined: 0, upstreamCalls: 0, rateLimitWaitMs: 0 },
    error: null,
    errorRequestId: null,
    startedAt: new Date(START).toISOString(),
    heartbeatAt: new Date(START).toISOString(),
    finishedAt: null,
    ...overrides,
  };
}

describe('a run as operators see it', () => {
  it('halfway through its plan: the step in hand, the share done and the time left at this pace', () => {
    const summary = toSummary(run({ plan: plan(4, 2), cursor: encodePosition({ step: 2, page: 3, cursor: 'c' }) }), START + 60_000);
    expect(summary).toMatchObject({ steps: { done: 2, total: 4, current: 'step 2', skipped: 2 }, percentDone: 50, etaSeconds: 60, durationMs: null, error: null });
  });

  it('before its plan is made: no progress and no estimate', () => {
    expect(toSummary(run({}), START + 1_000)).toMatchObject({ steps: null, percentDone: null, etaSeconds: null });
  });

  it('done: all steps, no time left, its duration; a plan with nothing to do is done too', () => {
    const finishedAt = new Date(START + 90_000).toISOString();
    expect(toSummary(run({ status: 'succeeded', plan: plan(3), finishedAt }), START + 100_000)).toMatchObject({
      steps: { done: 3, total: 3, current: null },
      percentDone: 100,
      etaSeconds: 0,
      durationMs: 90_000,
    });
    expect(toSummary(run({ plan: plan(0) }), START)).toMatchObject({ percentDone: 100, etaSeconds: null });
  });

  it('failed: the error with the request id to look for in the logs; an empty error is none', () => {
    const failed = toSummary(run({ status: 'failed', plan: plan(2), cursor: 'not json', error: 'sportmonks unavailable', errorRequestId: 'req-9' }), START);
    expect(failed).toMatchObject({ steps: { done: 0 }, error: { message: 'sportmonks unavailable', requestId: 'req-9' } });
    expect(toSummary(run({ error: 'x', errorRequestId: '' }), START).error).toEqual({ message: 'x', requestId: null });
    expect(toSummary(run({ error: '' }), START).error).toBeNull();
  });

  it('with match detail: rows per kind, and a note for each include the plan lacked', () => {
    const events = { created: 40, updated: 1, unchanged: 3, deleted: 1 };
    const summary = toSummary(run({ detail: { rows: { events }, unavailable: ['statistics'] } }), START);
    expect(summary.detail).toEqual({ rows: { events }, unavailable: ['statistics'], notes: ['statistics unavailable on this plan'] });
    expect(toSummary(run({}), START).detail).toBeUndefined();
  });
});
