import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Simulator } from '../src/index.ts';
import type { DetailFixture } from './detail-helpers.ts';
import { call, page, start, walk } from './helpers.ts';

interface SquadRow {
  id: number;
  player_id: number;
  team_id: number;
  position_id: number;
  jersey_number?: number;
  yersey_number?: number;
  captain?: boolean;
  active?: boolean;
  player?: { id: number; display_name: string };
}

let sim: Simulator;
beforeAll(async () => {
  sim = await start({ leagues: 2 });
});
afterAll(async () => {
  await sim.close();
});

const seasonsOf = (leagueId: number): { id: number; is_current: boolean }[] =>
  sim.dataset().seasons.filter((s) => s.league_id === leagueId) as unknown as { id: number; is_current: boolean }[];

async function squad(seasonId: number, teamId: number, include = ''): Promise<SquadRow[]> {
  const p = await page(sim, `/v3/football/squads/seasons/${String(seasonId)}/teams/${String(teamId)}${include ? `?include=${include}` : ''}`);
  return (p.data ?? []) as unknown as SquadRow[];
}

describe('players', () => {
  it('serves a player by id with SportMonks’ fields, charged to Player', async () => {
    const current = seasonsOf(271).find((s) => s.is_current);
    const teamId = (sim.dataset().fixtures.find((f) => f.season_id === current?.id) as unknown as DetailFixture).participants[0]?.id ?? 0;
    const row = (await squad(current?.id ?? 0, teamId))[0];
    const answer = await page(sim, `/v3/football/players/${String(row?.player_id)}`);
    expect(answer.rate_limit.requested_entity).toBe('Player');
    const player = answer.data as unknown as Record<string, unknown>;
    expect(Object.keys(player)).toEqual([
      'id', 'sport_id', 'country_id', 'nationality_id', 'city_id', 'position_id', 'detailed_position_id', 'type_id',
      'common_name', 'firstname', 'lastname', 'name', 'display_name', 'image_path', 'height', 'weight', 'date_of_birth', 'gender',
    ]);
    expect(player.position_id).toBe(row?.position_id);
    expect((await call(sim, '/v3/football/players/1')).body.message).toMatch(/^No result/);
  });

  it('nests country, nationality, position and detailed position from the core dictionaries', async () => {
    const current = seasonsOf(501).find((s) => s.is_current);
    const f = sim.dataset().fixtures.find((x) => x.season_id === current?.id && x.state_id === 5);
    const answer = await page(sim, `/v3/football/fixtures/${String(f?.id)}?include=lineups.player.country;lineups.player.position`);
    const lineups = (answer.data as unknown as { lineups: { player: { country_id: number; position_id: number; country: { id: number }; position: { id: number; model_type: string } } }[] }).lineups;
    expect(lineups.every((l) => l.player.country.id === l.player.country_id && l.player.position.id === l.player.position_id)).toBe(true);
    const id = (lineups[0]?.player as unknown as { id: number }).id;
    const player = (await page(sim, `/v3/football/players/${String(id)}?include=nationality;detailedPosition`)).data as unknown as {
      nationality_id: number;
      detailed_position_id: number | null;
      nationality: { id: number; name: string };
      detailedposition: { id: number } | null;
    };
    expect(player.nationality.id).toBe(player.nationality_id);
    expect(player.detailedposition?.id ?? null).toBe(player.detailed_position_id);
  });

  it('has one player per league whose name ends in a space, and he plays', async () => {
    const current = seasonsOf(271).find((s) => s.is_current);
    const fixtures = (await walk(sim, `/v3/football/fixtures?per_page=50&filters=fixtureSeasons:${String(current?.id)};fixtureStates:5&include=lineups`)) as unknown as DetailFixture[];
    const names = fixtures.flatMap((f) => f.lineups.map((l) => l.player_name));
    const spaced = [...new Set(names.filter((n) => n !== n.trim()))];
    expect(spaced.length).toBe(1);
    expect(spaced[0]).toMatch(/\S $/);
    const id = fixtures.flatMap((f) => f.lineups).find((l) => l.player_name === spaced[0])?.player_id;
    const player = (await page(sim, `/v3/football/players/${String(id)}`)).data as unknown as { name: string; display_name: string };
    expect(player.display_name).toBe(spaced[0]);
    expect(player.name.endsWith(' ')).toBe(true);
  });

  it('never gives two players of a league the same name (a timeline would show one man subbed off twice)', async () => {
    for (const league of [271, 501]) {
      const current = seasonsOf(league).find((s) => s.is_current);
      const fixtures = (await walk(sim, `/v3/football/fixtures?per_page=50&filters=fixtureSeasons:${String(current?.id)};fixtureStates:5&include=lineups`)) as unknown as DetailFixture[];
      const byName = new Map<string, Set<number>>();
      for (const l of fixtures.flatMap((f) => f.lineups)) byName.set(l.player_name.trim(), (byName.get(l.player_name.trim()) ?? new Set()).add(l.player_id));
      expect(byName.size).toBeGreaterThan(200);
      expect([...byName].filter(([, ids]) => ids.size > 1).map(([name]) => name)).toEqual([]);
    }
  });
});

