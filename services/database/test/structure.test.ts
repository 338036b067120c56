// The season structure through the writer's routes, and the analysts' views over it: a split
// league whose later stages carry the regular season's points, the table after a round, and a
// two-legged tie.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Aggregate, BulkResult, Fixture, Round, Stage } from '@insightxi/contracts';
import type { App } from '@insightxi/service-kit';
import { AUTH, testApp } from './app-helpers.ts';
import { fixture, league, migratedDatabase, season, STATES, team, typeEntry, type TestContext } from './helpers.ts';

let ctx: TestContext;
let app: App;

const SUPERLIGA = 271;
const SEASON = 19686;

const stage = (id: number, name: string, typeId: number, sortOrder: number | null): Stage => ({
  id, leagueId: SUPERLIGA, seasonId: SEASON, typeId, name, sortOrder, finished: true, isCurrent: false, startingAt: null, endingAt: null,
});
const round = (id: number, stageId: number, name: string): Round => ({
  id, leagueId: SUPERLIGA, seasonId: SEASON, stageId, name, number: Number(name), finished: true, isCurrent: false, startingAt: null, endingAt: null,
});
const played = (id: number, stageId: number, roundId: number | null, home: number, away: number, goals: [number, number], extra: Partial<Fixture> = {}): Fixture => ({
  ...fixture({ id, leagueId: SUPERLIGA, seasonId: SEASON, home, away, goals, stateId: STATES.FT.id }),
  stageId,
  roundId,
  ...extra,
});
const tie: Aggregate = { id: 9, leagueId: SUPERLIGA, seasonId: SEASON, stageId: 13, name: 'Team 2 vs Team 4', result: '1-2', detail: 'After Full Time', winnerTeamId: 4 };

async function call(method: 'GET' | 'POST', url: string, payload?: unknown) {
  const response = await app.inject({ method, url, headers: AUTH, ...(payload === undefined ? {} : { payload: payload as object }) });
  return { status: response.statusCode, body: response.json<Record<string, unknown>>() };
}

async function bulk(entity: string, payload: unknown): Promise<BulkResult> {
  const response = await call('POST', `/${entity}/bulk`, payload);
  expect(response.status).toBe(200);
  return response.body as unknown as BulkResult;
}

/** Rows with MySQL's BIGINT sums and counts as numbers. */
async function rows(sql: string, values: unknown[] = []): Promise<Record<string, unknown>[]> {
  const result = await ctx.db.pool.query<Record<string, unknown>[]>(sql, values);
  return result.map((row) => Object.fromEntries(Object.entries(row).map(([key, value]) => [key, typeof value === 'bigint' ? Number(value) : value])));
}

beforeAll(async () => {
  ctx = await migratedDatabase('structure');
  app = await testApp(ctx.testDb.url);
  await bulk('types', { records: [typeEntry(223, 'GROUP_STAGE', 'stage'), typeEntry(224, 'KNOCK_OUT', 'stage')] });
  await bulk('states', { records: [STATES.FT] });
  await bulk('leagues', { records: [league(SUPERLIGA, 'Superliga')] });
  await bulk('seasons', { records: [season(SEASON, SUPERLIGA, '2022/2023')] });
  await bulk('teams', { records: [1, 2, 3, 4].map((id) => team(id)) });
});
afterAll(async () => {
  await app.close();
  await ctx.close();
});

describe('structure through the writer', () => {
  it('lands a schedule page: its stages, rounds and tie first, then the fixtures, counted together and exactly', async () => {
    const related = {
      stages: [stage(10, 'Regular Season', 223, 1), stage(11, 'Relegation Round', 223, 2), stage(12, 'Championship Round', 223, 3), stage(13, 'Play-off Final', 224, 4)],
      rounds: [round(100, 10, '1'), round(101, 10, '2'), round(110, 12, '1'), round(120, 11, '1')],
      aggregates: [tie],
    };
    const fixtures = [
      played(1, 10, 100, 1, 2, [2, 0]),
      played(2, 10, 100, 3, 4, [1, 1]),
      played(3, 10, 101, 1, 3, [0, 1]),
      played(4, 10, 101, 2, 4, [3, 0]),
      played(5, 12, 110, 1, 2, [1, 1]),
      played(6, 11, 120, 3, 4, [0, 2]),
      played(7, 13, null, 2, 4, [1, 0], { aggregateId: 9, leg: '1/2' }),
      played(8, 13, null, 4, 2, [2, 0], { aggregateId: 9, leg: '2/2' }),
    ];
    expect(await bulk('fixtures', { records: fixtures, related })).toEqual({ created: 17, updated: 0, unchanged: 0, failed: [], duplicatePage: false });
    expect(await bulk('fixtures', { records: fixtures, related })).toMatchObject({ created: 0, updated: 0, unchanged: 17 });
    const renamed = { ...related, rounds: [{ ...round(100, 10, '1'), finished: false }] };
    expect(await bulk('fixtures', { records: [], related: renamed })).toMatchObject({ created: 0, updated: 1, unchanged: 5 });
    await bulk('rounds', { records: [round(100, 10, '1')] });
  });

  it('reads them back by season and stage', async () => {
    const stages = await call('GET', `/stages?season=${SEASON}`);
    expect((stages.body.items as Stage[]).map((s) => s.name)).toEqual(['Regular Season', 'Relegation Round', 'Championship Round', 'Play-off Final']);
    const rounds = await call('GET', '/rounds?stage=10');
    expect((rounds.body.items as Round[]).map((r) => [r.id, r.number])).toEqual([
      [100, 1],
      [101, 2],
    ]);
    expect((await call('GET', '/aggregates/9')).body).toEqual(tie);
    expect((await call('GET', '/types?modelType=stage')).body.items).toHaveLength(2);
  });

  it('quarantines a record naming an unknown stage or type, with the reason and its own entity', async () => {
    const run = await call('POST', '/sync-runs', { entity: 'fixtures', mode: 'full', scope: {}, scopeKey: 'structure:quarantine' });
    const runId = run.body.id as number;
    const add = { pages: 1, fetched: 3, created: 0, updated: 0, unchanged: 0, quarantined: 0, upstreamCalls: 1, rateLimitWaitMs: 0 };
    const result = await bulk('fixtures', {
      records: [played(30, 999, null, 1, 2, [0, 0])],
      related: { stages: [stage(14, 'Europe Play-off', 225, 5)], rounds: [round(130, 998, '1')] },
      sync: { runId, pageKey: 'p1', checkpoint: { cursor: null, add } },
    });
    expect(result.failed).toEqual([
      { id: 14, reason: 'type 225 does not exist', entity: 'stages' },
      { id: 130, reason: 'stage 998 does not exist', entity: 'rounds' },
      { id: 30, reason: 'stage 999 does not exist' },
    ]);
    const quarantine = await call('GET', `/quarantine?runId=${runId}`);
    expect((quarantine.body.items as { entity: string; sourceId: number; reason: string }[]).map((q) => [q.entity, q.sourceId, q.reason])).toEqual([
      ['stages', 14, 'type 225 does not exist'],
      ['rounds', 130, 'stage 998 does not exist'],
      ['fixtures', 30, 'stage 999 does not exist'],
    ]);
  });

  it('answers 400 naming the field for a bad record or filter, and writes nothing', async () => {
    const bad = await call('POST', '/stages/bulk', { records: [{ ...stage(15, 'Bad', 223, 1), sortOrder: 'first' }] });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body.fields)).toContain('sortOrder');
    const filter = await call('GET', '/rounds?stage=abc');
    expect(filter.status).toBe(400);
    expect(JSON.stringify(filter.body)).toContain('stage');
    expect(await rows('SELECT id FROM stages WHERE id = 15')).toEqual([]);
  });
});

