import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Player, SquadList, SquadMember, Topscorer, TopscorerList } from '@insightxi/contracts';
import { createBulkWriter, type BulkWriter } from '../src/bulk/writer.ts';
import { country, league, migratedDatabase, season, team, typeEntry, type TestContext } from './helpers.ts';

let ctx: TestContext;
let writer: BulkWriter;

beforeAll(async () => {
  ctx = await migratedDatabase('people');
  writer = createBulkWriter(ctx.db.pool, { chunkSize: 1000 });
  await writer.write('countries', { records: [country(320, 'Denmark')] });
  await writer.write('types', { records: [typeEntry(26, 'MIDFIELDER', 'position'), typeEntry(208, 'GOAL_TOPSCORER', 'topscorer'), typeEntry(209, 'ASSIST_TOPSCORER', 'topscorer')] });
  await writer.write('leagues', { records: [league(8)] });
  await writer.write('seasons', { records: [season(100, 8, '2023/2024'), season(101, 8, '2024/2025')] });
  await writer.write('teams', { records: [team(1), team(2)] });
});
afterAll(async () => ctx.close());

function player(id: number, name = `Player ${id}`): Player {
  return {
    id, sportId: 1, countryId: 320, nationalityId: 320, cityId: null, positionId: 26, detailedPositionId: null,
    commonName: null, firstname: null, lastname: null, name, displayName: name, imagePath: null, height: 180, weight: 75,
    dateOfBirth: '1999-04-19', gender: 'male',
  };
}

function member(sourceId: number, teamId: number, playerId: number, jerseyNumber: number | null = 10): SquadMember {
  return { sourceId, teamId, playerId, jerseyNumber, positionId: 26, detailedPositionId: null, player: player(playerId) };
}

const squads = (seasonId: number, members: SquadMember[], teams = [...new Set(members.map((m) => m.teamId))]): SquadList => ({ id: seasonId, teams, members });

const scorer = (typeId: number, position: number, playerId: number, teamId: number, total: number): Topscorer => ({
  sourceId: null, typeId, position, playerId, teamId, total, player: player(playerId),
});

async function rows<T>(sql: string): Promise<T[]> {
  return ctx.db.pool.query<T[]>(sql);
}