describe('squads', () => {
  it('answers one call per team and season (PlayerStatistic) with jersey_number, one captain, and the player nested', async () => {
    const season = seasonsOf(501)[1];
    const teamIds = (sim.dataset().seasons.find((s) => s.id === season?.id) ? sim.dataset().teams : []).filter((t) => t.country_id === 1161).map((t) => t.id as number);
    let teams = 0;
    for (const teamId of teamIds) {
      const answer = await page(sim, `/v3/football/squads/seasons/${String(season?.id)}/teams/${String(teamId)}?include=player`);
      if (!answer.data) continue;
      teams++;
      expect(answer.rate_limit.requested_entity).toBe('PlayerStatistic');
      expect(answer).not.toHaveProperty('pagination');
      const rows = answer.data as unknown as SquadRow[];
      expect(rows.length).toBe(24);
      expect(rows.every((r) => typeof r.jersey_number === 'number' && !('yersey_number' in r) && r.player?.id === r.player_id)).toBe(true);
      expect(rows.filter((r) => r.captain).length).toBe(1);
      expect(new Set(rows.map((r) => r.jersey_number)).size).toBe(24);
    }
    expect(teams).toBe(12);
  });

  it('misspells the jersey field on the current-squad endpoint (/squads/teams/{id}, PlayerTeam), as captured', async () => {
    const current = seasonsOf(271).find((s) => s.is_current);
    const teamId = (sim.dataset().fixtures.find((f) => f.season_id === current?.id) as unknown as DetailFixture).participants[0]?.id;
    const answer = await page(sim, `/v3/football/squads/teams/${String(teamId)}`);
    expect(answer.rate_limit.requested_entity).toBe('PlayerTeam');
    const rows = answer.data as unknown as SquadRow[];
    expect(rows.every((r) => typeof r.yersey_number === 'number' && !('jersey_number' in r) && r.active === true && !('captain' in r))).toBe(true);
    expect(rows.map((r) => r.player_id).sort()).toEqual((await squad(current?.id ?? 0, teamId ?? 0)).map((r) => r.player_id).sort());
  });

  it('changes between seasons: players move between clubs of the league and newcomers arrive', async () => {
    const [first, second] = seasonsOf(271);
    const clubOf = async (seasonId: number): Promise<Map<number, number>> => {
      const map = new Map<number, number>();
      for (const team of sim.dataset().teams.filter((t) => t.country_id === 320)) {
        for (const row of await squad(seasonId, team.id as number)) map.set(row.player_id, row.team_id);
      }
      return map;
    };
    const before = await clubOf(first?.id ?? 0);
    const after = await clubOf(second?.id ?? 0);
    const moved = [...after].filter(([player, team]) => before.has(player) && before.get(player) !== team);
    const arrived = [...after.keys()].filter((player) => !before.has(player));
    expect(moved.length).toBeGreaterThan(5);
    expect(arrived.length).toBeGreaterThan(3);
  });

  it('puts the season’s squad players in a team’s lineups, and now and then a youth call-up who is in no squad but resolves by id', async () => {
    const season = seasonsOf(501)[0];
    const fixtures = (await walk(sim, `/v3/football/fixtures?per_page=50&filters=fixtureSeasons:${String(season?.id)};fixtureStates:5&include=lineups`)) as unknown as DetailFixture[];
    const squads = new Map<number, Set<number>>();
    const callUps = new Map<number, Set<number>>();
    for (const f of fixtures) {
      for (const l of f.lineups) {
        let players = squads.get(l.team_id);
        if (!players) {
          players = new Set((await squad(season?.id ?? 0, l.team_id)).map((r) => r.player_id));
          squads.set(l.team_id, players);
        }
        if (players.has(l.player_id)) continue;
        expect(l.type_id, `${String(f.id)}: ${String(l.player_id)} of ${String(l.team_id)} is not in the squad`).toBe(12);
        callUps.set(l.team_id, (callUps.get(l.team_id) ?? new Set()).add(l.player_id));
      }
    }
    // One call-up per team and season, on a bench in a few of its matches.
    expect(callUps.size).toBeGreaterThan(3);
    for (const [, players] of callUps) expect(players.size).toBe(1);
    const [youngster] = [...(callUps.values().next().value ?? [])];
    expect((await page(sim, `/v3/football/players/${String(youngster)}`)).data).toMatchObject({ id: youngster });
  });

  it('answers "no result" for a team outside the season', async () => {
    const answer = await call(sim, `/v3/football/squads/seasons/${String(seasonsOf(271)[0]?.id)}/teams/1`);
    expect(answer.status).toBe(200);
    expect(answer.body.message).toMatch(/^No result/);
  });
});

describe('referees', () => {
  it('assigns four officials per fixture with role types, each resolvable by id (Referee) and nested with referees.referee', async () => {
    const f = sim.dataset().fixtures.find((x) => x.state_id === 5) as unknown as DetailFixture;
    const answer = await page(sim, `/v3/football/fixtures/${String(f.id)}?include=referees.referee`);
    const rows = (answer.data as unknown as { referees: { id: number; fixture_id: number; referee_id: number; type_id: number; referee: { id: number; name: string } }[] }).referees;
    expect(rows.map((r) => r.type_id)).toEqual([6, 7, 8, 9]);
    expect(new Set(rows.map((r) => r.referee_id)).size).toBe(4);
    for (const row of rows) {
      expect(row.fixture_id).toBe(f.id);
      expect(row.referee.id).toBe(row.referee_id);
      const referee = await page(sim, `/v3/football/referees/${String(row.referee_id)}`);
      expect(referee.rate_limit.requested_entity).toBe('Referee');
      expect(referee.data).toEqual(row.referee);
    }
  });
});
