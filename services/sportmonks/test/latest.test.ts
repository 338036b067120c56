// updated=latest: the fixtures SportMonks changed in the last seconds, as they are now.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '@insightxi/sportmonks-sim';
import type { Fixture } from '@insightxi/contracts';
import { normalizeFixture } from '../src/mapping/normalize.ts';
import { getPage, testFetcher, type TestFetcher } from './support/harness.ts';

let sim: Simulator;
let fetcher: TestFetcher;

beforeAll(async () => {
  sim = await startSimulator({ port: 0, seed: 7, clock: { speed: 0 } });
  fetcher = await testFetcher(sim.url);
});

afterAll(async () => {
  await fetcher.app.close();
  await sim.close();
});

describe('GET /fixtures?updated=latest', () => {
  it('returns the fixtures changed in the last seconds, as they are now, in one unpaginated call', async () => {
    // Move the simulated clock in 5 s steps until a live fixture changes.
    let changed: number[] = [];
    for (let step = 0; step < 10_000 && changed.length === 0; step++) {
      const moved = sim.advanceClock(5_000);
      if (moved.fixtureIds.length > 0) {
        const deleted = new Set(sim.dataset().deletedFixtures.map((f) => f.id as number));
        changed = moved.fixtureIds.filter((id) => !deleted.has(id));
      }
    }
    expect(changed.length).toBeGreaterThan(0);

    const { status, body } = await getPage<Fixture>(fetcher.app, 'fixtures', { updated: 'latest' });
    expect(status).toBe(200);
    expect(body.next).toBeNull();
    expect(body.upstream.calls).toBe(1);
    expect(body.data.map((f) => f.id).sort((a, b) => a - b)).toEqual([...changed].sort((a, b) => a - b));
    const now = new Map(sim.dataset().fixtures.map((f) => [f.id as number, f]));
    for (const fixture of body.data) {
      const expected = normalizeFixture(now.get(fixture.id));
      expect(expected.ok && expected.record).toEqual(fixture);
    }
  });
});
