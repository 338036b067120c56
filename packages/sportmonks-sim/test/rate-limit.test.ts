import { afterEach, describe, expect, it } from 'vitest';
import type { Simulator } from '../src/index.ts';
import { call, page, start } from './helpers.ts';

let sim: Simulator | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

describe('rate limits', () => {
  it('counts every call per entity, answers 429 with the real body after the budget, and resets after the simulated hour', async () => {
    sim = await start({ leagues: 2, seasonsPerLeague: 1, budgetPerHour: 5 });
    const remaining: number[] = [];
    for (let i = 0; i < 5; i++) remaining.push((await page(sim, '/v3/football/fixtures?include=participants;scores')).rate_limit.remaining);
    expect(remaining).toEqual([4, 3, 2, 1, 0]);

    const refused = await call(sim, '/v3/football/fixtures');
    expect(refused.status).toBe(429);
    expect(Object.keys(refused.body).sort()).toEqual(['link', 'message', 'reset_code']);
    expect(refused.body.message).toBe('You have reached your rate limit');
    // Other entities keep their own budget; by-id, multi and latest all spend Fixture's.
    const teams = await page(sim, '/v3/football/teams');
    expect(teams.rate_limit).toMatchObject({ remaining: 4, requested_entity: 'Team' });
    expect((await call(sim, '/v3/football/fixtures/latest')).status).toBe(429);

    sim.advanceClock(30 * 60_000);
    const stillRefused = await call(sim, '/v3/football/fixtures/multi/1,2');
    expect(stillRefused.status).toBe(429);
    const teamsLater = await page(sim, '/v3/football/teams');
    expect(teamsLater.rate_limit.resets_in_seconds).toBe(1800);

    sim.advanceClock(30 * 60_000);
    const fresh = await page(sim, '/v3/football/fixtures');
    expect(fresh.rate_limit).toMatchObject({ remaining: 4, resets_in_seconds: 3600, requested_entity: 'Fixture' });

    const stats = sim.stats();
    expect(stats.calls).toEqual({ Fixture: 6, Team: 2 });
    expect(stats.rateLimited).toBe(3);
  });

  it('does not charge refused calls (401, 400) against the budget', async () => {
    sim = await start({ leagues: 1, seasonsPerLeague: 1, budgetPerHour: 10 });
    await call(sim, '/v3/football/fixtures', {});
    await call(sim, '/v3/football/fixtures?include=nope');
    expect((await page(sim, '/v3/football/fixtures')).rate_limit.remaining).toBe(9);
  });

  it('names the entity charged by each endpoint', async () => {
    sim = await start({ leagues: 1, seasonsPerLeague: 1 });
    const seasonId = String(sim.dataset().seasons[0]?.id);
    const expected: [string, string][] = [
      ['/v3/football/leagues', 'League'],
      ['/v3/football/seasons', 'Season'],
      ['/v3/football/venues', 'Venue'],
      ['/v3/football/states', 'State'],
      [`/v3/football/standings/seasons/${seasonId}`, 'Standing'],
      [`/v3/football/schedules/seasons/${seasonId}`, 'Stage'],
      [`/v3/football/rounds/seasons/${seasonId}`, 'Round'],
    ];
    for (const [path, entity] of expected) expect((await page(sim, path)).rate_limit.requested_entity, path).toBe(entity);
  });
});

describe('plans', () => {
  it('refuses a denied league with 403 when asked directly and leaves it out of lists', async () => {
    sim = await start({ leagues: 2, seasonsPerLeague: 1, deniedLeagues: [501] });
    const denied = await call(sim, '/v3/football/leagues/501');
    expect(denied.status).toBe(403);
    expect(denied.body.code).toBe(5007);
    const seasonId = sim.dataset().seasons.find((s) => s.league_id === 501)?.id;
    expect((await call(sim, `/v3/football/standings/seasons/${String(seasonId)}`)).status).toBe(403);
    const leagues = await page(sim, '/v3/football/leagues');
    expect(leagues.data?.map((l) => l.id)).toEqual([271]);
    const fixtures = await page(sim, '/v3/football/fixtures?per_page=50&filters=fixtureLeagues:501');
    expect(fixtures.data).toBeUndefined();
    expect(fixtures.message).toMatch(/^No result/);
  });

  it('fails the whole call with 403 (code 5002) when an include is not in the plan, at any depth', async () => {
    sim = await start({ leagues: 1, seasonsPerLeague: 1, deniedIncludes: ['venue'] });
    const nested = await call(sim, '/v3/football/fixtures?include=participants.venue');
    expect(nested.status).toBe(403);
    expect(nested.body.code).toBe(5002);
    expect((await call(sim, '/v3/football/fixtures?include=participants;scores')).status).toBe(200);
  });

  it('sends subscription meta as [] on the free plan and as an object on a paid one', async () => {
    sim = await start({ leagues: 1, seasonsPerLeague: 1, plan: 'free' });
    const free = await call(sim, '/v3/football/states');
    expect((free.body.subscription as { meta: unknown }[])[0]?.meta).toEqual([]);
    await sim.close();
    sim = await start({ leagues: 1, seasonsPerLeague: 1 });
    const paid = await call(sim, '/v3/football/states');
    expect((paid.body.subscription as { meta: unknown }[])[0]?.meta).toHaveProperty('ends_at');
  });
});
