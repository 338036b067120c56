// Walking every entity against the simulator returns exactly its dataset.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Dataset, type Simulator } from '@insightxi/sportmonks-sim';
import type { Fixture, Standing, Team } from '@insightxi/contracts';
import { NORMALIZERS } from '../src/mapping/normalize.ts';
import type { EntityName } from '../src/scope.ts';
import { getPage, testFetcher, walk, type TestFetcher } from './support/harness.ts';

const TOKEN = 'sm-test-token-7f3a9c';

let sim: Simulator;
let fetcher: TestFetcher;
let truth: Dataset;

beforeAll(async () => {
  // A frozen clock: the dataset does not move while we walk it.
  sim = await startSimulator({ port: 0, seed: 7, token: TOKEN, clock: { speed: 0 } });
  fetcher = await testFetcher(sim.url, { SPORTMONKS_API_TOKEN: TOKEN });
  truth = sim.dataset();
});

afterAll(async () => {
  await fetcher.app.close();
  await sim.close();
});

function expected(entity: EntityName, records: unknown[]): unknown[] {
  return records
    .map((raw) => {
      const out = NORMALIZERS[entity](raw);
      if (!out.ok) throw new Error(`the ground truth does not normalize: ${out.reason}`);
      return out.record;
    })
    .sort((a, b) => (a as { id: number }).id - (b as { id: number }).id);
}

const byId = <T extends { id: number }>(records: T[]): T[] => [...records].sort((a, b) => a.id - b.id);
const seasonIds = () => truth.seasons.map((s) => s.id as number).join(',');

describe('a walk of every entity', () => {
  it.each([
    ['states', {}, () => truth.states],
    ['leagues', {}, () => truth.leagues],
    ['seasons', {}, () => truth.seasons],
    ['venues', {}, () => truth.venues],
    ['teams', {}, () => truth.teams],
  ] as const)('%s: exactly the simulator’s records, nothing rejected', async (entity, query, records) => {
    const result = await walk<{ id: number }>(fetcher.app, entity, query);
    expect(result.rejected).toEqual([]);
    expect(byId(result.data)).toEqual(expected(entity, records()));
  });

  it('fixtures of every season from the season schedules: one call per season', async () => {
    const result = await walk<Fixture>(fetcher.app, 'fixtures', { seasons: seasonIds() });
    expect(result.rejected).toEqual([]);
    expect(result.calls).toBe(truth.seasons.length);
    expect(byId(result.data)).toEqual(expected('fixtures', truth.fixtures));

    // The fields that matter, checked against the raw truth independently of our mapping.
    const raw = new Map(truth.fixtures.map((f) => [f.id as number, f]));
    for (const fixture of result.data) {
      const source = raw.get(fixture.id) as { participants: { id: number; placeholder: boolean; meta: { location: string } }[]; scores: { description: string; score: { goals: number; participant: string } }[]; starting_at_timestamp: number };
      const home = source.participants.find((p) => p.meta.location === 'home');
      expect(fixture.homeTeamId).toBe(home?.placeholder ? null : home?.id);
      expect(fixture.homeGoals).toBe(source.scores.find((s) => s.description === 'CURRENT' && s.score.participant === 'home')?.score.goals ?? null);
      expect(fixture.startingAt).toBe(new Date(source.starting_at_timestamp * 1000).toISOString());
    }
  });

  it('the same fixtures through 100-day date windows, and through multi by id', async () => {
    const times = truth.fixtures.map((f) => (f.starting_at as string).slice(0, 10)).sort();
    const windows = await walk<Fixture>(fetcher.app, 'fixtures', { from: times[0] ?? '', to: times.at(-1) ?? '' });
    expect(windows.rejected).toEqual([]);
    expect(byId(windows.data)).toEqual(expected('fixtures', truth.fixtures));

    const ids = truth.fixtures.slice(0, 120).map((f) => f.id as number);
    const multi = await walk<Fixture>(fetcher.app, 'fixtures', { ids: ids.join(',') });
    expect(multi.calls).toBe(3);
    expect(multi.data.map((f) => f.id).sort((a, b) => a - b)).toEqual([...ids].sort((a, b) => a - b));
  });

  it('deleted fixtures come flagged deleted', async () => {
    const times = truth.fixtures.map((f) => (f.starting_at as string).slice(0, 10)).sort();
    const result = await walk<Fixture>(fetcher.app, 'fixtures', { from: times[0] ?? '', to: times.at(-1) ?? '', deleted: true });
    expect(result.data.map((f) => f.id).sort((a, b) => a - b)).toEqual(truth.deletedFixtures.map((f) => f.id as number).sort((a, b) => a - b));
    expect(result.data.every((f) => f.deleted)).toBe(true);
  });

  it('standings of every season with played/won/… from the details', async () => {
    const result = await walk<Standing>(fetcher.app, 'standings', { seasons: seasonIds() });
    expect(result.rejected).toEqual([]);
    expect(byId(result.data)).toEqual(expected('standings', truth.standings));
    expect(result.data.every((s) => s.played !== null && s.won !== null && s.goalsFor !== null)).toBe(true);
  });

  it('teams by season come from /teams/seasons', async () => {
    const season = truth.seasons[0]?.id as number;
    const result = await walk<Team>(fetcher.app, 'teams', { seasons: String(season) });
    expect(result.calls).toBe(1);
    expect(result.data.length).toBeGreaterThan(0);
  });

  it('records by id: one call per id, the cursor shrinking as the ids are fetched', async () => {
    const ids = truth.teams.slice(0, 3).map((t) => t.id as number);
    const first = await getPage<Team>(fetcher.app, 'teams', { ids: ids.join(',') });
    const cursor = JSON.parse(Buffer.from(first.body.next ?? '', 'base64url').toString()) as { q: { ids: number[] } };
    expect(cursor.q.ids).toEqual(ids.slice(1));
    const result = await walk<Team>(fetcher.app, 'teams', { ids: ids.join(',') });
    expect(result.calls).toBe(3);
    expect(result.data.map((t) => t.id)).toEqual(ids);
  });

  it('never lets the token reach the logs', () => {
    const text = fetcher.logs.text();
    expect(text).toContain('SportMonks call');
    expect(text).not.toContain(TOKEN);
  });
});

