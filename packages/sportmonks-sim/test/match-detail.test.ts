import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Simulator } from '../src/index.ts';
import { chronological, currentScore, DETAIL_INCLUDE, GOAL, OWNGOAL, PENALTY, scoreFromEvents, side, type DetailFixture, type LineupJson } from './detail-helpers.ts';
import { start, walk } from './helpers.ts';

/** FT, AET, FT_PEN: the fixtures that were played to the end. */
const PLAYED = new Set([5, 7, 8]);
const SUBSTITUTION = 18;
const YELLOW = 19;
const RED = 20;
const YELLOWRED = 21;

let sim: Simulator;
let finished: DetailFixture[];
beforeAll(async () => {
  // 271, 501 and their play-offs 513 and 1659: 1,202 fixtures, one decided in extra time, two on penalties.
  sim = await start({ leagues: 4 });
  const all = (await walk(sim, `/v3/football/fixtures?per_page=50&include=${DETAIL_INCLUDE}`)) as unknown as DetailFixture[];
  finished = all.filter((f) => PLAYED.has(f.state_id));
}, 180_000);
afterAll(async () => {
  await sim.close();
});

const stat = (f: DetailFixture, location: 'home' | 'away', typeId: number): number =>
  f.statistics.find((s) => s.location === location && s.type_id === typeId)?.data.value ?? Number.NaN;

/** Who is on the pitch for `teamId` just after each event, replaying the timeline. */
function replay(f: DetailFixture, check: (event: DetailFixture['events'][number], onPitch: Set<number>, gone: Set<number>) => void): void {
  const onPitch = new Set(f.lineups.filter((l) => l.type_id === 11).map((l) => l.player_id));
  const gone = new Set<number>();
  for (const e of chronological(f.events)) {
    check(e, onPitch, gone);
    if (e.type_id === SUBSTITUTION && e.related_player_id !== null) {
      onPitch.delete(e.related_player_id);
      gone.add(e.related_player_id);
      onPitch.add(e.player_id);
    } else if (e.type_id === RED || e.type_id === YELLOWRED) {
      onPitch.delete(e.player_id);
      gone.add(e.player_id);
    }
  }
}

