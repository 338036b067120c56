import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Fixture, FixtureEvent } from '@insightxi/contracts';
import { createBulkWriter } from '../src/bulk/writer.ts';
import { DETAIL_TYPES, fixture, league, matchDetail, migratedDatabase, season, STATES, team, type TestContext } from './helpers.ts';

let ctx: TestContext;

const ARSENAL = 1;
const BRENTFORD = 2;
const CHELSEA = 3;

/** An event of fixture `f` by player `player` (ids as matchDetail makes them: team * 100 + shirt). */
function event(f: Fixture, n: number, typeId: number, teamId: number, player: number, minute: number, extra: Partial<FixtureEvent> = {}): FixtureEvent {
  return {
    id: f.id * 1000 + 50 + n,
    fixtureId: f.id,
    periodId: minute <= 45 ? 1 : 2,
    teamId,
    playerId: player,
    playerName: `Player ${teamId}-${player % 100}`,
    relatedPlayerId: null,
    relatedPlayerName: null,
    typeId,
    subTypeId: null,
    minute,
    extraMinute: null,
    result: null,
    info: null,
    addition: null,
    injured: null,
    onBench: false,
    sortOrder: n,
    ...extra,
  };
}

beforeAll(async () => {
  ctx = await migratedDatabase('match_detail_views');
  const writer = createBulkWriter(ctx.db.pool, { chunkSize: 100 });
  await writer.write('types', { records: DETAIL_TYPES });
  await writer.write('states', { records: Object.values(STATES) });
  await writer.write('leagues', { records: [league(8, 'Premier League')] });
  await writer.write('seasons', { records: [season(100, 8)] });
  await writer.write('teams', { records: [team(ARSENAL, 'Arsenal'), team(BRENTFORD, 'Brentford'), team(CHELSEA, 'Chelsea')] });

  // Arsenal 3-1 Brentford: Arsenal's No. 9 scores at 10' and (a penalty) at 80', a Brentford
  // defender's own goal at 60'; Brentford's No. 9 at 30'. Arsenal's No. 12 replaces No. 2 at 46'
  // and Brentford's No. 5 is sent off at 70'.
  const first = fixture({ id: 1, leagueId: 8, seasonId: 100, home: ARSENAL, away: BRENTFORD, goals: [3, 1] });
  const base = matchDetail(first, { goals: { home: [10], away: [30] } });
  const events = [
    ...(base.events ?? []),
    event(first, 1, 15, BRENTFORD, 204, 60, { result: '2-1' }),
    event(first, 2, 16, ARSENAL, 109, 80, { result: '3-1' }),
    event(first, 3, 18, ARSENAL, 112, 46, { relatedPlayerId: 102 }),
    event(first, 4, 20, BRENTFORD, 205, 70),
    event(first, 5, 19, ARSENAL, 103, 20),
  ];
  // Chelsea 0-2 Arsenal: Arsenal's No. 9 again, twice.
  const second = fixture({ id: 2, leagueId: 8, seasonId: 100, home: CHELSEA, away: ARSENAL, goals: [0, 2] });
  const result = await writer.write('fixtures', {
    records: [
      { ...first, detail: { ...base, events } },
      { ...second, detail: matchDetail(second, { goals: { home: [], away: [15, 88] } }) },
    ],
  });
  expect(result.failed).toEqual([]);
});
afterAll(async () => ctx.close());

/** Rows with MySQL's BIGINT counts as plain numbers. */
async function rows<T>(sql: string): Promise<T[]> {
  const result = await ctx.db.pool.query<Record<string, unknown>[]>(sql);
  return result.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === 'bigint' ? Number(v) : v])) as T);
}

