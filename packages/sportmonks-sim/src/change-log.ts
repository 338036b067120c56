// What changed when: every fixture change the clock applies, stamped with its simulated time and
// the fixture as the API serves it right after (with participants, scores and its match events;
// a deleted one in state 20). Benchmarks measure from it how long each change takes to be visible in MySQL. Kept
// only when asked for: it grows with every change.
import { parseIncludes } from './includes.ts';
import type { Serializer } from './serialize.ts';
import type { World } from './world.ts';

export interface FixtureChange {
  /** Simulated time of the change, unix ms. */
  atMs: number;
  fixtureId: number;
  /** The fixture after the change, in SportMonks' shape (`include=participants;scores;events`). */
  fixture: Record<string, unknown>;
}

export function recordChanges(world: World, ser: Serializer): FixtureChange[] {
  const parsed = parseIncludes('participants;scores;events', 'fixture');
  if (!parsed.ok) throw new Error(parsed.message);
  const log: FixtureChange[] = [];
  world.onFixtureChange = (atMs, fixture) => {
    log.push({ atMs, fixtureId: fixture.id, fixture: JSON.parse(ser.fixture(fixture, parsed.tree)) as Record<string, unknown> });
  };
  return log;
}
