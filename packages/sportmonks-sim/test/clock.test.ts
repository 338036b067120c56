import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Simulator } from '../src/index.ts';
import { call, page, start, START } from './helpers.ts';

interface Fixture {
  id: number;
  state_id: number;
  name: string;
  placeholder: boolean;
  starting_at_timestamp: number;
  participants: { id: number; name: string; meta: { location: string } }[];
  scores: { description: string; score: { goals: number; participant: string } }[];
}

let sim: Simulator;
beforeEach(async () => {
  // Two leagues (271 with its renamed team, 501), the current season only: all the clock needs.
  sim = await start({ leagues: 2, seasonsPerLeague: 1 });
});
afterEach(async () => {
  await sim.close();
});

const fixtures = (): Fixture[] => sim.dataset().fixtures as unknown as Fixture[];
const startMs = Date.parse(START);

function nextKickoff(): Fixture {
  const upcoming = fixtures()
    .filter((f) => f.state_id === 1 && !f.placeholder && f.starting_at_timestamp * 1000 > startMs + 3_600_000)
    .sort((x, y) => x.starting_at_timestamp - y.starting_at_timestamp);
  const first = upcoming[0];
  if (!first) throw new Error('no upcoming fixture');
  return first;
}

describe('the simulated clock', () => {
  it('kicks fixtures off, shows them in fixtures/latest for 10 seconds, and finishes them', async () => {
    const fixture = nextKickoff();
    const kickoffMs = fixture.starting_at_timestamp * 1000;
    const moved = sim.advanceClock(kickoffMs - startMs + 5_000);
    expect(moved.fixtureIds).toContain(fixture.id);

    const latest = await page(sim, '/v3/football/fixtures/latest?include=state');
    expect(latest).not.toHaveProperty('pagination');
    const live = latest.data?.find((f) => f.id === fixture.id);
    expect(live?.state_id).toBe(2);

    sim.advanceClock(20_000);
    const later = await call(sim, '/v3/football/fixtures/latest?include=state');
    expect(((later.body.data ?? []) as { id: number }[]).map((f) => f.id)).not.toContain(fixture.id);

    sim.advanceClock(3 * 3_600_000);
    const done = fixtures().find((f) => f.id === fixture.id);
    expect(done?.state_id).toBe(5);
    expect(done?.scores.filter((s) => s.description === 'CURRENT')).toHaveLength(2);
  });

  it('moves time on its own at the given speed', async () => {
    const fast = await start({ leagues: 1, seasonsPerLeague: 1, clock: { start: START, speed: 3600 } });
    try {
      const before = fast.now();
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(fast.now() - before).toBeGreaterThanOrEqual(50 * 3600 * 0.9);
    } finally {
      await fast.close();
    }
  });

  it('within three simulated days postpones, reschedules, cancels, fills placeholders, renames a team and deletes fixtures', async () => {
    const before = fixtures();
    const deletedBefore = sim.dataset().deletedFixtures.length;
    const moved = sim.advanceClock(3 * 86_400_000);
    const after = fixtures();
    const byId = new Map(before.map((f) => [f.id, f]));

    expect(before.some((f) => f.placeholder)).toBe(true);
    expect(after.some((f) => f.placeholder)).toBe(false);
    const filled = after.filter((f) => byId.get(f.id)?.placeholder);
    expect(filled.every((f) => f.participants.every((p) => p.id < 990_000))).toBe(true);

    const rescheduled = after.filter((f) => {
      const old = byId.get(f.id);
      return old !== undefined && old.starting_at_timestamp !== f.starting_at_timestamp;
    });
    expect(rescheduled.length).toBeGreaterThan(0);
    expect(after.filter((f) => f.state_id === 12).length).toBeGreaterThan(before.filter((f) => f.state_id === 12).length);

    const dataset = sim.dataset();
    expect(dataset.deletedFixtures.length).toBeGreaterThan(deletedBefore);
    const gone = dataset.deletedFixtures.find((f) => moved.fixtureIds.includes(Number(f.id)));
    expect(gone).toBeDefined();
    const byIdAnswer = await call(sim, `/v3/football/fixtures/${String(gone?.id)}`);
    expect(byIdAnswer.body).not.toHaveProperty('data');
    const deletedAnswer = await page(sim, `/v3/football/fixtures/${String(gone?.id)}?filters=deleted`);
    expect((deletedAnswer.data as unknown as { state_id: number }).state_id).toBe(20);

    expect(moved.teamIds).toHaveLength(1);
    const team = await page(sim, `/v3/football/teams/${String(moved.teamIds[0])}`);
    expect((team.data as unknown as { name: string }).name).toMatch(/Sporting Club$/);
  });

  it('never serves a page built before the clock changed it', async () => {
    const fixture = nextKickoff();
    const path = `/v3/football/fixtures/${String(fixture.id)}`;
    expect(((await page(sim, path)).data as unknown as { state_id: number }).state_id).toBe(1);
    sim.advanceClock(fixture.starting_at_timestamp * 1000 - startMs + 60_000);
    expect(((await page(sim, path)).data as unknown as { state_id: number }).state_id).toBe(2);
  });

  it('moves the clock through POST /__sim/clock', async () => {
    const response = await fetch(`${sim.url}/__sim/clock`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ advanceMs: 86_400_000 }),
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { now: string; fixtureIds: number[] };
    expect(body.now).toBe('2026-11-24T12:00:00.000Z');
    expect(body.fixtureIds.length).toBeGreaterThan(0);
  });
});
