import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Simulator } from '../src/index.ts';
import { call, page, start, walk } from './helpers.ts';

let sim: Simulator;
beforeAll(async () => {
  sim = await start();
});
afterAll(async () => {
  await sim.close();
});

describe('envelope and auth', () => {
  it('answers a paginated list with data, pagination, subscription, rate_limit and timezone', async () => {
    const answer = await call(sim, '/v3/football/leagues');
    expect(answer.status).toBe(200);
    expect(Object.keys(answer.body)).toEqual(['data', 'pagination', 'subscription', 'rate_limit', 'timezone']);
    const p = answer.body as { pagination: Record<string, unknown>; rate_limit: Record<string, unknown>; timezone: string };
    expect(Object.keys(p.pagination)).toEqual(['count', 'per_page', 'current_page', 'next_page', 'has_more', 'next_cursor']);
    expect(p.rate_limit.requested_entity).toBe('League');
    expect(p.timezone).toBe('UTC');
  });

  it('accepts the token as api_token and refuses a missing or wrong one with 401', async () => {
    expect((await call(sim, '/v3/football/states?api_token=demo', {})).status).toBe(200);
    const missing = await call(sim, '/v3/football/states', {});
    expect(missing.status).toBe(401);
    expect(missing.body).toEqual({ message: 'Unauthenticated.' });
    expect((await call(sim, '/v3/football/states', { authorization: 'wrong' })).status).toBe(401);
    expect((await call(sim, '/v3/football/states?api_token=wrong', {})).status).toBe(401);
  });

  it('answers an unknown endpoint with 404 and the real message', async () => {
    const answer = await call(sim, '/v3/football/nothing-here');
    expect(answer.status).toBe(404);
    expect(answer.body).toEqual({ message: 'The requested endpoint does not exist' });
  });

  it('answers "nothing found" with 200, a message and no data key', async () => {
    const answer = await call(sim, '/v3/football/fixtures/1');
    expect(answer.status).toBe(200);
    expect(answer.body).not.toHaveProperty('data');
    expect(answer.body.message).toMatch(/^No result\(s\) found/);
    expect(answer.body).toHaveProperty('rate_limit');
  });

  it('has no pagination key on multi, by-season and schedule endpoints', async () => {
    const [first, second] = sim.dataset().fixtures;
    const multi = await call(sim, `/v3/football/fixtures/multi/${String(first?.id)},${String(second?.id)}`);
    expect((multi.body.data as unknown[]).length).toBe(2);
    expect(multi.body).not.toHaveProperty('pagination');
    const seasonId = String(first?.season_id);
    for (const path of [`/v3/football/teams/seasons/${seasonId}`, `/v3/football/standings/seasons/${seasonId}`, `/v3/football/schedules/seasons/${seasonId}`]) {
      const answer = await call(sim, path);
      expect(answer.status, path).toBe(200);
      expect(answer.body, path).not.toHaveProperty('pagination');
    }
  });

  it('returns up to 50 fixtures from multi and refuses more', async () => {
    const ids = sim.dataset().fixtures.slice(0, 51).map((f) => String(f.id));
    const fifty = await page(sim, `/v3/football/fixtures/multi/${ids.slice(0, 50).join(',')}?include=participants;scores`);
    expect(fifty.data).toHaveLength(50);
    const tooMany = await call(sim, `/v3/football/fixtures/multi/${ids.join(',')}`);
    expect(tooMany.status).toBe(400);
  });

  it('lists all 25 states with SportMonks ids, walking pages of 10 too', async () => {
    const first = await page(sim, '/v3/football/states');
    expect(first.data).toHaveLength(25);
    const all = await walk(sim, '/v3/football/states?per_page=10');
    expect(all.map((s) => s.id)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 25, 26]);
    expect(all.find((s) => s.id === 5)).toMatchObject({ developer_name: 'FT', is_final_standing_state: true });
  });
});

