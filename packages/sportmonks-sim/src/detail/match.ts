// One fixture's match detail, made up once from the seed, the goals the world already decided
// and the two squads: lineups, formations, the event timeline, player and team statistics and
// the referees. Consistent by construction: every rule the tests check is how it is built.
import { MATCH } from '../generate.ts';
import type { FixtureRec } from '../model.ts';
import { createRng, hash32, intBetween, pick, poisson, shuffle, unitHash, type Rng } from '../random.ts';
import { MINUTE } from '../time.ts';
import type { People, PlayerApi, SquadEntry } from './people.ts';
import { EVENT, LINEUP, POSITION, REFEREE_ROLE } from './type-ids.ts';
import { cancelledGoal, minuteCorrectionAtMs } from './var.ts';

export interface LineupRow {
  id: number;
  teamId: number;
  home: boolean;
  player: PlayerApi;
  positionId: number;
  typeId: number;
  formationField: string | null;
  formationPosition: number | null;
  jersey: number;
}

export interface EventRow {
  id: number;
  periodId: number;
  teamId: number;
  home: boolean;
  typeId: number;
  player: PlayerApi;
  related: PlayerApi | null;
  result: string | null;
  info: string | null;
  addition: string | null;
  minute: number;
  extraMinute: number | null;
  sortOrder: number;
  /** Offset from kick-off at which the event appears; it disappears again at `untilMs` (VAR). */
  atMs: number;
  untilMs: number | null;
  /** From this offset the event reads one minute later (a correction after the match). */
  correctedAtMs: number | null;
}

/** What one player did in the match (players who never came on have no line). */
export interface PlayerLine {
  lineup: LineupRow;
  minutes: number;
  goals: number;
  assists: number;
  shotsOnTarget: number;
  shotsOffTarget: number;
  shotsBlocked: number;
  passes: number;
  successfulPasses: number;
  fouls: number;
  yellowCards: number;
  redCards: number;
  yellowRedCards: number;
  saves: number;
  rating: number;
}

/** Team numbers that are not sums over players. */
export interface TeamExtras {
  possession: number;
  corners: number;
  offsides: number;
  attacks: number;
  dangerousAttacks: number;
}

export interface MatchDetail {
  fixture: FixtureRec;
  lineups: LineupRow[];
  /** [home, away] */
  formations: [string, string];
  /** In chronological order (the API shuffles them). */
  events: EventRow[];
  lines: PlayerLine[];
  extras: [TeamExtras, TeamExtras];
  /** Referee ids by role: referee, 1st assistant, 2nd assistant, 4th official. */
  referees: { id: number; refereeId: number; typeId: number }[];
}

const FORMATIONS: Record<string, number[]> = {
  '4-4-2': [4, 4, 2],
  '4-3-3': [4, 3, 3],
  '4-2-3-1': [4, 2, 3, 1],
  '3-5-2': [3, 5, 2],
  '5-3-2': [5, 3, 2],
  '4-1-4-1': [4, 1, 4, 1],
};
const BENCH_SIZE = 7;
const EVENT_ID_BASE = 150_000_000;
/** Id block per fixture; the regular timeline stops well short of it so a long shoot-out fits. */
const EVENTS_PER_FIXTURE = 200;
const LINEUP_ID_BASE = 14_000_000_000;
const PERIOD_ID_BASE = 6_000_000;
const FIXTURE_REFEREE_ID_BASE = 30_000_000;
const SCORER_WEIGHT: Record<number, number> = { [POSITION.GOALKEEPER]: 0, [POSITION.DEFENDER]: 1, [POSITION.MIDFIELDER]: 3, [POSITION.ATTACKER]: 6 };
const SHOT_RATE: Record<number, [number, number, number]> = {
  [POSITION.GOALKEEPER]: [0, 0, 0],
  [POSITION.DEFENDER]: [0.15, 0.3, 0.1],
  [POSITION.MIDFIELDER]: [0.45, 0.7, 0.25],
  [POSITION.ATTACKER]: [0.9, 1.1, 0.4],
};
const GOAL_INFO = ['Shot', 'Header', 'Left foot shot', 'Right foot shot'];
const FOUL_INFO = ['Foul', 'Argument', 'Time wasting', 'Handball', 'Unsportsmanlike conduct'];

