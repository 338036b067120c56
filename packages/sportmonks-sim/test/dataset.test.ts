import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DETAIL_TYPES, type Dataset, type Simulator } from '../src/index.ts';
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
  it('has six leagues including 271 and 501, three seasons each, the last one current', () => {
    expect(data.leagues.map((l) => l.id).sort((x, y) => Number(x) - Number(y))).toEqual([8, 82, 271, 384, 501, 564]);
    for (const league of data.leagues) {
      const seasons = data.seasons.filter((s) => s.league_id === league.id);
      expect(seasons.map((s) => [s.finished, s.is_current])).toEqual([
        [true, false],
        [true, false],
        [false, true],
      ]);
    }
  });

  it('plays a double round-robin of 12 to 20 teams per season', () => {
    for (const season of data.seasons) {
      const own = fixtures().filter((f) => f.season_id === season.id);
      const teams = new Set(own.flatMap((f) => f.participants.filter((p) => p.id < 990_000).map((p) => p.id)));
      expect(teams.size).toBeGreaterThanOrEqual(12);
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

describe('standings', () => {
  it('match a table computed from the finished fixtures (3/1/0; points, goal difference, goals for)', () => {
    for (const season of data.seasons) {
      const table = new Map<number, { played: number; won: number; drawn: number; lost: number; gf: number; ga: number; points: number }>();
      for (const fixture of fixtures().filter((f) => f.season_id === season.id && f.state_id === 5)) {
        const side = (location: string): number => fixture.participants.find((p) => p.meta.location === location)?.id ?? 0;
        const goals = (location: string): number =>
          fixture.scores.find((s) => s.description === 'CURRENT' && s.score.participant === location)?.score.goals ?? 0;
        for (const [me, mine, theirs] of [
          [side('home'), goals('home'), goals('away')],
          [side('away'), goals('away'), goals('home')],
        ] as const) {
          const row = table.get(me) ?? { played: 0, won: 0, drawn: 0, lost: 0, gf: 0, ga: 0, points: 0 };
          row.played++;
          row.gf += mine;
          row.ga += theirs;
          if (mine > theirs) {
            row.won++;
            row.points += 3;
          } else if (mine === theirs) {
            row.drawn++;
            row.points++;
          } else row.lost++;
          table.set(me, row);
        }
      }
      const rows = data.standings.filter((s) => s.season_id === season.id) as unknown as {
        participant_id: number;
        position: number;
        points: number;
        details: { type_id: number; value: number }[];
      }[];
      expect(rows.map((r) => r.position)).toEqual(rows.map((_, i) => i + 1));
      for (const [i, row] of rows.entries()) {
        const expected = table.get(row.participant_id) ?? { played: 0, won: 0, drawn: 0, lost: 0, gf: 0, ga: 0, points: 0 };
        const detail = (type: number): number | undefined => row.details.find((d) => d.type_id === type)?.value;
        expect(row.points).toBe(expected.points);
        expect(detail(DETAIL_TYPES.played)).toBe(expected.played);
        expect(detail(DETAIL_TYPES.won)).toBe(expected.won);
        expect(detail(DETAIL_TYPES.drawn)).toBe(expected.drawn);
        expect(detail(DETAIL_TYPES.lost)).toBe(expected.lost);
        expect(detail(DETAIL_TYPES.goalsFor)).toBe(expected.gf);
        expect(detail(DETAIL_TYPES.goalsAgainst)).toBe(expected.ga);
        const next = rows[i + 1];
        if (!next) continue;
        const key = (r: typeof row): [number, number, number] => {
          const d = (t: number): number => r.details.find((x) => x.type_id === t)?.value ?? 0;
          return [r.points, d(DETAIL_TYPES.goalDifference), d(DETAIL_TYPES.goalsFor)];
        };
        const [p1, gd1, gf1] = key(row);
        const [p2, gd2, gf2] = key(next);
        expect(p1 > p2 || (p1 === p2 && (gd1 > gd2 || (gd1 === gd2 && gf1 >= gf2)))).toBe(true);
      }
    }
  });
});
