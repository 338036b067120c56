// The endpoints the sync does not use yet (stages, rounds, schedules by team, live and
// correction standings, livescores) and the includes they nest: answered as SportMonks
// answers them, consistent with the ground truth, and refused the same ways.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Simulator } from '../src/index.ts';
import { call, page, start } from './helpers.ts';

type Row = Record<string, unknown>;
let sim: Simulator;
let refusing: Simulator;
let fixture: Row;
let seasonId: number;
let stageId: number;
let roundId: number;
let homeTeamId: number;
const DENIED = 501;

beforeAll(async () => {
  sim = await start();
  refusing = await start({ deniedLeagues: [DENIED] });
  const ds = sim.dataset();
  const current = new Set(ds.seasons.filter((s) => s.is_current).map((s) => s.id));
  fixture = ds.fixtures.find((f) => current.has(f.season_id) && f.league_id !== DENIED) as unknown as Row;
  seasonId = fixture.season_id as number;
  stageId = fixture.stage_id as number;
  roundId = fixture.round_id as number;
  const participants = fixture.participants as { id: number; meta: { location: string } }[];
  homeTeamId = participants.find((p) => p.meta.location === 'home')?.id ?? 0;
});
afterAll(async () => {
  await Promise.all([sim.close(), refusing.close()]);
});

const data = (p: { data?: Row[] | Row }): Row[] => [p.data ?? []].flat();
/** The ids of a season's stages in the dataset, in id order as upstream lists them. */
const stages = (id: number): number[] =>
  sim
    .dataset()
    .stages.filter((s) => s.season_id === id)
    .map((s) => s.id as number)
    .sort((a, b) => a - b);

describe('stages and rounds', () => {
  it('serves a season’s stage and rounds, and each by id, with their season and league', async () => {
    const stages = data(await page(sim, `/v3/football/stages/seasons/${seasonId}?include=league;season`));
    expect(stages.map((s) => s.id)).toContain(stageId);
    expect(stages.every((s) => s.season_id === seasonId)).toBe(true);
    expect(stages[0]).toMatchObject({ season_id: seasonId, league: { id: fixture.league_id }, season: { id: seasonId } });
    const stage = data(await page(sim, `/v3/football/stages/${stageId}?include=rounds;fixtures`))[0];
    expect((stage?.rounds as Row[]).map((r) => r.id)).toContain(roundId);
    expect((stage?.fixtures as Row[]).map((f) => f.id)).toContain(fixture.id);

    const rounds = data(await page(sim, `/v3/football/rounds/seasons/${seasonId}`));
    expect(rounds.map((r) => r.id)).toContain(roundId);
    const round = data(await page(sim, `/v3/football/rounds/${roundId}?include=league;season;stage;fixtures`))[0];
    expect(round).toMatchObject({ id: roundId, season_id: seasonId, stage_id: stageId, league: { id: fixture.league_id }, stage: { id: stageId } });
    expect((round?.fixtures as Row[]).map((f) => f.id)).toContain(fixture.id);
  });

  it('answers unknown ids with "no result" and malformed ones with 400', async () => {
    expect((await call(sim, '/v3/football/rounds/999999999')).body.message).toMatch(/^No result/);
    expect((await call(sim, '/v3/football/stages/999999999')).body.message).toMatch(/^No result/);
    expect((await call(sim, '/v3/football/rounds/abc')).status).toBe(400);
    expect((await call(sim, '/v3/football/stages/abc')).status).toBe(400);
    expect((await call(sim, '/v3/football/standings/rounds/abc')).status).toBe(400);
    expect((await call(sim, '/v3/football/schedules/teams/abc')).status).toBe(400);
    for (const entity of ['leagues', 'seasons', 'teams', 'venues', 'states']) {
      expect((await call(sim, `/v3/football/${entity}/abc`)).status, entity).toBe(400);
    }
  });

  it('serves a venue and a state by id', async () => {
    const venue = sim.dataset().venues[0];
    expect(data(await page(sim, `/v3/football/venues/${String(venue?.id)}`))[0]).toMatchObject({ id: venue?.id, name: venue?.name });
    expect(data(await page(sim, '/v3/football/states/5'))[0]).toMatchObject({ id: 5, developer_name: 'FT' });
    expect((await call(sim, '/v3/football/states/24')).body.message).toMatch(/^No result/);
  });
});

