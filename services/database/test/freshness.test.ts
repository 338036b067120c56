// The data_freshness view and GET /freshness: per league, the last successful full and
// incremental sync covering it, its last change and last live change, and what has not settled.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '@insightxi/service-kit';
import type { FreshnessList } from '@insightxi/contracts';
import { createBulkWriter } from '../src/bulk/writer.ts';
import { AUTH, testApp } from './app-helpers.ts';
import { fixture, league, migratedDatabase, season, STATES, team, type TestContext } from './helpers.ts';

let ctx: TestContext;
let app: App;
const HOUR = 3_600_000;
const ago = (ms: number) => new Date(Date.now() - ms).toISOString();
const postponedKickoff = ago(120 * HOUR);

async function run(entity: string, mode: string, status: string, scope: object, finishedAt: string): Promise<void> {
  await ctx.db.pool.query(
    "INSERT INTO sync_runs (entity, mode, scope, scope_key, status, finished_at, updated_at) VALUES (?, ?, ?, 'k', ?, ?, UTC_TIMESTAMP(3))",
    [entity, mode, JSON.stringify({ mode, ...scope }), status, new Date(finishedAt)],
  );
}

beforeAll(async () => {
  ctx = await migratedDatabase('freshness');
  const writer = createBulkWriter(ctx.db.pool, { chunkSize: 100 });
  await writer.write('states', { records: Object.values(STATES) });
  await writer.write('leagues', { records: [league(8, 'Premier League'), league(82, 'Bundesliga')] });
  await writer.write('seasons', { records: [season(100, 8, '2026/2027'), season(200, 82, '2026/2027')] });
  await writer.write('teams', { records: [team(1), team(2)] });
  const pl = { leagueId: 8, seasonId: 100, home: 1, away: 2 };
  const result = await writer.write('fixtures', {
    records: [
      fixture({ id: 1, ...pl, goals: [2, 0], stateId: STATES.FT.id, startingAt: '2026-08-17T14:00:00.000Z' }),
      // Should have settled: not started two days after kick-off, postponed five days ago.
      fixture({ id: 2, ...pl, stateId: STATES.NS.id, startingAt: ago(48 * HOUR) }),
      fixture({ id: 3, ...pl, stateId: STATES.POSTP.id, startingAt: postponedKickoff }),
      // Not counted: deleted, and one kicked off an hour ago (it can still be on).
      { ...fixture({ id: 4, ...pl, stateId: STATES.NS.id, startingAt: ago(240 * HOUR) }), deleted: true },
      fixture({ id: 5, ...pl, goals: [0, 0], stateId: STATES.NS.id, startingAt: ago(HOUR) }),
      fixture({ id: 6, leagueId: 82, seasonId: 200, home: 1, away: 2, goals: [1, 1], stateId: STATES.FT.id, startingAt: '2026-08-18T14:00:00.000Z' }),
    ],
  });
  expect(result.failed).toEqual([]);
  await run('all', 'full', 'succeeded', {}, '2026-12-01T02:45:00.000Z');
  await run('fixtures', 'full', 'succeeded', { leagues: [82] }, '2026-12-03T09:00:00.000Z');
  await run('fixtures', 'incremental', 'succeeded', { leagues: [8, 564], windowDays: 1 }, '2026-12-05T11:55:00.000Z');
  // Neither counts: failed, and a run of standings only.
  await run('fixtures', 'incremental', 'failed', {}, '2026-12-06T11:00:00.000Z');
  await run('standings', 'full', 'succeeded', {}, '2026-12-06T11:00:00.000Z');
  app = await testApp(ctx.testDb.url);
});
afterAll(async () => {
  await app.close();
  await ctx.close();
});

describe('GET /freshness (the data_freshness view)', () => {
  it('gives each league its last syncs, last changes and the fixtures that should have settled', async () => {
    const response = await app.inject({ url: '/freshness', headers: AUTH });
    expect(response.statusCode).toBe(200);
    const [pl, bl] = response.json<FreshnessList>().leagues;
    expect(pl).toMatchObject({
      leagueId: 8,
      league: 'Premier League',
      lastFullSyncAt: '2026-12-01T02:45:00.000Z',
      lastIncrementalSyncAt: '2026-12-05T11:55:00.000Z',
      oldestUnsettledKickoffAt: postponedKickoff,
      unsettledFixtures: 2,
    });
    // Fixture 5 was written while it could be on; its league's last change is that write.
    expect(Date.now() - Date.parse(pl?.lastLiveChangeAt ?? '')).toBeLessThan(10 * 60_000);
    expect(pl?.lastChangeAt).toBe(pl?.lastLiveChangeAt);
    expect(bl).toEqual({
      leagueId: 82,
      league: 'Bundesliga',
      lastFullSyncAt: '2026-12-03T09:00:00.000Z',
      lastIncrementalSyncAt: null,
      lastChangeAt: expect.any(String) as string,
      lastLiveChangeAt: null,
      oldestUnsettledKickoffAt: null,
      unsettledFixtures: 0,
    });
  });

  it('answers for the leagues asked for, and names the field when the list is not ids', async () => {
    const one = await app.inject({ url: '/freshness?leagues=82', headers: AUTH });
    expect(one.json<FreshnessList>().leagues.map((l) => l.leagueId)).toEqual([82]);
    const bad = await app.inject({ url: '/freshness?leagues=eight', headers: AUTH });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ message: string }>().message).toMatch(/leagues/);
  });
});
