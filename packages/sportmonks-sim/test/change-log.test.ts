// The change log (what changed when, and the fixture after it) and a scenario's own changes.
import { afterEach, describe, expect, it } from 'vitest';
import type { Simulator } from '../src/index.ts';
import { call, page, start, START } from './helpers.ts';

interface Fixture {
  id: number;
  state_id: number;
  placeholder: boolean;
  starting_at_timestamp: number;
  scores?: { description: string }[];
}

let sim: Simulator | undefined;
afterEach(async () => {
  await sim?.close();
});

const startMs = Date.parse(START);

function upcoming(s: Simulator): Fixture[] {
  return (s.dataset().fixtures as unknown as Fixture[])
    .filter((f) => f.state_id === 1 && !f.placeholder && f.starting_at_timestamp * 1000 > startMs + 3_600_000)
    .sort((x, y) => x.starting_at_timestamp - y.starting_at_timestamp);
}

describe('the change log', () => {
  it('stamps every change with its simulated time and the fixture after it, in order', async () => {
    sim = await start({ leagues: 2, seasonsPerLeague: 1, changeLog: true });
    const [fixture] = upcoming(sim);
    if (!fixture) throw new Error('no upcoming fixture');
    const kickoffMs = fixture.starting_at_timestamp * 1000;
    sim.advanceClock(kickoffMs - startMs + 2 * 3_600_000);

    const mine = sim.changes().filter((c) => c.fixtureId === fixture.id);
    // Kick-off, goals, half-time, second half, full-time: each at its own time, none before kick-off.
    expect(mine.length).toBeGreaterThanOrEqual(4);
    expect(mine[0]).toMatchObject({ atMs: kickoffMs, fixture: { id: fixture.id, state_id: 2 } });
    expect(mine.at(-1)).toMatchObject({ atMs: kickoffMs + 110 * 60_000, fixture: { state_id: 5 } });
    expect(mine.at(-1)?.fixture.scores).toEqual(expect.arrayContaining([expect.objectContaining({ description: 'CURRENT' })]));
    const times = sim.changes().map((c) => c.atMs);
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });

  it('is empty unless asked for', async () => {
    sim = await start({ leagues: 1, seasonsPerLeague: 1 });
    sim.advanceClock(3 * 24 * 3_600_000);
    expect(sim.changes()).toEqual([]);
  });
});

describe('injected changes', () => {
  it('postpone a fixture before its kick-off (it never plays) and delete another (it vanishes)', async () => {
    sim = await start({ leagues: 2, seasonsPerLeague: 1, changeLog: true });
    const [postponed, deleted] = upcoming(sim);
    if (!postponed || !deleted) throw new Error('two upcoming fixtures');
    const at = startMs + 60_000;
    sim.injectChange(at, postponed.id, 'postpone');
    sim.injectChange(at + 1_000, deleted.id, 'delete');
    expect(() => {
      sim?.injectChange(startMs, postponed.id, 'delete');
    }).toThrow(/ahead of the clock/);
    sim.advanceClock(postponed.starting_at_timestamp * 1000 - startMs + 3 * 3_600_000);

    expect(sim.changes().filter((c) => c.fixtureId === postponed.id).map((c) => c.fixture.state_id)).toEqual([10]);
    expect(sim.changes().find((c) => c.fixtureId === deleted.id)).toMatchObject({ atMs: at + 1_000, fixture: { state_id: 20 } });
    const one = await call(sim, `/v3/football/fixtures/${String(deleted.id)}`);
    expect(one.body).not.toHaveProperty('data');
    const gone = await call(sim, `/v3/football/fixtures/${String(deleted.id)}?filters=deleted`);
    expect(gone.body).toMatchObject({ data: { id: deleted.id, state_id: 20 } });
  });
});

describe('match events as changes of their fixture', () => {
  interface Served {
    events: { id: number; minute: number }[];
  }
  const keys = (events: { id: number; minute: number }[]): string =>
    events
      .map((e) => `${String(e.id)}:${String(e.minute)}`)
      .sort()
      .join(',');

  /** Through a match minute by minute: how often the events served differ from those its last change showed. */
  async function unreported(eventsTouchFixtures: boolean): Promise<{ samples: number; differing: number; eventChanges: number }> {
    sim = await start({ leagues: 2, seasonsPerLeague: 1, changeLog: true, eventsTouchFixtures });
    const [fixture] = upcoming(sim);
    if (!fixture) throw new Error('no upcoming fixture');
    const kickoffMs = fixture.starting_at_timestamp * 1000;
    sim.advanceClock(kickoffMs - startMs);
    let differing = 0;
    let samples = 0;
    while (sim.now() < kickoffMs + 115 * 60_000) {
      sim.advanceClock(60_000);
      const served = (await page(sim, `/v3/football/fixtures/${String(fixture.id)}?include=events`)).data as unknown as Served;
      const last = sim.changes().filter((c) => c.fixtureId === fixture.id).at(-1)?.fixture as unknown as Served | undefined;
      samples += 1;
      if (keys(served.events) !== keys(last?.events ?? [])) differing += 1;
    }
    const lists = sim.changes().filter((c) => c.fixtureId === fixture.id).map((c) => keys((c.fixture as unknown as Served).events));
    return { samples, differing, eventChanges: lists.filter((list, i) => list !== (lists[i - 1] ?? '')).length };
  }

  it('with eventsTouchFixtures, every card and substitution is a change at its minute: what is served is what the last change showed', async () => {
    const touching = await unreported(true);
    expect(touching.samples).toBeGreaterThan(100);
    expect(touching.differing).toBe(0);
    // Goals, cards and substitutions: more event changes than a match has goals.
    expect(touching.eventChanges).toBeGreaterThan(5);
  });

  it('without it only the score and the state are changes: a card shows with no change of its fixture', async () => {
    const plain = await unreported(false);
    expect(plain.differing).toBeGreaterThan(0);
  });
});