describe('people', () => {
  it('lands a season\'s squads with the players they carry, counting both exactly', async () => {
    const first = await writer.write('squads', { records: [squads(100, [member(1, 1, 11), member(2, 1, 12), member(3, 2, 13)])] });
    expect(first).toMatchObject({ created: 1, updated: 0, unchanged: 0, failed: [], nested: { players: { created: 3, updated: 0, unchanged: 0 } } });

    // The next season: player 12 moved to team 2 with another number (his old spell's id stays with season 100); player 11 renamed.
    const next = squads(101, [{ ...member(1, 1, 11), player: player(11, 'Player Eleven') }, member(5, 2, 12, 7)]);
    expect(await writer.write('squads', { records: [next] })).toMatchObject({ created: 1, nested: { players: { created: 0, updated: 1, unchanged: 1 } } });
    expect(await rows('SELECT season_id, team_id, jersey_number, source_id FROM squads WHERE player_id = 12 ORDER BY season_id')).toEqual([
      { season_id: 100, team_id: 1, jersey_number: 10, source_id: 2 },
      { season_id: 101, team_id: 2, jersey_number: 7, source_id: 5 },
    ]);
    // Player 11's spell (source id 1) spans both seasons: one row in each.
    expect(await rows('SELECT season_id FROM squads WHERE source_id = 1 ORDER BY season_id')).toEqual([{ season_id: 100 }, { season_id: 101 }]);
    expect(await writer.write('squads', { records: [{ ...next, members: [...next.members].reverse() }] })).toMatchObject({ unchanged: 1, nested: { players: { unchanged: 2 } } });
  });

  it('replaces the squads of the teams read: a player who left goes, other teams stay', async () => {
    const result = await writer.write('squads', { records: [squads(100, [member(1, 1, 11), member(4, 1, 14)], [1])] });
    expect(result).toMatchObject({ updated: 1, nested: { players: { created: 1 } } });
    expect(await rows('SELECT team_id, player_id FROM squads WHERE season_id = 100 ORDER BY team_id, player_id')).toEqual([
      { team_id: 1, player_id: 11 },
      { team_id: 1, player_id: 14 },
      { team_id: 2, player_id: 13 },
    ]);
  });

  it('refuses a season\'s squads naming a team we do not have, naming it', async () => {
    const result = await writer.write('squads', { records: [squads(101, [member(6, 999, 14)])] });
    expect(result.failed).toEqual([{ id: 101, reason: 'squad of team 999: team 999 does not exist' }]);
  });

  it('lands every team\'s squad but the one whose player or team cannot land, which keeps its stored squad', async () => {
    const before = await rows('SELECT team_id, player_id FROM squads WHERE season_id = 100 ORDER BY team_id, player_id');
    expect(before).toEqual([{ team_id: 1, player_id: 11 }, { team_id: 1, player_id: 14 }, { team_id: 2, player_id: 13 }]);
    // Player 14 left team 1; team 2 signed player 18, whose country we do not have; team 999 is unknown.
    const stateless = { ...member(9, 2, 18), player: { ...player(18), nationalityId: 999 } };
    const inserted = await ctx.db.pool.query<{ insertId: number | bigint }>(
      "INSERT INTO sync_runs (entity, mode, scope, scope_key, status, updated_at) VALUES ('squads', 'full', '{}', 'squads', 'running', NOW(3))",
    );
    const add = { pages: 1, fetched: 1, created: 0, updated: 0, unchanged: 0, quarantined: 0, upstreamCalls: 0, rateLimitWaitMs: 0 };
    const sync = { runId: Number(inserted.insertId), pageKey: 'p1', checkpoint: { cursor: 'p1', add } };
    const result = await writer.write('squads', { records: [squads(100, [member(1, 1, 11), member(3, 2, 13), stateless, member(6, 999, 12)])], sync });
    expect(result).toMatchObject({ created: 0, updated: 1, unchanged: 0 });
    expect(result.failed).toEqual([
      { id: 100, reason: 'squad of team 2: player 18: country 999 does not exist' },
      { id: 100, reason: 'squad of team 999: team 999 does not exist' },
    ]);
    expect(await rows('SELECT team_id, player_id FROM squads WHERE season_id = 100 ORDER BY team_id, player_id')).toEqual([{ team_id: 1, player_id: 11 }, { team_id: 2, player_id: 13 }]);
    // Each team's squad that could not land is quarantined as that squad, not as the season's list.
    expect(await rows("SELECT source_id, JSON_EXTRACT(payload, '$.teams') AS teams, JSON_LENGTH(payload, '$.members') AS members FROM quarantine ORDER BY id")).toEqual([
      { source_id: 100, teams: [2], members: 2 },
      { source_id: 100, teams: [999], members: 1 },
    ]);
    // Team 2 read again without its bad row: now it is replaced too.
    expect(await writer.write('squads', { records: [squads(100, [member(1, 1, 11), member(3, 2, 13), member(4, 2, 14)])] })).toMatchObject({ updated: 1, failed: [] });
    expect(await rows('SELECT team_id, player_id FROM squads WHERE season_id = 100 ORDER BY team_id, player_id')).toEqual([{ team_id: 1, player_id: 11 }, { team_id: 2, player_id: 13 }, { team_id: 2, player_id: 14 }]);
  });

  it('refuses squads whose player cannot land, with the player\'s reason', async () => {
    const stateless = { ...member(8, 1, 17), player: { ...player(17), nationalityId: 999 } };
    const result = await writer.write('squads', { records: [squads(101, [stateless])] });
    expect(result.failed).toEqual([{ id: 101, reason: 'squad of team 1: player 17: country 999 does not exist' }]);
    expect(result.nested).toEqual({ players: { created: 0, updated: 0, unchanged: 0 } });
    expect(await rows('SELECT id FROM players WHERE id = 17')).toEqual([]);
  });

  it('replaces a season top-scorer list whole: a player who drops out of it goes', async () => {
    const list: TopscorerList = { id: 100, rows: [scorer(208, 1, 11, 1, 20), scorer(208, 2, 12, 1, 15), scorer(209, 1, 13, 2, 9)] };
    expect(await writer.write('topscorers', { records: [list] })).toMatchObject({ created: 1, nested: { players: { created: 0, updated: 0, unchanged: 3 } } });
    expect(await writer.write('topscorers', { records: [{ ...list, rows: [...list.rows].reverse() }] })).toMatchObject({ unchanged: 1 });

    const later: TopscorerList = { id: 100, rows: [scorer(208, 1, 12, 1, 21), scorer(208, 2, 11, 1, 20), scorer(209, 1, 13, 2, 9)] };
    later.rows[0] = { ...scorer(208, 1, 16, 2, 22) };
    expect(await writer.write('topscorers', { records: [later] })).toMatchObject({ updated: 1, nested: { players: { created: 1 } } });
    expect(await rows('SELECT type_id, position, player_id, total, source_id FROM topscorers WHERE season_id = 100 ORDER BY type_id, position')).toEqual([
      { type_id: 208, position: 1, player_id: 16, total: 22, source_id: null },
      { type_id: 208, position: 2, player_id: 11, total: 20, source_id: null },
      { type_id: 209, position: 1, player_id: 13, total: 9, source_id: null },
    ]);
  });

  it('refuses a list that names a player twice for one team in one ranking', async () => {
    const result = await writer.write('topscorers', { records: [{ id: 101, rows: [scorer(208, 1, 11, 1, 3), scorer(208, 2, 11, 1, 2)] }] });
    expect(result.failed).toEqual([{ id: 101, reason: 'a player is listed twice for the same team in one ranking' }]);
    expect(await rows('SELECT id FROM topscorer_lists WHERE id = 101')).toEqual([]);
  });
});