describe('match detail views', () => {
  it('goals: every goal with its kind and the side it counts for, adding up to the score', async () => {
    const goals = await rows<{ minute: number; kind: string; team: string; side: string; scorer_id: number; assist_id: number | null; score_after: string }>(
      'SELECT minute, kind, team, side, scorer_id, assist_id, score_after FROM goals WHERE fixture_id = 1 ORDER BY minute',
    );
    expect(goals).toEqual([
      { minute: 10, kind: 'goal', team: 'Arsenal', side: 'home', scorer_id: 109, assist_id: 110, score_after: '1-0' },
      { minute: 30, kind: 'goal', team: 'Brentford', side: 'away', scorer_id: 209, assist_id: 210, score_after: '1-1' },
      { minute: 60, kind: 'own goal', team: 'Arsenal', side: 'home', scorer_id: 204, assist_id: null, score_after: '2-1' },
      { minute: 80, kind: 'penalty', team: 'Arsenal', side: 'home', scorer_id: 109, assist_id: null, score_after: '3-1' },
    ]);
    const mismatched = await rows<{ fixture_id: number }>(
      `SELECT r.fixture_id FROM fixture_results r
       LEFT JOIN (SELECT fixture_id, SUM(side = 'home') AS home, SUM(side = 'away') AS away FROM goals GROUP BY fixture_id) g ON g.fixture_id = r.fixture_id
       WHERE COALESCE(g.home, 0) <> r.home_goals OR COALESCE(g.away, 0) <> r.away_goals`,
    );
    expect(mismatched).toEqual([]);
  });

  it('top_scorers: goals per player from the events, penalties included, own goals not', async () => {
    const top = await rows<{ position: number; player_id: number; team: string; goals: number; penalties: number }>(
      'SELECT position, player_id, team, goals, penalties FROM top_scorers WHERE season_id = 100 ORDER BY position, player_id',
    );
    expect(top).toEqual([
      { position: 1, player_id: 109, team: 'Arsenal', goals: 4, penalties: 1 },
      { position: 2, player_id: 209, team: 'Brentford', goals: 1, penalties: 0 },
    ]);
  });

  it('player_season_stats: appearances, starts, minutes, goals, assists and cards', async () => {
    const stats = await rows<{ player_id: number; appearances: number; starts: number; minutes: number; goals: number; assists: number; yellow_cards: number; red_cards: number }>(
      'SELECT player_id, appearances, starts, minutes, goals, assists, yellow_cards, red_cards FROM player_season_stats WHERE player_id IN (102, 103, 109, 112, 113, 205) ORDER BY player_id',
    );
    expect(stats).toEqual([
      { player_id: 102, appearances: 2, starts: 2, minutes: 136, goals: 0, assists: 0, yellow_cards: 0, red_cards: 0 },
      { player_id: 103, appearances: 2, starts: 2, minutes: 180, goals: 0, assists: 0, yellow_cards: 1, red_cards: 0 },
      { player_id: 109, appearances: 2, starts: 2, minutes: 180, goals: 4, assists: 0, yellow_cards: 0, red_cards: 0 },
      { player_id: 112, appearances: 1, starts: 0, minutes: 44, goals: 0, assists: 0, yellow_cards: 0, red_cards: 0 },
      { player_id: 113, appearances: 0, starts: 0, minutes: 0, goals: 0, assists: 0, yellow_cards: 0, red_cards: 0 },
      { player_id: 205, appearances: 1, starts: 1, minutes: 70, goals: 0, assists: 0, yellow_cards: 0, red_cards: 1 },
    ]);
    const [assists] = await rows<{ assists: number }>('SELECT assists FROM player_season_stats WHERE player_id = 110');
    expect(assists?.assists).toBe(3);
  });

  it('fixture_team_stats: one row per fixture and side, possession summing to 100', async () => {
    const stats = await rows<{ fixture_id: number; side: string; team: string; possession: number; shots: number; goals_for: number }>(
      'SELECT fixture_id, side, team, possession, shots, goals_for FROM fixture_team_stats ORDER BY fixture_id, side DESC',
    );
    expect(stats).toEqual([
      { fixture_id: 1, side: 'home', team: 'Arsenal', possession: 55, shots: 12, goals_for: 3 },
      { fixture_id: 1, side: 'away', team: 'Brentford', possession: 45, shots: 7, goals_for: 1 },
      { fixture_id: 2, side: 'home', team: 'Chelsea', possession: 55, shots: 12, goals_for: 0 },
      { fixture_id: 2, side: 'away', team: 'Arsenal', possession: 45, shots: 7, goals_for: 2 },
    ]);
  });
});