describe('match detail of every finished fixture', () => {
  it('covers a real number of finished fixtures, each with events, lineups, statistics, formations and referees', () => {
    expect(finished.length).toBeGreaterThan(500);
    for (const f of finished) {
      expect(f.lineups.length, String(f.id)).toBe(36);
      expect(f.statistics.length, String(f.id)).toBeGreaterThan(20);
      expect(f.formations.map((x) => x.location).sort()).toEqual(['away', 'home']);
      expect(f.referees.map((r) => r.type_id).sort()).toEqual([6, 7, 8, 9]);
    }
  });

  it('has goal events that add up exactly to the final score (own goals for the other side)', () => {
    let ownGoals = 0;
    for (const f of finished) {
      expect(scoreFromEvents(f), String(f.id)).toEqual(currentScore(f));
      ownGoals += f.events.filter((e) => e.type_id === OWNGOAL).length;
    }
    expect(ownGoals).toBeGreaterThan(0);
  });

  it('has extra-time goals in their own period and shoot-out kicks that match the shoot-out score but not the result', () => {
    const shootouts = finished.filter((f) => f.state_id === 8);
    expect(shootouts.length).toBeGreaterThan(0);
    for (const f of shootouts) {
      const kicks = f.events.filter((e) => e.type_id === 22 || e.type_id === 23);
      expect(new Set(kicks.map((e) => e.period_id)).size).toBe(1);
      expect(kicks.every((e) => e.result === null)).toBe(true);
      const rows = f.scores.filter((s) => s.description === 'PENALTY_SHOOTOUT');
      for (const location of ['home', 'away'] as const) {
        const scored = kicks.filter((e) => e.type_id === 23 && e.participant_id === side(f, location)).length;
        expect(scored, String(f.id)).toBe(rows.find((r) => r.score.participant === location)?.score.goals);
        expect(kicks.filter((e) => e.participant_id === side(f, location)).length).toBeGreaterThanOrEqual(5);
      }
    }
    for (const f of finished.filter((x) => x.state_id === 5)) {
      expect(f.events.some((e) => e.type_id === 22 || e.type_id === 23 || e.minute > 90)).toBe(false);
    }
    for (const f of finished.filter((x) => x.state_id !== 5)) {
      const late = f.events.filter((e) => e.minute > 90 && e.type_id !== 22 && e.type_id !== 23);
      const regular = f.events.filter((e) => e.minute <= 45);
      for (const e of late) expect(regular.some((r) => r.period_id === e.period_id)).toBe(false);
    }
  });

  it('writes the running score after each goal into result', () => {
    for (const f of finished) {
      const home = side(f, 'home');
      let h = 0;
      let a = 0;
      for (const e of chronological(f.events)) {
        if (e.type_id !== GOAL && e.type_id !== PENALTY && e.type_id !== OWNGOAL) {
          expect(e.result, `${String(f.id)} event ${String(e.id)}`).toBeNull();
          continue;
        }
        if (e.type_id === OWNGOAL ? e.participant_id !== home : e.participant_id === home) h++;
        else a++;
        expect(e.result, `${String(f.id)} event ${String(e.id)}`).toBe(`${String(h)}-${String(a)}`);
      }
    }
  });

  it('has scorers, assisters, booked and substituted players from that day’s lineup of their team, on the pitch at the time', () => {
    for (const f of finished) {
      const lineupOf = new Map<number, LineupJson>(f.lineups.map((l) => [l.player_id, l]));
      replay(f, (e, onPitch) => {
        const where = `${String(f.id)} event ${String(e.id)} type ${String(e.type_id)}`;
        expect(lineupOf.get(e.player_id)?.team_id, where).toBe(e.participant_id);
        if (e.type_id === SUBSTITUTION) {
          expect(lineupOf.get(e.player_id)?.type_id, `${where}: comes on from the bench`).toBe(12);
          expect(onPitch.has(e.player_id), `${where}: not already on`).toBe(false);
          expect(onPitch.has(e.related_player_id ?? -1), `${where}: goes off from the pitch`).toBe(true);
          expect(lineupOf.get(e.related_player_id ?? -1)?.team_id, where).toBe(e.participant_id);
        } else {
          expect(onPitch.has(e.player_id), `${where}: on the pitch`).toBe(true);
          if (e.related_player_id !== null) {
            expect(onPitch.has(e.related_player_id), `${where}: assister on the pitch`).toBe(true);
            expect(lineupOf.get(e.related_player_id)?.team_id, where).toBe(e.participant_id);
          }
        }
      });
    }
  });

  it('ends a player’s match with a red card: nothing more from him', () => {
    let reds = 0;
    for (const f of finished) {
      replay(f, (e, _onPitch, gone) => {
        if (e.type_id === RED || e.type_id === YELLOWRED) reds++;
        expect(gone.has(e.player_id), `${String(f.id)} event ${String(e.id)}`).toBe(false);
      });
      for (const e of f.events.filter((x) => x.type_id === YELLOWRED)) {
        expect(f.events.some((y) => y.type_id === YELLOW && y.player_id === e.player_id), `${String(f.id)}: a second yellow follows a first`).toBe(true);
      }
    }
    expect(reds).toBeGreaterThan(0);
  });

  it('lines up 11 starters per side with formation fields, and a bench without them', () => {
    for (const f of finished) {
      for (const location of ['home', 'away'] as const) {
        const teamId = side(f, location);
        const own = f.lineups.filter((l) => l.team_id === teamId);
        const starters = own.filter((l) => l.type_id === 11);
        const bench = own.filter((l) => l.type_id === 12);
        expect(starters.length).toBe(11);
        expect(bench.length).toBe(7);
        expect(starters.map((l) => l.formation_position).sort((x, y) => (x ?? 0) - (y ?? 0))).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
        expect(bench.every((l) => l.formation_field === null && l.formation_position === null)).toBe(true);
        expect(new Set(own.map((l) => l.jersey_number)).size).toBe(18);
        // The formation names the rows of outfield players: "4-2-3-1" → rows 2..5 hold 4, 2, 3, 1.
        const formation = f.formations.find((x) => x.participant_id === teamId)?.formation ?? '';
        const rows = new Map<string, number>();
        for (const l of starters) {
          const row = (l.formation_field ?? '').split(':')[0] ?? '';
          rows.set(row, (rows.get(row) ?? 0) + 1);
        }
        expect(rows.get('1')).toBe(1);
        expect(formation.split('-').map(Number)).toEqual(formation.split('-').map((_, i) => rows.get(String(i + 2))));
      }
    }
  });

  it('has possession summing to 100 and shots ≥ shots on target ≥ goals for each side', () => {
    for (const f of finished) {
      expect(stat(f, 'home', 45) + stat(f, 'away', 45), String(f.id)).toBe(100);
      const score = currentScore(f);
      for (const location of ['home', 'away'] as const) {
        const shots = stat(f, location, 42);
        const onTarget = stat(f, location, 86);
        expect(shots, String(f.id)).toBe(onTarget + stat(f, location, 41) + stat(f, location, 58));
        expect(shots).toBeGreaterThanOrEqual(onTarget);
        expect(onTarget, String(f.id)).toBeGreaterThanOrEqual(score[location]);
      }
    }
  });

  it('counts cards and substitutions in the statistics exactly as the events show them', () => {
    for (const f of finished) {
      for (const location of ['home', 'away'] as const) {
        const teamId = side(f, location);
        const count = (typeId: number): number => f.events.filter((e) => e.participant_id === teamId && e.type_id === typeId).length;
        expect(stat(f, location, 84), String(f.id)).toBe(count(YELLOW));
        expect(stat(f, location, 83)).toBe(count(RED));
        expect(stat(f, location, 85)).toBe(count(YELLOWRED));
        expect(stat(f, location, 59)).toBe(count(SUBSTITUTION));
      }
    }
  });

  it('serves events in no particular order, with sort_order as an ordinal per kind', () => {
    const unordered = finished.filter((f) => {
      const ids = f.events.map((e) => e.id);
      return ids.some((id, i) => i > 0 && id < (ids[i - 1] ?? 0));
    });
    expect(unordered.length).toBeGreaterThan(finished.length / 2);
    for (const f of finished) {
      const subs = chronological(f.events.filter((e) => e.type_id === SUBSTITUTION));
      expect(subs.map((e) => e.sort_order)).toEqual(subs.map((_, i) => i + 1));
    }
  });
});

