import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dataset, Simulator } from '../src/index.ts';
import { start } from './helpers.ts';

let sim: Simulator;
let data: Dataset;
beforeAll(async () => {
  sim = await start();
  data = sim.dataset();
});
afterAll(async () => {
  await sim.close();
});

interface Fixture {
  id: number;
  season_id: number;
  league_id: number;
  state_id: number;
  venue_id: number | null;
  placeholder: boolean;
  starting_at: string;
  participants: { id: number; meta: { location: string } }[];
  scores: { description: string; score: { goals: number; participant: string } }[];
}

const fixtures = (): Fixture[] => data.fixtures as unknown as Fixture[];

describe('the default dataset', () => {
  it('has nine leagues (the free plan’s 271, 501, 513 and 1659 among them), three seasons each, the last one current', () => {
    expect(data.leagues.map((l) => l.id).sort((x, y) => Number(x) - Number(y))).toEqual([8, 82, 271, 384, 501, 513, 564, 1659, 1999]);
    for (const league of data.leagues) {
      const seasons = data.seasons.filter((s) => s.league_id === league.id);
      expect(seasons.map((s) => [s.finished, s.is_current])).toEqual([
        [true, false],
        [true, false],
        [false, true],
      ]);
    }
  });

  it('plays a double round-robin of 18 or 20 teams per season in the plain leagues', () => {
    const plain = new Set([8, 82, 564, 384]);
    for (const season of data.seasons.filter((s) => plain.has(s.league_id as number))) {
      const own = fixtures().filter((f) => f.season_id === season.id);
      const teams = new Set(own.flatMap((f) => f.participants.filter((p) => p.id < 990_000).map((p) => p.id)));
      expect(teams.size).toBeGreaterThanOrEqual(18);
      expect(teams.size).toBeLessThanOrEqual(20);
      expect(teams.size % 2).toBe(0);
      // Every ordered pair meets; only a fixture created in error and not yet deleted may repeat one.
      expect(own.length - teams.size * (teams.size - 1)).toBeGreaterThanOrEqual(0);
      expect(own.length - teams.size * (teams.size - 1)).toBeLessThanOrEqual(season.is_current ? 1 : 0);
    }
  });

  it('holds the mess: postponed, cancelled, placeholder, no venue, deleted', () => {
    const states = new Set(fixtures().map((f) => f.state_id));
    expect(states.has(10)).toBe(true);
    expect(states.has(12)).toBe(true);
    expect(fixtures().some((f) => f.placeholder && f.participants.every((p) => p.id >= 990_000))).toBe(true);
    expect(fixtures().some((f) => f.venue_id === null)).toBe(true);
    expect(data.deletedFixtures.length).toBeGreaterThan(0);
    expect(data.deletedFixtures.every((f) => f.state_id === 20)).toBe(true);
  });

  it('gives finished fixtures CURRENT, 1ST_HALF and 2ND_HALF scores that add up', () => {
    for (const fixture of fixtures().filter((f) => f.state_id === 5)) {
      const goals = (description: string, side: string): number =>
        fixture.scores.find((s) => s.description === description && s.score.participant === side)?.score.goals ?? -1;
      for (const side of ['home', 'away']) {
        expect(goals('CURRENT', side)).toBe(goals('2ND_HALF', side));
        expect(goals('1ST_HALF', side) + goals('2ND_HALF_ONLY', side)).toBe(goals('CURRENT', side));
      }
    }
    expect(fixtures().filter((f) => f.state_id === 1).every((f) => f.scores.length === 0)).toBe(true);
  });
});
