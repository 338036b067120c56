import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Fixture } from '@insightxi/contracts';
import { createBulkWriter, type BulkWriter } from '../src/bulk/writer.ts';
import { fixture, league, migratedDatabase, season, STATES, team, type TestContext } from './helpers.ts';

let ctx: TestContext;
let writer: BulkWriter;

beforeAll(async () => {
  ctx = await migratedDatabase('bulk_writer');
  writer = createBulkWriter(ctx.db.pool, { chunkSize: 7 });
  await writer.write('states', { records: Object.values(STATES) });
  await writer.write('leagues', { records: [league(8)] });
  await writer.write('seasons', { records: [season(100, 8)] });
  await writer.write('teams', { records: Array.from({ length: 20 }, (_, i) => team(i + 1)) });
});
afterAll(async () => ctx.close());

const fixtures = (goals: (i: number) => [number, number] | null): Fixture[] =>
  Array.from({ length: 30 }, (_, i) => fixture({ id: 1000 + i, leagueId: 8, seasonId: 100, home: (i % 20) + 1, away: ((i + 1) % 20) + 1, goals: goals(i) }));

async function count(sql: string): Promise<number> {
  const rows = await ctx.db.pool.query<{ n: bigint | number }[]>(sql);
  return Number(rows[0]?.n);
}

describe('bulk writer', () => {
  it('answers 503 when a page follows a cursor the run never reaches', async () => {
    const impatient = createBulkWriter(ctx.db.pool, { chunkSize: 7, orderWaitMs: 30 });
    const inserted = await ctx.db.pool.query<{ insertId: number | bigint }>(
      "INSERT INTO sync_runs (entity, mode, scope, scope_key, status, updated_at) VALUES ('fixtures', 'full', '{}', 'order-wait', 'running', NOW(3))",
    );
    const runId = Number(inserted.insertId);
    const add = { pages: 1, fetched: 1, created: 0, updated: 0, unchanged: 0, quarantined: 0, upstreamCalls: 0, rateLimitWaitMs: 0 };
    const sync = { runId, pageKey: 'k2', after: 'k1', checkpoint: { cursor: 'k2', add } };
    await expect(impatient.write('fixtures', { records: fixtures(() => null).slice(0, 1), sync })).rejects.toMatchObject({ statusCode: 503 });
    expect(await count(`SELECT COUNT(*) AS n FROM sync_run_pages WHERE run_id = ${String(runId)}`)).toBe(0);
  });

  it('counts created, updated and unchanged exactly over load, changed reload and identical reload', async () => {
    expect(await writer.write('fixtures', { records: fixtures(() => [1, 0]) })).toEqual({ created: 30, updated: 0, unchanged: 0, failed: [], duplicatePage: false });
    expect(await count('SELECT COUNT(*) AS n FROM fixtures')).toBe(30);
    expect(await count('SELECT COUNT(*) AS n FROM fixture_scores')).toBe(60);

    const changed = fixtures((i) => (i < 5 ? [2, 2] : [1, 0]));
    expect(await writer.write('fixtures', { records: changed })).toEqual({ created: 0, updated: 5, unchanged: 25, failed: [], duplicatePage: false });
    expect(await count('SELECT COUNT(*) AS n FROM fixture_scores WHERE goals = 2')).toBe(10);

    const before = await ctx.db.pool.query<{ updated_at: Date }[]>('SELECT MAX(updated_at) AS updated_at FROM fixtures');
    expect(await writer.write('fixtures', { records: changed })).toEqual({ created: 0, updated: 0, unchanged: 30, failed: [], duplicatePage: false });
    const after = await ctx.db.pool.query<{ updated_at: Date }[]>('SELECT MAX(updated_at) AS updated_at FROM fixtures');
    expect(after[0]?.updated_at).toEqual(before[0]?.updated_at);
  });

  it('reports records whose references are missing and lands the rest', async () => {
    const good = fixture({ id: 2001, leagueId: 8, seasonId: 100, home: 1, away: 2 });
    const noSeason = fixture({ id: 2002, leagueId: 8, seasonId: 999, home: 1, away: 2 });
    const noTeam = fixture({ id: 2003, leagueId: 8, seasonId: 100, home: 1, away: 777, goals: [1, 1] });
    const result = await writer.write('fixtures', { records: [noTeam, good, noSeason] });
    expect(result.created).toBe(1);
    expect(result.failed).toEqual([
      { id: 2002, reason: 'season 999 does not exist' },
      { id: 2003, reason: 'team 777 does not exist' },
    ]);
    expect(await count('SELECT COUNT(*) AS n FROM fixtures WHERE id IN (2001, 2002, 2003)')).toBe(1);
  });

  it('tombstones a fixture the source reports deleted, and keeps placeholders with no teams', async () => {
    const placeholder = fixture({ id: 3001, leagueId: 8, seasonId: 100, home: null, away: null });
    expect((await writer.write('fixtures', { records: [placeholder] })).created).toBe(1);
    expect((await writer.write('fixtures', { records: [{ ...placeholder, deleted: true }] })).updated).toBe(1);
    const rows = await ctx.db.pool.query<{ deleted_at: Date | null; home_team_id: number | null }[]>('SELECT deleted_at, home_team_id FROM fixtures WHERE id = 3001');
    expect(rows[0]?.deleted_at).toBeInstanceOf(Date);
    expect(rows[0]?.home_team_id).toBeNull();
    expect((await writer.write('fixtures', { records: [{ ...placeholder, deleted: true }] })).unchanged).toBe(1);
  });

  it('replaces the scores of a changed fixture, dropping the ones the source no longer lists', async () => {
    const base = fixture({ id: 4001, leagueId: 8, seasonId: 100, home: 1, away: 2, goals: [1, 0] });
    await writer.write('fixtures', { records: [base] });
    const half = { id: 40_019, fixtureId: 4001, teamId: 1, typeId: 1, period: '1ST_HALF', participant: 'home' as const, goals: 1 };
    expect((await writer.write('fixtures', { records: [{ ...base, scores: [...base.scores, half] }] })).updated).toBe(1);
    expect(await count('SELECT COUNT(*) AS n FROM fixture_scores WHERE fixture_id = 4001')).toBe(3);
    expect((await writer.write('fixtures', { records: [{ ...base, scores: [half] }] })).updated).toBe(1);
    const rows = await ctx.db.pool.query<{ id: number }[]>('SELECT id FROM fixture_scores WHERE fixture_id = 4001');
    expect(rows.map((r) => r.id)).toEqual([40_019]);
    expect((await writer.write('fixtures', { records: [{ ...base, scores: [] }] })).updated).toBe(1);
    expect(await count('SELECT COUNT(*) AS n FROM fixture_scores WHERE fixture_id = 4001')).toBe(0);
  });
});