describe('lineups.details', () => {
  it('gives each player who played his minutes, rating and goals, leaving out zero values', async () => {
    const f = finished.find((x) => x.events.some((e) => e.type_id === GOAL)) as DetailFixture;
    const answer = await walk(sim, `/v3/football/fixtures/multi/${String(f.id)}?include=lineups.details;events`);
    const fixture = answer[0] as unknown as DetailFixture;
    const scorer = fixture.events.find((e) => e.type_id === GOAL)?.player_id;
    const goalsOf = (playerId: number): number => fixture.events.filter((e) => (e.type_id === GOAL || e.type_id === PENALTY) && e.player_id === playerId).length;
    for (const l of fixture.lineups) {
      const details = l.details ?? [];
      const value = (typeId: number): number | undefined => details.find((d) => d.type_id === typeId)?.data.value;
      expect(details.every((d) => d.lineup_id === l.id && d.player_id === l.player_id && d.data.value !== 0)).toBe(true);
      const cameOn = fixture.events.some((e) => e.type_id === SUBSTITUTION && e.player_id === l.player_id);
      if (l.type_id === 11 || cameOn) {
        expect(value(119), `minutes of ${String(l.player_id)}`).toBeGreaterThan(0);
        expect(value(118)).toBeGreaterThanOrEqual(3);
      } else expect(details).toEqual([]);
      expect(value(52) ?? 0).toBe(goalsOf(l.player_id));
    }
    expect(goalsOf(scorer ?? -1)).toBeGreaterThan(0);
  });
});