describe('schedules and standings beyond a season', () => {
  it('serves a team’s schedule in a season and across the current seasons, with only its fixtures', async () => {
    const bySeason = data(await page(sim, `/v3/football/schedules/seasons/${seasonId}/teams/${homeTeamId}`));
    const fixtures = bySeason.flatMap((stage) => (stage.rounds as Row[]).flatMap((r) => r.fixtures as Row[]));
    expect(fixtures.map((f) => f.id)).toContain(fixture.id);
    const ofTeam = (f: Row) => (f.participants as { id: number }[]).some((p) => p.id === homeTeamId);
    expect(fixtures.every(ofTeam)).toBe(true);
    const current = data(await page(sim, `/v3/football/schedules/teams/${homeTeamId}`));
    expect(current.map((stage) => stage.season_id)).toContain(seasonId);
    expect((await call(sim, `/v3/football/schedules/seasons/${seasonId}/teams/999999999`)).body.message).toMatch(/^No result/);
    expect((await call(sim, '/v3/football/schedules/teams/999999999')).body.message).toMatch(/^No result/);
  });

  it('serves standings after a round and the live table of a league, with participants; no corrections', async () => {
    const afterRound = data(await page(sim, `/v3/football/standings/rounds/${roundId}?include=participant;league;season;stage;round`));
    expect(afterRound.length).toBeGreaterThan(0);
    expect(afterRound[0]).toMatchObject({ season_id: seasonId, league: { id: fixture.league_id }, season: { id: seasonId }, stage: { id: stageId } });
    expect(afterRound.every((row) => (row.participant as Row).id === row.participant_id)).toBe(true);
    const live = data(await page(sim, `/v3/football/standings/live/leagues/${String(fixture.league_id)}`));
    expect(live.map((row) => row.season_id)).toEqual(live.map(() => seasonId));
    expect((await call(sim, `/v3/football/standings/corrections/seasons/${seasonId}`)).body.message).toMatch(/^No result/);
    expect((await call(sim, '/v3/football/standings/rounds/999999999')).body.message).toMatch(/^No result/);
    expect((await call(sim, '/v3/football/standings/live/leagues/999999999')).body.message).toMatch(/^No result/);
  });
});

describe('includes nested in reference data', () => {
  it('nests a league’s seasons, a season’s league, stages, rounds, teams and fixtures, a team’s venue', async () => {
    const league = data(await page(sim, `/v3/football/leagues/${String(fixture.league_id)}?include=seasons`))[0];
    expect((league?.seasons as Row[]).map((s) => s.id)).toContain(seasonId);
    const season = data(await page(sim, `/v3/football/seasons/${seasonId}?include=league;stages;rounds;teams;fixtures`))[0];
    expect(season).toMatchObject({ league: { id: fixture.league_id } });
    expect((season?.stages as Row[]).map((s) => s.id)).toEqual(stages(seasonId));
    expect((season?.rounds as Row[]).map((r) => r.id)).toContain(roundId);
    expect((season?.teams as Row[]).map((t) => t.id)).toContain(homeTeamId);
    expect((season?.fixtures as Row[]).map((f) => f.id)).toContain(fixture.id);
    const team = data(await page(sim, `/v3/football/teams/${homeTeamId}?include=venue`))[0];
    expect(team?.venue === null || (team?.venue as Row).id === team?.venue_id).toBe(true);
  });

  it('nests a fixture’s venue, league, season, stage and round', async () => {
    const got = data(await page(sim, `/v3/football/fixtures/${String(fixture.id)}?include=venue;league;season;stage;round`))[0];
    expect(got).toMatchObject({ league: { id: fixture.league_id }, season: { id: seasonId }, stage: { id: stageId }, round: { id: roundId } });
    expect(got?.venue === null || (got?.venue as Row).id === fixture.venue_id).toBe(true);
  });
});

describe('a league the plan does not cover', () => {
  it('is refused with 403 when asked for by its rounds, stages, live table or schedule', async () => {
    const ds = refusing.dataset();
    const season = ds.seasons.find((s) => s.league_id === DENIED && s.is_current);
    const denied = ds.fixtures.find((f) => f.season_id === season?.id);
    expect(denied).toBeDefined();
    const team = (denied?.participants as { id: number }[] | undefined)?.[0];
    for (const path of [
      `/v3/football/seasons/${String(season?.id)}`,
      `/v3/football/teams/${String(team?.id)}`,
      `/v3/football/rounds/${String(denied?.round_id)}`,
      `/v3/football/stages/${String(denied?.stage_id)}`,
      `/v3/football/standings/rounds/${String(denied?.round_id)}`,
      `/v3/football/standings/live/leagues/${DENIED}`,
      `/v3/football/schedules/seasons/${String(season?.id)}`,
    ]) {
      expect((await call(refusing, path)).status, path).toBe(403);
    }
  });
});

describe('livescores and days', () => {
  it('serves fixtures by day and between two days for a team, and the livescores lists', async () => {
    const day = String(fixture.starting_at).slice(0, 10);
    const onDay = data(await page(sim, `/v3/football/fixtures/date/${day}?per_page=50`));
    expect(onDay.every((f) => String(f.starting_at).startsWith(day))).toBe(true);
    const forTeam = data(await page(sim, `/v3/football/fixtures/between/${day}/${day}/${homeTeamId}`));
    expect(forTeam.map((f) => f.id)).toContain(fixture.id);
    for (const path of ['/v3/football/livescores', '/v3/football/livescores/inplay', '/v3/football/livescores/latest']) {
      const answer = await call(sim, path);
      expect(answer.status, path).toBe(200);
      expect(answer.body, path).toHaveProperty('rate_limit');
    }
    expect((await call(sim, '/v3/football/fixtures/date/2026-02-30')).status).toBe(400);
  });
});
