import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBulkWriter } from '../src/bulk/writer.ts';
import { fixture, league, migratedDatabase, season, STATES, team, type TestContext } from './helpers.ts';

let ctx: TestContext;

const ARSENAL = 1;
const BRENTFORD = 2;
const CHELSEA = 3;
const DERBY = 4;

beforeAll(async () => {
  ctx = await migratedDatabase('views');
  const writer = createBulkWriter(ctx.db.pool, { chunkSize: 100 });
  await writer.write('states', { records: Object.values(STATES) });
  await writer.write('leagues', { records: [league(8, 'Premier League')] });
  await writer.write('seasons', { records: [season(100, 8, '2024/2025'), season(101, 8, '2025/2026')] });
  await writer.write('teams', { records: [team(ARSENAL, 'Arsenal'), team(BRENTFORD, 'Brentford'), team(CHELSEA, 'Chelsea'), team(DERBY, 'Derby')] });
  const s = { leagueId: 8, seasonId: 100 };
  const result = await writer.write('fixtures', {
    records: [
      fixture({ id: 1, ...s, home: ARSENAL, away: BRENTFORD, goals: [2, 0], startingAt: '2024-08-17T14:00:00.000Z' }),
      fixture({ id: 2, ...s, home: CHELSEA, away: DERBY, goals: [1, 1] }),
      fixture({ id: 3, ...s, home: ARSENAL, away: CHELSEA, goals: [1, 1], stateId: STATES.AET.id }),
      fixture({ id: 4, ...s, home: BRENTFORD, away: DERBY, goals: [3, 0], stateId: STATES.FT_PEN.id }),
      fixture({ id: 5, ...s, home: DERBY, away: ARSENAL, goals: [2, 1] }),
      fixture({ id: 6, ...s, home: BRENTFORD, away: CHELSEA, goals: [0, 1] }),
      // Not counted: not started, postponed with a score, tombstoned, a placeholder.
      fixture({ id: 7, ...s, home: ARSENAL, away: DERBY }),
      fixture({ id: 8, ...s, home: BRENTFORD, away: ARSENAL, goals: [0, 0], stateId: STATES.POSTP.id }),
      { ...fixture({ id: 9, ...s, home: CHELSEA, away: BRENTFORD, goals: [5, 0] }), deleted: true },
      fixture({ id: 10, ...s, home: null, away: null }),
      // Another season of the same league.
      fixture({ id: 11, leagueId: 8, seasonId: 101, home: ARSENAL, away: BRENTFORD, goals: [9, 0] }),
    ],
  });
  expect(result.failed).toEqual([]);
});
afterAll(async () => ctx.close());

describe('league_table', () => {
  it('gives exactly the table of a hand-made season', async () => {
    const rows = await ctx.db.pool.query<Record<string, unknown>[]>(
      'SELECT season_id, position, team, played, won, drawn, lost, goals_for, goals_against, goal_difference, points FROM league_table ORDER BY season_id, position',
    );
    const table = rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === 'bigint' ? Number(v) : v])));
    expect(table).toEqual([
      { season_id: 100, position: 1, team: 'Chelsea', played: 3, won: 1, drawn: 2, lost: 0, goals_for: 3, goals_against: 2, goal_difference: 1, points: 5 },
      { season_id: 100, position: 2, team: 'Arsenal', played: 3, won: 1, drawn: 1, lost: 1, goals_for: 4, goals_against: 3, goal_difference: 1, points: 4 },
      { season_id: 100, position: 3, team: 'Derby', played: 3, won: 1, drawn: 1, lost: 1, goals_for: 3, goals_against: 5, goal_difference: -2, points: 4 },
      { season_id: 100, position: 4, team: 'Brentford', played: 3, won: 1, drawn: 0, lost: 2, goals_for: 3, goals_against: 3, goal_difference: 0, points: 3 },
      { season_id: 101, position: 1, team: 'Arsenal', played: 1, won: 1, drawn: 0, lost: 0, goals_for: 9, goals_against: 0, goal_difference: 9, points: 3 },
      { season_id: 101, position: 2, team: 'Brentford', played: 1, won: 0, drawn: 0, lost: 1, goals_for: 0, goals_against: 9, goal_difference: -9, points: 0 },
    ]);
  });
});

describe('fixture_results', () => {
  it('gives one readable row per fixture the source still has', async () => {
    const rows = await ctx.db.pool.query<Record<string, unknown>[]>('SELECT * FROM fixture_results ORDER BY fixture_id');
    expect(rows.map((r) => r.fixture_id)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 10, 11]);
    expect(rows[0]).toMatchObject({
      fixture_id: 1,
      starting_at: new Date('2024-08-17T14:00:00.000Z'),
      league: 'Premier League',
      season: '2024/2025',
      home_team: 'Arsenal',
      away_team: 'Brentford',
      home_goals: 2,
      away_goals: 0,
      score: '2-0',
      state: 'FT',
    });
    expect(rows.find((r) => r.fixture_id === 10)).toMatchObject({ home_team: null, away_team: null, score: null, state: 'NS' });
  });
});
