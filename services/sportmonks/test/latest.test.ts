// updated=latest: the fixtures SportMonks changed in the last seconds, as they are now.
import { describe, expect, it } from 'vitest';
import type { Fixture } from '@insightxi/contracts';
import { normalizeFixture } from '../src/mapping/normalize.ts';
import { INTERNAL_TOKEN, getPage, simulatedFetcher } from './support/harness.ts';

const stack = simulatedFetcher({ seed: 7, clock: { speed: 0 } });

describe('GET /fixtures?updated=latest', () => {
  it('returns the fixtures changed in the last seconds, as they are now, in one unpaginated call', async () => {
    // Move the simulated clock in 5 s steps until a live fixture changes.
    let changed: number[] = [];
    for (let step = 0; step < 10_000 && changed.length === 0; step++) {
      const moved = stack.sim().advanceClock(5_000);
      if (moved.fixtureIds.length > 0) {
        const deleted = new Set(stack.sim().dataset().deletedFixtures.map((f) => f.id as number));
        changed = moved.fixtureIds.filter((id) => !deleted.has(id));
      }
    }
    expect(changed.length).toBeGreaterThan(0);

    const { status, body } = await getPage<Fixture>(stack.fetcher().app, 'fixtures', { updated: 'latest' });
    expect(status).toBe(200);
    expect(body.next).toBeNull();
    expect(body.upstream.calls).toBe(1);
    expect(body.data.map((f) => f.id).sort((a, b) => a - b)).toEqual([...changed].sort((a, b) => a - b));
    const now = new Map(stack.sim().dataset().fixtures.map((f) => [f.id as number, f]));
    for (const fixture of body.data) {
      const expected = normalizeFixture(now.get(fixture.id));
      expect(expected.ok && expected.record).toEqual(fixture);
    }
  });

  it('takes the live lane with priority=live, and names the field when the lane is unknown', async () => {
    const live = await getPage<Fixture>(stack.fetcher().app, 'fixtures', { updated: 'latest', priority: 'live' });
    expect(live.status).toBe(200);
    const calls = stack.sim().stats().calls.Fixture ?? 0;
    const wrong = await stack.fetcher().app.inject({ url: '/fixtures?updated=latest&priority=urgent', headers: { authorization: `Bearer ${INTERNAL_TOKEN}` } });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json<{ message: string }>().message).toMatch(/priority/);
    expect(stack.sim().stats().calls.Fixture ?? 0).toBe(calls);
  });
});
