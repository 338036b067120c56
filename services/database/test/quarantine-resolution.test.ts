// A quarantined record that a later run lands is marked resolved, in the transaction that lands
// it; records still rejected stay open; GET /quarantine shows when.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { QuarantineRecord } from '@insightxi/contracts';
import { createBulkWriter, type BulkWriter } from '../src/bulk/writer.ts';
import { AUTH, testApp } from './app-helpers.ts';
import { fixture, league, migratedDatabase, season, STATES, team, type TestContext } from './helpers.ts';

let ctx: TestContext;
let writer: BulkWriter;
const NOW = new Date('2026-11-23T12:00:00.000Z');

beforeAll(async () => {
  ctx = await migratedDatabase('quarantine_resolution');
  writer = createBulkWriter(ctx.db.pool, { chunkSize: 100, clock: () => NOW });
  await writer.write('states', { records: Object.values(STATES) });
  await writer.write('leagues', { records: [league(8)] });
  await writer.write('seasons', { records: [season(100, 8)] });
  await writer.write('teams', { records: [team(1), team(2)] });
});
afterAll(async () => ctx.close());

const add = { pages: 1, fetched: 1, created: 0, updated: 0, unchanged: 0, quarantined: 0, upstreamCalls: 0, rateLimitWaitMs: 0 };

async function newRun(key: string): Promise<number> {
  const inserted = await ctx.db.pool.query<{ insertId: number | bigint }>(
    "INSERT INTO sync_runs (entity, mode, scope, scope_key, status, updated_at) VALUES ('fixtures', 'full', '{}', ?, 'running', NOW(3))",
    [key],
  );
  return Number(inserted.insertId);
}

async function open(): Promise<{ source_id: number; resolved_at: Date | null }[]> {
  return ctx.db.pool.query('SELECT source_id, resolved_at FROM quarantine ORDER BY id');
}

describe('quarantine resolution', () => {
  it('resolves the rows of a record when a later run lands it, and leaves the others open', async () => {
    const first = await newRun('first');
    const missingTeam = fixture({ id: 5001, leagueId: 8, seasonId: 100, home: 1, away: 3 });
    const fine = fixture({ id: 5002, leagueId: 8, seasonId: 100, home: 1, away: 2 });
    const rejectedUpstream = { entity: 'fixtures' as const, sourceId: 5003, reason: 'no home participant', payload: { id: 5003 } };
    await writer.write('fixtures', { records: [missingTeam, fine], sync: { runId: first, pageKey: 'p1', checkpoint: { cursor: 'p1', add }, rejected: [rejectedUpstream] } });
    expect(await open()).toEqual([
      { source_id: 5003, resolved_at: null },
      { source_id: 5001, resolved_at: null },
    ]);

    // Team 3 arrives; the next run lands 5001. 5003 is rejected again upstream and stays open.
    await writer.write('teams', { records: [team(3)] });
    const second = await newRun('second');
    const result = await writer.write('fixtures', {
      records: [missingTeam],
      sync: { runId: second, pageKey: 'p1', checkpoint: { cursor: 'p1', add }, rejected: [rejectedUpstream] },
    });
    expect(result.created).toBe(1);
    expect(await open()).toEqual([
      { source_id: 5003, resolved_at: null },
      { source_id: 5001, resolved_at: NOW },
      { source_id: 5003, resolved_at: null },
    ]);

    // Outside a run too (a plain bulk call, a PUT): 5003 lands at last and both its rows resolve.
    await writer.writeOne('fixtures', fixture({ id: 5003, leagueId: 8, seasonId: 100, home: 2, away: 1 }), 'replace');
    expect((await open()).filter((row) => row.resolved_at === null)).toEqual([]);
  });

  it('GET /quarantine tells resolved rows from open ones', async () => {
    const app = await testApp(ctx.testDb.url);
    try {
      const response = await app.inject({ method: 'GET', url: '/quarantine?entity=fixtures', headers: AUTH });
      const items = response.json<{ items: QuarantineRecord[] }>().items;
      expect(items.map((i) => [i.sourceId, i.resolvedAt])).toEqual([
        [5003, NOW.toISOString()],
        [5001, NOW.toISOString()],
        [5003, NOW.toISOString()],
      ]);
    } finally {
      await app.close();
    }
  });
});