describe('errors', () => {
  it('says the token was refused when SportMonks answers 401', async () => {
    const wrong = await testFetcher(sim.url, { SPORTMONKS_API_TOKEN: 'not-the-token' });
    const { status, body } = await getPage(wrong.app, 'leagues', {});
    expect(status).toBe(502);
    expect(body.message).toMatch(/refused the API token \(401/);
    expect(body).toMatchObject({ upstreamStatus: 401 });
    expect(JSON.stringify(body)).not.toContain('not-the-token');
    // The refused call held the entity's only slot: it must come back, not block the next call.
    const again = await getPage(wrong.app, 'leagues', {});
    expect(again.status).toBe(502);
    await wrong.app.close();
  });

  it('names the upstream status and the include when the plan refuses a resource (403)', async () => {
    const denied = await startSimulator({ port: 0, seed: 7, token: TOKEN, clock: { speed: 0 }, deniedLeagues: [501] });
    const season = denied.dataset().seasons.find((s) => s.league_id === 501)?.id as number;
    const other = await testFetcher(denied.url, { SPORTMONKS_API_TOKEN: TOKEN });
    const { status, body } = await getPage(other.app, 'standings', { seasons: String(season) });
    expect(status).toBe(502);
    expect(body.message).toMatch(/403, code 5007/);
    expect(body).toMatchObject({ upstreamStatus: 403 });
    expect(body.message).toMatch(/include "details"/);
    await other.app.close();
    await denied.close();
  });

  it('names the include when the plan does not cover it (403, code 5002)', async () => {
    const limited = await startSimulator({ port: 0, seed: 7, token: TOKEN, clock: { speed: 0 }, deniedIncludes: ['scores'] });
    const other = await testFetcher(limited.url, { SPORTMONKS_API_TOKEN: TOKEN });
    const { status, body } = await getPage(other.app, 'fixtures', { from: '2025-01-01', to: '2025-01-31' });
    expect(status).toBe(502);
    expect(body.message).toMatch(/403, code 5002/);
    expect(body.message).toMatch(/include "participants;scores"/);
    await other.app.close();
    await limited.close();
  });

  it('refuses a season-bound walk without seasons with 400 naming what it needs', async () => {
    for (const entity of ['stages', 'groups', 'aggregates', 'standings'] as const) {
      const { status, body } = await getPage(fetcher.app, entity, {});
      expect({ entity, status, message: body.message }).toEqual({ entity, status: 400, message: `${entity} need seasons` });
    }
    expect((await getPage(fetcher.app, 'stages', { seasons: 'x' })).status).toBe(400);
  });

  it('reads the core dictionaries page by page', async () => {
    const types = await getPage(fetcher.app, 'types', {});
    expect(types.status).toBe(200);
    expect(types.body.data).toHaveLength(50);
    expect(types.body.next).not.toBeNull();
    const countries = await getPage(fetcher.app, 'countries', {});
    expect(countries.body.data.length).toBeGreaterThan(0);
  });

  it('refuses a cursor of another entity with 400', async () => {
    const first = await getPage(fetcher.app, 'states', {});
    const { status } = await getPage(fetcher.app, 'fixtures', { cursor: first.body.next ?? 'x' });
    expect(status).toBe(400);
  });
});
