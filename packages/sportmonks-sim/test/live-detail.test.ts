import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DetailDataset, Simulator } from '../src/index.ts';
import { currentScore, scoreFromEvents, type DetailFixture } from './detail-helpers.ts';
import { page, start } from './helpers.ts';

const MINUTE = 60_000;
const VAR = 10;

let sim: Simulator;
let truth: DetailDataset;
beforeAll(async () => {
  sim = await start({ leagues: 2 });
  truth = sim.detail();
});
afterAll(async () => {
  await sim.close();
});

async function fixture(id: number): Promise<DetailFixture> {
  return (await page(sim, `/v3/football/fixtures/${String(id)}?include=participants;scores;events;lineups;statistics`)).data as unknown as DetailFixture;
}

describe('match detail as the clock runs', () => {
  it('grows the events with the live score, and a goal VAR cancels appears and then disappears', async () => {
    const cancellation = truth.varCancellations.find((c) => Date.parse(c.scored_at) > sim.now() + 2 * 60 * MINUTE);
    expect(cancellation).toBeDefined();
    const id = cancellation?.fixture_id ?? 0;
    const scoredAt = Date.parse(cancellation?.scored_at ?? '');
    const cancelledAt = Date.parse(cancellation?.cancelled_at ?? '');
    const kickoff = Date.parse(`${((await fixture(id)) as unknown as { starting_at: string }).starting_at.replace(' ', 'T')}Z`);

    sim.advanceClock(kickoff - 30 * MINUTE - sim.now());
    const before = await fixture(id);
    expect(before.lineups.length).toBe(36);
    expect(before.events).toEqual([]);
    expect(before.statistics).toEqual([]);

    let seen = 0;
    let inWindow = new Set<number>();
    while (sim.now() < kickoff + 115 * MINUTE) {
      sim.advanceClock(MINUTE);
      const now = sim.now();
      const f = await fixture(id);
      const score = currentScore(f);
      expect(scoreFromEvents(f), new Date(now).toISOString()).toEqual(score);
      // Team statistics start with the first minute played.
      expect(f.statistics.length > 0, new Date(now).toISOString()).toBe(now >= kickoff + MINUTE);
      if (f.statistics.length > 0) expect(f.statistics.filter((s) => s.type_id === 45).reduce((sum, s) => sum + s.data.value, 0)).toBe(100);
      for (const location of ['home', 'away'] as const) {
        const onTarget = f.statistics.find((s) => s.type_id === 86 && s.location === location)?.data.value ?? 0;
        expect(onTarget).toBeGreaterThanOrEqual(score[location]);
      }
      if (now >= scoredAt && now < cancelledAt) inWindow = new Set(f.events.filter((e) => e.type_id === 14).map((e) => e.id));
      expect(f.events.some((e) => e.type_id === VAR)).toBe(now >= cancelledAt);
      // Only the cancellation takes an event away.
      if (now < cancelledAt || now >= cancelledAt + MINUTE) expect(f.events.length).toBeGreaterThanOrEqual(seen);
      seen = f.events.length;
    }
    const final = await fixture(id);
    expect(final.state_id).toBe(5);
    const finalGoals = new Set(final.events.filter((e) => e.type_id === 14).map((e) => e.id));
    expect([...inWindow].filter((goal) => !finalGoals.has(goal))).toHaveLength(1);
    const served = sim.detail({ fixtureIds: [id] }).fixtures[0] as unknown as DetailFixture;
    expect(final.events).toEqual(served.events);
    expect(sim.detail().varCancellations.some((c) => c.fixture_id === id)).toBe(false);
  });

  it('corrects a yellow card’s minute after the match: same event id, one minute later, the fixture reported as changed', async () => {
    const correction = sim.detail().minuteCorrections[0];
    expect(correction).toBeDefined();
    const id = correction?.fixture_id ?? 0;
    const at = Date.parse(correction?.at ?? '');
    sim.advanceClock(at - MINUTE - sim.now());
    const before = await fixture(id);
    expect([5, 7, 8]).toContain(before.state_id);
    const moved = sim.advanceClock(MINUTE);
    expect(moved.fixtureIds).toContain(id);
    const after = await fixture(id);
    const changed = after.events.filter((e) => {
      const was = before.events.find((b) => b.id === e.id);
      return JSON.stringify(was) !== JSON.stringify(e);
    });
    expect(changed).toHaveLength(1);
    const card = changed[0];
    expect(card?.type_id).toBe(19);
    expect(card?.minute).toBe((before.events.find((e) => e.id === card?.id)?.minute ?? 0) + 1);
    expect(after.events.map((e) => e.id).sort()).toEqual(before.events.map((e) => e.id).sort());
    expect(after.lineups).toEqual(before.lineups);
  });

  it('serves the same bytes for the same seed and clock', async () => {
    const other = await start({ leagues: 2 });
    try {
      const id = truth.fixtures[5]?.id as number;
      const path = `/v3/football/fixtures/${String(id)}?include=events.player;lineups.details;statistics;formations;referees.referee`;
      const [a, b] = await Promise.all([fetch(`${sim.url}${path}`, { headers: { authorization: 'demo' } }), fetch(`${other.url}${path}`, { headers: { authorization: 'demo' } })]);
      const [ta, tb] = await Promise.all([a.text(), b.text()]);
      const dataOf = (text: string): unknown => (JSON.parse(text) as { data: unknown }).data;
      expect(dataOf(ta)).toEqual(dataOf(tb));
    } finally {
      await other.close();
    }
  });
});