describe('views over the structure', () => {
  const table = (stageId: number) =>
    rows(`SELECT position, team_id, played, won, drawn, lost, goals_for, goals_against, points, carries_points FROM league_table WHERE stage_id = ? ORDER BY position`, [stageId]);

  it('league_table: one table per stage; the regular season on its own', async () => {
    expect(await table(10)).toEqual([
      { position: 1, team_id: 3, played: 2, won: 1, drawn: 1, lost: 0, goals_for: 2, goals_against: 1, points: 4, carries_points: 1 },
      { position: 2, team_id: 2, played: 2, won: 1, drawn: 0, lost: 1, goals_for: 3, goals_against: 2, points: 3, carries_points: 1 },
      { position: 3, team_id: 1, played: 2, won: 1, drawn: 0, lost: 1, goals_for: 2, goals_against: 1, points: 3, carries_points: 1 },
      { position: 4, team_id: 4, played: 2, won: 0, drawn: 1, lost: 1, goals_for: 1, goals_against: 4, points: 1, carries_points: 1 },
    ]);
  });

  it('league_table: the championship and relegation rounds start from the regular season (Superliga carries points)', async () => {
    expect(await table(12)).toEqual([
      { position: 1, team_id: 2, played: 3, won: 1, drawn: 1, lost: 1, goals_for: 4, goals_against: 3, points: 4, carries_points: 1 },
      { position: 2, team_id: 1, played: 3, won: 1, drawn: 1, lost: 1, goals_for: 3, goals_against: 2, points: 4, carries_points: 1 },
    ]);
    expect((await table(11)).map((r) => [r.team_id, r.points, r.goals_for])).toEqual([
      [4, 4, 3],
      [3, 4, 2],
    ]);
    // A knock-out stage has ties, not a table.
    expect(await table(13)).toEqual([]);
  });

  it('league_table: without carried points a later stage counts only its own matches', async () => {
    await ctx.db.pool.query('DELETE FROM points_carried_over WHERE league_id = ?', [SUPERLIGA]);
    try {
      expect((await table(12)).map((r) => [r.team_id, r.played, r.points, r.carries_points])).toEqual([
        [1, 1, 1, 0],
        [2, 1, 1, 0],
      ]);
    } finally {
      await ctx.db.pool.query("INSERT INTO points_carried_over (league_id, note) VALUES (?, 'Superliga')", [SUPERLIGA]);
    }
  });

  it('league_table_after_round: the table of a stage as it stood after each round', async () => {
    const after = await rows('SELECT round, position, team_id, points FROM league_table_after_round WHERE stage_id = 10 ORDER BY round_number, position');
    expect(after.map((r) => [r.round, r.position, r.team_id, r.points])).toEqual([
      ['1', 1, 1, 3],
      ['1', 2, 3, 1],
      ['1', 3, 4, 1],
      ['1', 4, 2, 0],
      ['2', 1, 3, 4],
      ['2', 2, 2, 3],
      ['2', 3, 1, 3],
      ['2', 4, 4, 1],
    ]);
  });

  it('knockout_ties: both legs, the aggregate and the winner', async () => {
    expect(await rows('SELECT tie, team_a_id, team_b_id, first_leg_score, second_leg_score, team_a_goals, team_b_goals, result, winner_team_id FROM knockout_ties')).toEqual([
      { tie: 'Team 2 vs Team 4', team_a_id: 2, team_b_id: 4, first_leg_score: '1-0', second_leg_score: '2-0', team_a_goals: 1, team_b_goals: 2, result: '1-2', winner_team_id: 4 },
    ]);
  });
});