/** The fixture's period row: first half, second half, extra time, shoot-out. */
export function periodId(fixture: FixtureRec, minute: number, shootout = false): number {
  const slot = shootout ? 3 : minute > 90 ? 2 : minute > 45 ? 1 : 0;
  return PERIOD_ID_BASE + fixture.index * 4 + slot;
}

/** Offset from kick-off at which something in `minute` (+ `extra`) happens on the simulated clock. */
export function eventAtMs(minute: number, extra: number | null): number {
  return MATCH.goalAtMs(minute) + (extra ?? 0) * MINUTE;
}

function ordinal(n: number): string {
  const teen = n % 100 >= 11 && n % 100 <= 13;
  const suffix = teen ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${String(n)}${suffix}`;
}

const ADDITION: Record<number, string> = {
  [EVENT.GOAL]: 'Goal',
  [EVENT.OWNGOAL]: 'Own Goal',
  [EVENT.PENALTY]: 'Penalty',
  [EVENT.MISSED_PENALTY]: 'Missed Penalty',
  [EVENT.SUBSTITUTION]: 'Substitution',
  [EVENT.YELLOWCARD]: 'Yellowcard',
  [EVENT.REDCARD]: 'Redcard',
  [EVENT.YELLOWREDCARD]: 'Yellowredcard',
  [EVENT.PENALTY_SHOOTOUT_GOAL]: 'Penalty Shootout Goal',
  [EVENT.PENALTY_SHOOTOUT_MISS]: 'Penalty Shootout Miss',
};

/** `sort_order` is an ordinal per category, as in the 2025 payloads. */
function category(typeId: number): number {
  if (typeId === EVENT.OWNGOAL || typeId === EVENT.PENALTY) return EVENT.GOAL;
  if (typeId === EVENT.YELLOWREDCARD) return EVENT.REDCARD;
  return typeId;
}

interface Side {
  home: boolean;
  teamId: number;
  onPitch: LineupRow[];
  bench: LineupRow[];
  cautioned: Set<LineupRow>;
  sentOff: number;
}

type Slot =
  | { kind: 'goal'; minute: number; home: boolean; cancelled: { untilMs: number } | null }
  | { kind: 'sub' | 'yellow' | 'red' | 'secondYellow' | 'missedPenalty'; minute: number; extra: number | null; home: boolean };

function weighted(rng: Rng, rows: LineupRow[], weight: (r: LineupRow) => number): LineupRow | undefined {
  const total = rows.reduce((sum, r) => sum + weight(r), 0);
  if (total <= 0) return rows[0];
  let x = rng() * total;
  for (const r of rows) {
    x -= weight(r);
    if (x < 0) return r;
  }
  return rows.at(-1);
}

/** Share of matchdays on which a team's youth call-up (in no squad list) sits on the bench. */
const CALL_UP_RATE = 0.08;
const CALL_UP_JERSEY = 50;

function chooseLineup(rng: Rng, fixture: FixtureRec, squad: SquadEntry[], home: boolean, formation: string, nextId: () => number, callUp: PlayerApi | null): LineupRow[] {
  const teamId = home ? fixture.homeId : fixture.awayId;
  const pool = shuffle(rng, [...squad]);
  // The number-one goalkeeper nearly always starts; outfield players rotate.
  pool.sort((a, b) => (a.stint.jersey === 1 ? -1 : 0) - (b.stint.jersey === 1 ? -1 : 0));
  const taken = new Set<SquadEntry>();
  const take = (positionId: number): SquadEntry | undefined => {
    const entry = pool.find((e) => !taken.has(e) && e.stint.player.position_id === positionId) ?? pool.find((e) => !taken.has(e) && e.stint.player.position_id !== POSITION.GOALKEEPER);
    if (entry) taken.add(entry);
    return entry;
  };
  const row = (entry: SquadEntry, positionId: number, typeId: number, field: string | null, position: number | null): LineupRow => ({
    id: nextId(),
    teamId,
    home,
    player: entry.stint.player,
    positionId,
    typeId,
    formationField: field,
    formationPosition: position,
    jersey: entry.stint.jersey,
  });
  const rows: LineupRow[] = [];
  const keeper = rng() < 0.9 ? take(POSITION.GOALKEEPER) : (() => {
    const spare = pool.find((e) => e.stint.jersey !== 1 && e.stint.player.position_id === POSITION.GOALKEEPER);
    if (spare) taken.add(spare);
    return spare ?? take(POSITION.GOALKEEPER);
  })();
  if (keeper) rows.push(row(keeper, POSITION.GOALKEEPER, LINEUP.STARTING, '1:1', 1));
  const lines = FORMATIONS[formation] ?? [4, 4, 2];
  for (const [r, count] of lines.entries()) {
    const positionId = r === 0 ? POSITION.DEFENDER : r === lines.length - 1 ? POSITION.ATTACKER : POSITION.MIDFIELDER;
    for (let c = 1; c <= count; c++) {
      const entry = take(positionId);
      if (entry) rows.push(row(entry, positionId, LINEUP.STARTING, `${String(r + 2)}:${String(c)}`, rows.length + 1));
    }
  }
  const benchKeeper = take(POSITION.GOALKEEPER);
  if (benchKeeper) rows.push(row(benchKeeper, POSITION.GOALKEEPER, LINEUP.BENCH, null, null));
  for (const entry of pool) {
    if (rows.length >= 11 + BENCH_SIZE) break;
    if (taken.has(entry) || entry.stint.player.position_id === POSITION.GOALKEEPER) continue;
    taken.add(entry);
    rows.push(row(entry, entry.stint.player.position_id, LINEUP.BENCH, null, null));
  }
  const last = rows.at(-1);
  if (callUp && last?.typeId === LINEUP.BENCH) Object.assign(last, { player: callUp, positionId: callUp.position_id, jersey: CALL_UP_JERSEY });
  return rows;
}

export function buildMatch(seed: number, fixture: FixtureRec, people: People): MatchDetail | null {
  const homeSquad = people.squad(fixture.season, fixture.homeId);
  const awaySquad = people.squad(fixture.season, fixture.awayId);
  if (!homeSquad || !awaySquad) return null;
  const rng = createRng(hash32(seed, 'match', fixture.id));
  let lineupSeq = 0;
  const nextLineupId = (): number => LINEUP_ID_BASE + fixture.index * 40 + lineupSeq++;
  const formations: [string, string] = [pick(rng, Object.keys(FORMATIONS)), pick(rng, Object.keys(FORMATIONS))];
  const callUp = (teamId: number, home: boolean): PlayerApi | null =>
    unitHash(seed, 'call-up', fixture.id, String(home)) < CALL_UP_RATE ? (people.callUp(fixture.season, teamId) ?? null) : null;
  const homeRows = chooseLineup(rng, fixture, homeSquad, true, formations[0], nextLineupId, callUp(fixture.homeId, true));
  const awayRows = chooseLineup(rng, fixture, awaySquad, false, formations[1], nextLineupId, callUp(fixture.awayId, false));
  const sides: [Side, Side] = [homeRows, awayRows].map((rows, i) => ({
    home: i === 0,
    teamId: i === 0 ? fixture.homeId : fixture.awayId,
    onPitch: rows.filter((r) => r.typeId === LINEUP.STARTING),
    bench: rows.filter((r) => r.typeId === LINEUP.BENCH && r.positionId !== POSITION.GOALKEEPER),
    cautioned: new Set<LineupRow>(),
    sentOff: 0,
  })) as [Side, Side];
  const side = (home: boolean): Side => sides[home ? 0 : 1];

  // What happens, minute by minute: the world's goals at their minutes, the rest drawn here.
  // Extra-time goals (minutes 91–120) are goals like any other; shoot-out kicks come last.
  const goals = [...fixture.goals, ...(fixture.decider?.extraTime ?? [])];
  const slots: Slot[] = goals.map((g) => ({ kind: 'goal', minute: g.minute, home: g.home, cancelled: null }));
  const varGoal = cancelledGoal(seed, fixture);
  if (varGoal) slots.push({ kind: 'goal', minute: varGoal.minute, home: varGoal.home, cancelled: { untilMs: varGoal.cancelledAtMs } });
  const stoppage = (minute: number): number | null => (minute === 45 && rng() < 0.5 ? 1 : minute === 90 ? intBetween(rng, 1, 3) : null);
  for (const home of [true, false]) {
    const subs = intBetween(rng, 3, 5);
    for (let i = 0; i < subs; i++) {
      const minute = i === 0 && rng() < 0.08 ? intBetween(rng, 20, 44) : intBetween(rng, 46, 89);
      slots.push({ kind: 'sub', minute, extra: null, home });
    }
    for (let i = poisson(rng, 1.7); i > 0; i--) {
      const minute = intBetween(rng, 3, 90);
      slots.push({ kind: 'yellow', minute, extra: stoppage(minute), home });
    }
    if (rng() < 0.03) slots.push({ kind: 'red', minute: intBetween(rng, 15, 88), extra: null, home });
    if (rng() < 0.04) slots.push({ kind: 'secondYellow', minute: intBetween(rng, 55, 89), extra: null, home });
  }
  if (rng() < 0.05) slots.push({ kind: 'missedPenalty', minute: intBetween(rng, 5, 88), extra: null, home: rng() < 0.5 });
  const at = (s: Slot): number => eventAtMs(s.minute, s.kind === 'goal' ? null : s.extra);
  const order = new Map(slots.map((s, i) => [s, i]));
  slots.sort((a, b) => at(a) - at(b) || (order.get(a) ?? 0) - (order.get(b) ?? 0));

  const events: EventRow[] = [];
  const counts = new Map<number, number>();
  const categories = new Map<number, number>();
  const score: [number, number] = [0, 0];
  const onAt = new Map<LineupRow, number>();
  const offAt = new Map<LineupRow, number>();
  const goalsBy = new Map<LineupRow, number>();
  const assistsBy = new Map<LineupRow, number>();
  const yellowsBy = new Map<LineupRow, number>();
  const redsBy = new Map<LineupRow, number>();
  const yellowRedsBy = new Map<LineupRow, number>();
  const penaltiesMissed = new Map<LineupRow, number>();
  const bump = (map: Map<LineupRow, number>, row: LineupRow): void => {
    map.set(row, (map.get(row) ?? 0) + 1);
  };
  for (const s of sides) for (const row of s.onPitch) onAt.set(row, 0);
  const outfield = (s: Side): LineupRow[] => s.onPitch.filter((r) => r.positionId !== POSITION.GOALKEEPER);
  const leave = (s: Side, row: LineupRow, minute: number): void => {
    s.onPitch = s.onPitch.filter((r) => r !== row);
    offAt.set(row, minute);
  };
  const emit = (s: Side, typeId: number, row: LineupRow, extra: Partial<EventRow> & { minute: number }): EventRow => {
    const n = (counts.get(typeId) ?? 0) + 1;
    counts.set(typeId, n);
    const c = (categories.get(category(typeId)) ?? 0) + 1;
    categories.set(category(typeId), c);
    const label = ADDITION[typeId];
    const event: EventRow = {
      id: EVENT_ID_BASE + fixture.index * EVENTS_PER_FIXTURE + events.length,
      periodId: periodId(fixture, extra.minute),
      teamId: s.teamId,
      home: s.home,
      typeId,
      player: row.player,
      related: null,
      result: null,
      info: null,
      addition: label ? `${ordinal(n)} ${label}` : null,
      extraMinute: null,
      sortOrder: c,
      atMs: 0,
      untilMs: null,
      correctedAtMs: null,
      ...extra,
    };
    event.atMs = eventAtMs(event.minute, event.extraMinute);
    events.push(event);
    return event;
  };

  for (const slot of slots) {
    if (events.length >= EVENTS_PER_FIXTURE / 2) break;
    const own = side(slot.home);
    const other = side(!slot.home);
    if (slot.kind === 'goal') {
      const r = rng();
      const typeId = slot.cancelled ? EVENT.GOAL : r < 0.08 ? EVENT.PENALTY : r < 0.14 ? EVENT.OWNGOAL : EVENT.GOAL;
      // An own goal is put in by the other side; the event carries that player's team.
      const scorerSide = typeId === EVENT.OWNGOAL ? other : own;
      const scorer = weighted(rng, scorerSide.onPitch, (p) => (typeId === EVENT.OWNGOAL ? (p.positionId === POSITION.DEFENDER ? 4 : 1) : (SCORER_WEIGHT[p.positionId] ?? 1)));
      if (!scorer) continue;
      const mates = outfield(own).filter((p) => p !== scorer);
      const assist = typeId === EVENT.GOAL && mates.length > 0 && rng() < 0.75 ? pick(rng, mates) : undefined;
      const after: [number, number] = [score[0] + (slot.home ? 1 : 0), score[1] + (slot.home ? 0 : 1)];
      emit(scorerSide, typeId, scorer, {
        minute: slot.minute,
        related: assist?.player ?? null,
        result: `${String(after[0])}-${String(after[1])}`,
        info: typeId === EVENT.OWNGOAL ? null : typeId === EVENT.PENALTY ? pick(rng, ['Left foot shot', 'Right foot shot']) : pick(rng, GOAL_INFO),
        untilMs: slot.cancelled?.untilMs ?? null,
      });
      if (slot.cancelled) {
        // VAR takes it back: the goal leaves the feed and a VAR event about that minute appears.
        const review = emit(own, EVENT.VAR, scorer, { minute: slot.minute, info: 'Goal Disallowed', addition: null });
        review.atMs = slot.cancelled.untilMs;
        continue;
      }
      score[0] = after[0];
      score[1] = after[1];
      if (typeId !== EVENT.OWNGOAL) {
        bump(goalsBy, scorer);
        if (assist) bump(assistsBy, assist);
      }
    } else if (slot.kind === 'sub') {
      const candidates = outfield(own);
      const on = own.bench.shift();
      if (!on || candidates.length === 0) continue;
      const off = pick(rng, candidates);
      leave(own, off, slot.minute);
      own.onPitch.push(on);
      onAt.set(on, slot.minute);
      emit(own, EVENT.SUBSTITUTION, on, { minute: slot.minute, related: off.player });
    } else if (slot.kind === 'missedPenalty') {
      const taker = weighted(rng, own.onPitch, (p) => SCORER_WEIGHT[p.positionId] ?? 1);
      if (!taker) continue;
      bump(penaltiesMissed, taker);
      emit(own, EVENT.MISSED_PENALTY, taker, { minute: slot.minute, extraMinute: slot.extra, info: 'Penalty saved' });
    } else {
      const candidates = outfield(own);
      if (candidates.length === 0) continue;
      const booked = candidates.filter((p) => own.cautioned.has(p));
      const secondYellow = slot.kind === 'secondYellow' && booked.length > 0;
      if ((slot.kind === 'red' || secondYellow) && own.sentOff >= 1) continue;
      const unbooked = candidates.filter((p) => !own.cautioned.has(p));
      const choices = secondYellow ? booked : slot.kind === 'red' ? candidates : unbooked;
      if (choices.length === 0) continue;
      const player = pick(rng, choices);
      if (slot.kind === 'red' || secondYellow) {
        emit(own, secondYellow ? EVENT.YELLOWREDCARD : EVENT.REDCARD, player, { minute: slot.minute, extraMinute: slot.extra, info: pick(rng, FOUL_INFO) });
        bump(secondYellow ? yellowRedsBy : redsBy, player);
        own.sentOff++;
        leave(own, player, slot.minute);
      } else {
        emit(own, EVENT.YELLOWCARD, player, { minute: slot.minute, extraMinute: slot.extra, info: pick(rng, FOUL_INFO) });
        own.cautioned.add(player);
        bump(yellowsBy, player);
      }
    }
  }

  const penalties = fixture.decider?.penalties;
  if (penalties) {
    // Kicks alternate, home first; a side's misses fall on random kicks, the last kick of the
    // loser is a miss in sudden death. They appear at the end: the shoot-out score does too.
    const rounds = Math.max(5, ...penalties);
    const kicks = penalties.map((scored) => {
      const outcome = Array.from({ length: rounds }, (_, k) => k < scored);
      if (rounds > 5 && scored < rounds) return outcome;
      return shuffle(rng, outcome);
    });
    const takers = sides.map((s, i) => ({ side: s, order: shuffle(rng, [...s.onPitch]), kicks: kicks[i] ?? [] }));
    for (let k = 0; k < rounds; k++) {
      for (const { side: s, order, kicks: outcome } of takers) {
        const taker = order[k % order.length];
        if (!taker) continue;
        const kick = emit(s, outcome[k] ? EVENT.PENALTY_SHOOTOUT_GOAL : EVENT.PENALTY_SHOOTOUT_MISS, taker, { minute: 120 });
        kick.periodId = periodId(fixture, 120, true);
        kick.atMs = MATCH.endMs(fixture);
      }
    }
  }

  // The card whose minute is corrected: one a minute later still comes before whatever that
  // player did next (same minute, higher id), and stays in its period.
  const correctionAt = minuteCorrectionAtMs(seed, fixture);
  const corrected = correctionAt === null ? undefined : events.find((e) => e.typeId === EVENT.YELLOWCARD && e.extraMinute === null && e.minute !== 45 && e.minute < 89);
  if (corrected && correctionAt !== null) corrected.correctedAtMs = correctionAt;

  const lineups = [...homeRows, ...awayRows];
  const fullMinutes = fixture.decider ? 120 : 90;
  const lines: PlayerLine[] = [];
  for (const row of lineups) {
    const from = onAt.get(row);
    if (from === undefined) continue;
    const minutes = Math.max(1, (offAt.get(row) ?? fullMinutes) - from);
    const [onRate, offRate, blockedRate] = SHOT_RATE[row.positionId] ?? [0, 0, 0];
    const share = minutes / fullMinutes;
    const goals = goalsBy.get(row) ?? 0;
    const assists = assistsBy.get(row) ?? 0;
    const passes = Math.round(share * intBetween(rng, 20, 70));
    const red = redsBy.get(row) ?? 0;
    const yellowRed = yellowRedsBy.get(row) ?? 0;
    lines.push({
      lineup: row,
      minutes,
      goals,
      assists,
      shotsOnTarget: goals + (penaltiesMissed.get(row) ?? 0) + poisson(rng, onRate * share),
      shotsOffTarget: poisson(rng, offRate * share),
      shotsBlocked: poisson(rng, blockedRate * share),
      passes,
      successfulPasses: Math.round(passes * (0.65 + rng() * 0.25)),
      fouls: poisson(rng, 1.1 * share) + (yellowsBy.get(row) ?? 0) + red + yellowRed,
      yellowCards: yellowsBy.get(row) ?? 0,
      redCards: red,
      yellowRedCards: yellowRed,
      saves: 0,
      rating: Math.round(Math.min(10, Math.max(3, 6 + rng() * 1.6 + 0.8 * goals + 0.4 * assists - 1.5 * (red + yellowRed))) * 10) / 10,
    });
  }
  // Shots on target ≥ goals for each team even when own goals gave it some.
  for (const [i, s] of sides.entries()) {
    const mine = lines.filter((l) => l.lineup.home === s.home);
    const onTarget = mine.reduce((sum, l) => sum + l.shotsOnTarget, 0);
    const goals = score[i] ?? 0;
    const shooter = mine.find((l) => l.lineup.positionId === POSITION.ATTACKER) ?? mine[1];
    if (onTarget < goals && shooter) shooter.shotsOnTarget += goals - onTarget;
  }
  // Saves: the other side's shots on target that did not go in, to the goalkeeper who started.
  for (const s of sides) {
    const keeper = lines.find((l) => l.lineup.home === s.home && l.lineup.positionId === POSITION.GOALKEEPER && l.lineup.typeId === LINEUP.STARTING);
    const against = lines.filter((l) => l.lineup.home !== s.home);
    const onTarget = against.reduce((sum, l) => sum + l.shotsOnTarget, 0);
    const scored = against.reduce((sum, l) => sum + l.goals, 0);
    if (keeper) keeper.saves = Math.max(0, onTarget - scored);
  }
  const possession = intBetween(rng, 35, 65);
  const extras = [possession, 100 - possession].map((p) => ({
    possession: p,
    corners: poisson(rng, 5 * (p / 50)),
    offsides: poisson(rng, 1.8),
    attacks: Math.round(p * 2 + intBetween(rng, -10, 10)),
    dangerousAttacks: Math.round(p + intBetween(rng, -8, 8)),
  })) as [TeamExtras, TeamExtras];

  const referees = refereesFor(seed, fixture, people);
  return { fixture, lineups, formations, events, lines, extras, referees };
}

function refereesFor(seed: number, fixture: FixtureRec, people: People): MatchDetail['referees'] {
  const pool = people.referees(fixture.season.league);
  const rng = createRng(hash32(seed, 'officials', fixture.id));
  const chosen = shuffle(rng, [...pool]).slice(0, 4);
  const roles = [REFEREE_ROLE.REFEREE, REFEREE_ROLE.FIRST_ASSISTANT, REFEREE_ROLE.SECOND_ASSISTANT, REFEREE_ROLE.FOURTH_OFFICIAL];
  return chosen.map((r, i) => ({ id: FIXTURE_REFEREE_ID_BASE + fixture.index * 4 + i, refereeId: r.id, typeId: roles[i] ?? REFEREE_ROLE.FOURTH_OFFICIAL }));
}