describe('includes', () => {
  it('serves participants with meta.location, scores with home/away goals and the state', async () => {
    const p = await page(sim, '/v3/football/fixtures?include=participants;scores;state&filters=fixtureStates:5&per_page=50');
    expect(p.data).toHaveLength(50);
    for (const fixture of p.data ?? []) {
      const participants = fixture.participants as { id: number; meta: { location: string; winner: boolean | null } }[];
      expect(participants.map((x) => x.meta.location).sort()).toEqual(['away', 'home']);
      const scores = fixture.scores as { type_id: number; participant_id: number; description: string; score: { goals: number; participant: string } }[];
      const current = scores.filter((s) => s.description === 'CURRENT');
      expect(current.map((s) => s.type_id)).toEqual([1525, 1525]);
      const half = scores.filter((s) => s.description === '1ST_HALF');
      expect(half).toHaveLength(2);
      const home = participants.find((x) => x.meta.location === 'home');
      expect(current.find((s) => s.score.participant === 'home')?.participant_id).toBe(home?.id);
      expect(fixture.state).toMatchObject({ id: 5, developer_name: 'FT' });
    }
  });

  it('serves fixtures exactly as the ground truth holds them', async () => {
    const truth = new Map(sim.dataset().fixtures.map((f) => [f.id, f]));
    const p = await page(sim, '/v3/football/fixtures?include=participants;scores&per_page=50&page=3');
    expect(p.data).toHaveLength(50);
    for (const fixture of p.data ?? []) expect(fixture).toEqual(truth.get(fixture.id));
  });

  it('nests includes with a dot and refuses unknown or too deep ones', async () => {
    const p = await page(sim, '/v3/football/fixtures?include=participants.venue&per_page=1');
    const participant = (p.data?.[0]?.participants as Record<string, unknown>[])[0];
    expect(participant?.venue).toHaveProperty('capacity');
    const unknown = await call(sim, '/v3/football/fixtures?include=sidelined');
    expect(unknown.status).toBe(400);
    expect(unknown.body.code).toBe(5001);
    const deep = await call(sim, '/v3/football/fixtures?include=round.stage.season.league');
    expect(deep.status).toBe(400);
    expect(deep.body.code).toBe(5008);
  });

  it('limits fields with select and keeps the id', async () => {
    const p = await page(sim, '/v3/football/fixtures?select=name,starting_at&per_page=3');
    expect(Object.keys(p.data?.[0] ?? {})).toEqual(['id', 'name', 'starting_at']);
  });

  it('converts starting_at when a timezone is asked, leaving the timestamp alone', async () => {
    const utc = await page(sim, '/v3/football/fixtures?per_page=1');
    const copenhagen = await page(sim, '/v3/football/fixtures?per_page=1&timezone=Europe/Copenhagen');
    expect(copenhagen.data?.[0]?.starting_at_timestamp).toBe(utc.data?.[0]?.starting_at_timestamp);
    expect(String(copenhagen.data?.[0]?.starting_at)).not.toBe(String(utc.data?.[0]?.starting_at));
    expect((await call(sim, '/v3/football/fixtures?timezone=Mars/Olympus')).status).toBe(400);
  });

  it('refuses an unknown filter', async () => {
    const answer = await call(sim, '/v3/football/fixtures?filters=fixtureColours:1');
    expect(answer.status).toBe(400);
    expect(answer.body.code).toBe(5010);
  });
});

describe('paging', () => {
  it('walks every fixture exactly once by cursor, and the same set by page', async () => {
    const truth = sim.dataset().fixtures.filter((f) => f.league_id === 271).map((f) => f.id);
    const byCursor = await walk(sim, '/v3/football/fixtures?filters=fixtureLeagues:271&per_page=50');
    expect(byCursor.map((f) => f.id)).toEqual(truth);
    const byPage: unknown[] = [];
    for (let n = 1; ; n++) {
      const p = await page(sim, `/v3/football/fixtures?filters=fixtureLeagues:271&per_page=50&page=${String(n)}`);
      byPage.push(...(p.data ?? []).map((f) => f.id));
      if (!p.pagination?.has_more) break;
    }
    expect(byPage).toEqual(truth);
  });

  it('walks backwards with order=desc, by cursor too', async () => {
    const truth = sim.dataset().fixtures.filter((f) => f.league_id === 501).map((f) => f.id).reverse();
    const walked = await walk(sim, '/v3/football/fixtures?filters=fixtureLeagues:501&order=desc&per_page=50');
    expect(walked.map((f) => f.id)).toEqual(truth);
  });

  it('returns only newer records with idAfter', async () => {
    const ids = sim.dataset().fixtures.map((f) => Number(f.id));
    const pivot = ids[ids.length - 30] ?? 0;
    const newer = await walk(sim, `/v3/football/fixtures?filters=idAfter:${String(pivot)}&per_page=50`);
    expect(newer.map((f) => f.id)).toEqual(ids.filter((id) => id > pivot));
  });

  it('caps per_page at 50, or 1000 with populate (which ignores includes)', async () => {
    const capped = await page(sim, '/v3/football/fixtures?per_page=500');
    expect(capped.pagination?.per_page).toBe(50);
    expect(capped.data).toHaveLength(50);
    const populated = await page(sim, '/v3/football/fixtures?filters=populate&include=participants');
    expect(populated.pagination?.per_page).toBe(1000);
    expect(populated.data).toHaveLength(1000);
    expect(populated.data?.[0]).not.toHaveProperty('participants');
  });

  it('keeps current_page at 1 when walking by cursor and gives a next_page URL that works', async () => {
    const first = await page(sim, '/v3/football/fixtures?per_page=5');
    expect(first.pagination?.next_page).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v3\/football\/fixtures\?per_page=5&page=2$/);
    const second = await page(sim, `/v3/football/fixtures?per_page=5&cursor=${first.pagination?.next_cursor ?? ''}`);
    expect(second.pagination?.current_page).toBe(1);
    const viaUrl = await fetch(second.pagination?.next_page ?? '', { headers: { authorization: 'demo' } });
    expect(viaUrl.status).toBe(200);
  });

  it('refuses offset paging past 20,000 rows with code 5003', async () => {
    expect((await call(sim, '/v3/football/fixtures?per_page=50&page=400')).status).toBe(200);
    const refused = await call(sim, '/v3/football/fixtures?per_page=50&page=401');
    expect(refused.status).toBe(400);
    expect(refused.body.code).toBe(5003);
  });
});

