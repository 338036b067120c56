// A long walk on a small budget: it pauses at the limit, resumes after the reset, and SportMonks
// (the simulator) never has to answer 429. The simulator's clock stands still and is moved to each
// reset the fetcher waits for, so a loaded machine cannot let an hour pass before the budget is spent.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '@insightxi/sportmonks-sim';
import type { RateLimitsResponse } from '@insightxi/contracts';
import type { DrivenClock } from '../src/clock.ts';
import { INTERNAL_TOKEN, drive, drivenSimulatorClock, testFetcher, walk, type TestFetcher } from './support/harness.ts';

const BUDGET = 5;

let sim: Simulator;
let clock: DrivenClock;
let fetcher: TestFetcher;

beforeAll(async () => {
  sim = await startSimulator({ port: 0, seed: 3, budgetPerHour: BUDGET, clock: { speed: 0 } });
  clock = drivenSimulatorClock(sim);
  fetcher = await testFetcher(sim.url, {}, clock);
});

afterAll(async () => {
  await fetcher.app.close();
  await sim.close();
});

describe('the hourly budget', () => {
  it('reports no rate-limit wait for calls the budget did not hold back', async () => {
    const response = await fetcher.app.inject({ url: '/states', headers: { authorization: `Bearer ${INTERNAL_TOKEN}` } });
    expect(response.statusCode).toBe(200);
    expect(response.json<{ upstream: { calls: number; waitedMs: number } }>().upstream).toMatchObject({ calls: 1, waitedMs: 0 });
  });

  it('is spent to the last call, waited out, and never overrun', async () => {
    // The smallest seasons (play-offs, a cup): each call stays short next to the fast clock.
    const ds = sim.dataset();
    const size = (id: number): number => ds.fixtures.filter((f) => f.season_id === id).length;
    const seasons = ds.seasons
      .map((s) => s.id as number)
      .sort((a, b) => size(a) - size(b) || a - b)
      .slice(0, 2 * BUDGET + 1);
    expect(seasons).toHaveLength(2 * BUDGET + 1);
    const startedAt = sim.now();

    const walked = await drive(walk(fetcher.app, 'fixtures', { seasons: seasons.join(',') }), sim, clock);

    const stats = sim.stats();
    expect(stats.rateLimited).toBe(0);
    expect(stats.calls.Stage).toBe(seasons.length);
    expect(walked.pages).toBe(seasons.length);
    expect(walked.waitedMs).toBeGreaterThan(0);
    // 11 calls on 5 an hour: at least two resets waited for.
    expect(sim.now() - startedAt).toBeGreaterThanOrEqual(2 * 3_600_000);

    const limits = await fetcher.app.inject({ url: '/rate-limits', headers: { authorization: `Bearer ${INTERNAL_TOKEN}` } });
    const stage = limits.json<RateLimitsResponse>().entities.find((e) => e.entity === 'Stage');
    expect(stage).toBeDefined();
    expect(stage?.remaining).toBeGreaterThanOrEqual(0);
    expect(stage?.remaining).toBeLessThan(BUDGET);
  });

  it('a 429 pauses the entity until its reset instead of retrying into it', async () => {
    const get = () => fetcher.app.inject({ url: '/leagues', headers: { authorization: `Bearer ${INTERNAL_TOKEN}` } });
    expect((await get()).statusCode).toBe(200);
    const before = sim.stats().rateLimited;
    sim.setFaults({ rateLimitBurst: { rate: 1, length: 1 } });
    const pending = get();
    while (sim.stats().rateLimited === before) await new Promise((resolve) => setTimeout(resolve, 2));
    sim.setFaults({});

    const response = await drive(pending, sim, clock);
    expect(response.statusCode).toBe(200);
    // One 429, then a pause to the reset, then the call that worked: never a retry into the 429.
    expect(sim.stats().rateLimited - before).toBe(1);
    expect(response.json()).toMatchObject({ upstream: { calls: 2 } });
    expect(response.json<{ upstream: { waitedMs: number } }>().upstream.waitedMs).toBeGreaterThan(0);
  });
});
