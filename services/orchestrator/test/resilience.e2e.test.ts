// Crashes, dependencies going down and a misbehaving SportMonks, on the whole stack: every
// run must still end with the simulator's exact dataset and the counts of an uninterrupted run.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunCounters, SyncRunSummary } from '@insightxi/contracts';
import { actualRows, DATA_TABLES, expectedRows, startE2E, type E2E } from './support/e2e.ts';

let e2e: E2E;
let reference: RunCounters;

const exact = ({ upstreamCalls: _u, rateLimitWaitMs: _w, ...rest }: RunCounters) => rest;

async function wipe(): Promise<void> {
  for (const table of DATA_TABLES) {
    await e2e.sql.query(`DELETE FROM \`${table}\``);
  }
}

async function expectDataset(): Promise<void> {
  const dataset = e2e.stack.simulator?.dataset();
  if (!dataset) throw new Error('no simulator');
  const expected = expectedRows(dataset);
  const actual = await actualRows(e2e.sql);
  for (const table of Object.keys(expected)) expect({ table, rows: actual[table] }).toEqual({ table, rows: expected[table] });
}

beforeAll(async () => {
  e2e = await startE2E('orch_resilience', {
    simulator: { seed: 11, leagues: 2, seasonsPerLeague: 2, clock: { start: '2026-03-01T12:00:00Z', speed: 0 } },
    env: { HEARTBEAT_MS: '200', STALE_AFTER_MS: '1500', RECOVERY_SWEEP_MS: '300', RETRY_ATTEMPTS: '3', RETRY_INITIAL_DELAY_MS: '100', RETRY_MAX_DELAY_MS: '300' },
  });
  const first = await e2e.post('/sync/all?seasons=all&wait=true');
  const summary = first.body as SyncRunSummary;
  expect(summary.status).toBe('succeeded');
  reference = summary.counters;
}, 180_000);

afterAll(async () => {
  await e2e.close();
});

describe('resilience', () => {
  it('kill -9 mid-run: the restarted orchestrator resumes the run to the exact counts', async () => {
    await wipe();
    // Slow SportMonks down so that the kill lands mid-run.
    e2e.stack.simulator?.setFaults({ latency: { rate: 1, minMs: 150, maxMs: 250 } });
    const started = await e2e.post('/sync/all?seasons=all');
    expect(started.status).toBe(202);
    const { runId } = started.body as { runId: number };
    const midway = await e2e.waitFor(runId, 120_000, (run) => run.counters.pages >= 6 || run.status !== 'running');
    expect(midway.status).toBe('running');

    await e2e.stack.services.orchestrator.stop('SIGKILL');
    e2e.stack.services.orchestrator.start();
    await e2e.stack.services.orchestrator.waitReady();

    const final = await e2e.waitFor(runId, 120_000);
    e2e.stack.simulator?.setFaults({});
    expect(final.status).toBe('succeeded');
    expect(exact(final.counters)).toEqual(exact(reference));
    await expectDataset();
  }, 240_000);

  it('the fetcher down: the run fails with a clear error after its retries, and resumes to the exact counts', async () => {
    await wipe();
    // Slow SportMonks down so that the kill lands mid-run even on an idle machine.
    e2e.stack.simulator?.setFaults({ latency: { rate: 1, minMs: 150, maxMs: 250 } });
    const started = await e2e.post('/sync/all?seasons=all');
    const { runId } = started.body as { runId: number };
    const midway = await e2e.waitFor(runId, 120_000, (run) => run.counters.pages >= 10 || run.status !== 'running');
    await e2e.stack.services.sportmonks.stop('SIGKILL');
    e2e.stack.simulator?.setFaults({});
    expect(midway.status).toBe('running');

    const failed = await e2e.waitFor(runId, 60_000);
    expect(failed.status).toBe('failed');
    expect(failed.error?.message).toMatch(/sportmonks unavailable after 3 attempts/);
    expect(failed.error?.message).toContain(`POST /sync/runs/${runId}/resume`);
    expect(failed.error?.requestId).toBeTruthy();

    e2e.stack.services.sportmonks.start();
    await e2e.stack.services.sportmonks.waitReady();
    const resumed = await e2e.post(`/sync/runs/${runId}/resume`);
    expect(resumed.status).toBe(202);
    const final = await e2e.waitFor(runId, 120_000);
    expect(final.status).toBe('succeeded');
    expect(final.error).toBeNull();
    expect(exact(final.counters)).toEqual(exact(reference));
    await expectDataset();
  }, 240_000);

  it('with the simulator misbehaving, lands every good record exactly and quarantines each bad one', async () => {
    await wipe();
    const sim = e2e.stack.simulator;
    if (!sim) throw new Error('no simulator');
    sim.setFaults({ errorRate: 0.1, dropRate: 0.03, truncateRate: 0.05, malformedRate: 0.15, duplicateRate: 0.2, latency: { rate: 0.2, minMs: 5, maxMs: 50 } });
    try {
      const res = await e2e.post('/sync/all?seasons=all&wait=true');
      const run = res.body as SyncRunSummary;
      expect({ status: run.status, error: run.error }).toEqual({ status: 'succeeded', error: null });
      expect(sim.stats().faults.malformed).toBeGreaterThan(0);

      const quarantined = await e2e.sql.query<{ entity: string; source_id: number | null }[]>('SELECT entity, source_id FROM quarantine WHERE run_id = ?', [run.runId]);
      expect(quarantined.length).toBe(run.counters.quarantined);
      expect(run.counters.quarantined).toBeGreaterThan(0);

      const dataset = sim.dataset();
      const expected = expectedRows(dataset);
      const actual = await actualRows(e2e.sql);
      const tableOf: Record<string, string> = { states: 'fixture_states', groups: 'stage_groups' };
      const quarantinedIds = new Map<string, Set<string>>();
      for (const q of quarantined) {
        const table = tableOf[q.entity] ?? q.entity;
        const set = quarantinedIds.get(table) ?? new Set<string>();
        set.add(String(q.source_id));
        quarantinedIds.set(table, set);
      }
      for (const table of Object.keys(expected)) {
        const want = new Set(expected[table]);
        const got = actual[table] ?? [];
        // Every row that landed is exactly right …
        expect({ table, wrong: got.filter((row) => !want.has(row)) }).toEqual({ table, wrong: [] });
        // … and every row that did not land is in quarantine.
        const have = new Set(got);
        const missing = [...want].filter((row) => !have.has(row)).map((row) => row.split('|')[0] ?? '');
        expect({ table, unaccounted: missing.filter((id) => !quarantinedIds.get(table)?.has(id)) }).toEqual({ table, unaccounted: [] });
      }
    } finally {
      sim.setFaults({});
    }
  }, 240_000);
});