describe('schedules', () => {
  it('hold every live fixture of the season once, with participants and scores as the ground truth has them', async () => {
    const data = sim.dataset();
    const season = data.seasons.find((s) => s.is_current === true && s.league_id === 501);
    const truth = data.fixtures.filter((f) => f.season_id === season?.id);
    const answer = await page(sim, `/v3/football/schedules/seasons/${String(season?.id)}`);
    const stages = (answer.data ?? []) as unknown as { rounds: { fixtures: Record<string, unknown>[] }[] }[];
    const served = stages.flatMap((stage) => stage.rounds.flatMap((round) => round.fixtures));
    expect(served.map((f) => f.id).sort()).toEqual(truth.map((f) => f.id).sort());
    const byId = new Map(truth.map((f) => [f.id, f]));
    for (const fixture of served) expect(fixture).toEqual(byId.get(fixture.id));

    const team = (truth[0]?.participants as { id: number }[] | undefined)?.find((p) => p.id < 990_000)?.id;
    const teamAnswer = await page(sim, `/v3/football/schedules/seasons/${String(season?.id)}/teams/${String(team)}`);
    const teamStages = (teamAnswer.data ?? []) as unknown as { rounds: { fixtures: { participants: { id: number }[] }[] }[] }[];
    const teamFixtures = teamStages.flatMap((stage) => stage.rounds.flatMap((round) => round.fixtures));
    expect(teamFixtures.length).toBeGreaterThan(0);
    expect(teamFixtures.every((f) => f.participants.some((p) => p.id === team))).toBe(true);
  });
});

describe('deleted fixtures', () => {
  it('are listed only with filters=deleted, in state 20, and never in normal lists', async () => {
    const data = sim.dataset();
    const deleted = await walk(sim, '/v3/football/fixtures?filters=deleted&per_page=50');
    expect(deleted.map((f) => f.id)).toEqual(data.deletedFixtures.map((f) => f.id));
    expect(deleted.every((f) => f.state_id === 20)).toBe(true);
    const live = new Set(data.fixtures.map((f) => f.id));
    expect(deleted.some((f) => live.has(f.id))).toBe(false);
  });
});

describe('standings', () => {
  it('by round count only the fixtures up to that round; live standings follow the current season', async () => {
    const data = sim.dataset();
    const season = data.seasons.find((s) => s.finished === true);
    const firstRound = data.rounds.find((r) => r.season_id === season?.id);
    const table = await page(sim, `/v3/football/standings/rounds/${String(firstRound?.id)}?include=details`);
    const played = (table.data ?? []).map((row) => (row.details as { type_id: number; value: number }[]).find((d) => d.type_id === 129)?.value);
    expect(played.every((p) => p === 0 || p === 1)).toBe(true);
    expect(played.filter((p) => p === 1).length).toBeGreaterThan(0);

    const current = data.seasons.find((s) => s.league_id === 271 && s.is_current === true);
    const live = await page(sim, '/v3/football/standings/live/leagues/271');
    expect(live.rate_limit.requested_entity).toBe('LiveStanding');
    const bySeason = await page(sim, `/v3/football/standings/seasons/${String(current?.id)}`);
    expect(live.data).toEqual(bySeason.data);
  });
});

describe('fixtures by date', () => {
  it('refuses between ranges over 100 days and accepts exactly 100', async () => {
    const over = await call(sim, '/v3/football/fixtures/between/2026-08-01/2026-11-10');
    expect(over.status).toBe(400);
    expect(over.body.message).toMatch(/100 days/);
    const ok = await call(sim, '/v3/football/fixtures/between/2026-08-01/2026-11-09');
    expect(ok.status).toBe(200);
  });

  it('returns between a window exactly the fixtures whose UTC kick-off day falls in it', async () => {
    const truth = sim
      .dataset()
      .fixtures.filter((f) => String(f.starting_at) >= '2026-10-01' && String(f.starting_at) < '2026-10-16')
      .map((f) => f.id)
      .sort();
    const got = await walk(sim, '/v3/football/fixtures/between/2026-10-01/2026-10-15?per_page=50');
    expect(got.map((f) => f.id).sort()).toEqual(truth);
    const day = await walk(sim, '/v3/football/fixtures/date/2026-10-04');
    expect(day.every((f) => String(f.starting_at).startsWith('2026-10-04'))).toBe(true);
  });
});
