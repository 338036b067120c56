// How each competition's season is built: its stages, rounds, groups and two-legged ties.
// A season opens with the stages whose teams are known at its start; the stages whose teams
// depend on results (a split, the next knockout round) are drawn once those results are in,
// which is only before the clock starts: a stage still waiting then keeps no rounds, no
// fixtures and null dates for the life of the simulator.
import type { Format } from './names.ts';
import type { AggregateRec, Decider, FixtureRec, Goal, GroupRec, RoundRec, SeasonRec, StageRec } from './model.ts';
import { intBetween, pick, poisson, shuffle, type Rng } from './random.ts';
import { rank, records, type Result } from './standings.ts';
import { TYPE_IDS } from './core.ts';
import { DAY, HOUR, formatDate } from './time.ts';

export interface Placement {
  stage: StageRec;
  round: RoundRec | null;
  group: GroupRec | null;
  aggregate: AggregateRec | null;
  leg: string;
}

/** Creates a fixture (and its plan) where `place` says. */
export type PlaceFixture = (place: Placement, homeId: number, awayId: number, kickoffMs: number) => FixtureRec;

/** What the plan of a fixture says: when its outcome is known (played, cancelled or deleted; null if never), and whether it is played. */
export interface Outcome {
  settledAt: number | null;
  played: boolean;
}

const KICKOFF_SLOTS = [
  -5 * HOUR, // Friday 19:00
  12.5 * HOUR,
  15 * HOUR,
  15 * HOUR,
  15 * HOUR,
  17.5 * HOUR,
  DAY + 13 * HOUR,
  DAY + 15.5 * HOUR,
  2 * DAY + 19 * HOUR, // Monday 19:00
];
const EVENING = 19 * HOUR;

export function firstWeekdayOnOrAfter(ms: number, weekday: number): number {
  return ms + ((weekday - new Date(ms).getUTCDay() + 7) % 7) * DAY;
}

/** Circle method: every pair meets once. */
function singleRoundRobin(teamIds: number[]): [number, number][][] {
  const n = teamIds.length;
  const ring = [...teamIds];
  const rounds: [number, number][][] = [];
  for (let r = 0; r < n - 1; r++) {
    const pairs: [number, number][] = [];
    for (let i = 0; i < n / 2; i++) {
      const a = ring[i] as number;
      const b = ring[n - 1 - i] as number;
      pairs.push((r + i) % 2 === 0 ? [a, b] : [b, a]);
    }
    rounds.push(pairs);
    ring.splice(1, 0, ring.pop() as number);
  }
  return rounds;
}

/** The second half mirrors the first with home and away swapped. */
function doubleRoundRobin(teamIds: number[]): [number, number][][] {
  const first = singleRoundRobin(teamIds);
  return [...first, ...first.map((pairs) => pairs.map(([h, a]): [number, number] => [a, h]))];
}

/** Weekend rounds, one a week, with a winter break between Christmas and mid-January. */
function weekends(firstMs: number, count: number): number[] {
  const weeks: number[] = [];
  let week = firstMs;
  for (let r = 0; r < count; r++) {
    if (r > 0) week += 7 * DAY;
    const date = new Date(week);
    if (date.getUTCMonth() === 11 && date.getUTCDate() >= 20) week += 4 * 7 * DAY;
    weeks.push(week);
  }
  return weeks;
}

/** The planned score of a fixture (goals are decided when it is made). */
function planned(f: FixtureRec): Result {
  let home = 0;
  let away = 0;
  for (const goal of [...f.goals, ...(f.decider?.extraTime ?? [])]) {
    if (goal.home) home++;
    else away++;
  }
  return { homeId: f.homeId, awayId: f.awayId, home, away };
}

interface StageSpec {
  name: string;
  typeId: number;
  after?: StageSpec[];
  carries?: StageSpec;
}

export class StructureBuilder {
  private stageId = 77_470_000;
  private roundId = 340_000;
  private groupId = 246_000;
  private aggregateId = 58_600;
  /** How each waiting stage gets its teams and fixtures once its predecessors are over. */
  private readonly draws = new Map<StageRec, () => void>();

  constructor(
    private readonly rng: Rng,
    private readonly place: PlaceFixture,
  ) {}

  /** Creates every stage of the season and plays out the ones whose teams are known. */
  openSeason(season: SeasonRec, format: Format, teamIds: number[], year: number): void {
    if (format === 'split-stages') this.splitStages(season, teamIds, year);
    else if (format === 'split-groups') this.splitGroups(season, teamIds, year);
    else if (format === 'playoff-4' || format === 'playoff-semis') this.playoff(season, format, teamIds, year);
    else if (format === 'cup') this.cup(season, teamIds, year);
    else this.league(season, teamIds, year);
  }

  /** Draws every waiting stage whose predecessors were over before `startMs`, in season order. */
  drawSettled(seasons: SeasonRec[], startMs: number, outcome: (f: FixtureRec) => Outcome): void {
    this.settled = (f) => outcome(f).played;
    for (const season of seasons) {
      for (const stage of [...season.stages].sort((a, b) => a.sortOrder - b.sortOrder)) {
        const draw = this.draws.get(stage);
        if (!draw) continue;
        const over = stage.after.every(
          (before) =>
            before.fixtures.length > 0 &&
            before.fixtures.every((f) => {
              const at = outcome(f).settledAt;
              return at !== null && at <= startMs;
            }),
        );
        if (!over) continue;
        this.draws.delete(stage);
        draw();
      }
    }
  }

  private stages(season: SeasonRec, specs: StageSpec[]): StageRec[] {
    const base = this.stageId;
    // Later stages get lower ids, as in upstream's Superliga seasons: id order is not sort order.
    const stages = specs.map(
      (spec, i): StageRec => ({
        id: base + specs.length - 1 - i,
        season,
        name: spec.name,
        typeId: spec.typeId,
        sortOrder: i + 1,
        teamIds: [],
        rounds: [],
        groups: [],
        aggregates: [],
        fixtures: [],
        after: [],
        carriesFrom: null,
        plannedEndDate: '',
      }),
    );
    specs.forEach((spec, i) => {
      const stage = stages[i] as StageRec;
      stage.after = (spec.after ?? []).map((s) => stages[specs.indexOf(s)] as StageRec);
      stage.carriesFrom = spec.carries ? (stages[specs.indexOf(spec.carries)] ?? null) : null;
    });
    this.stageId += specs.length + intBetween(this.rng, 1, 9);
    season.stages.push(...stages);
    return stages;
  }

  private round(stage: StageRec, name: string): RoundRec {
    const round: RoundRec = { id: this.roundId, season: stage.season, stage, name, startDate: '', endDate: '', fixtures: [] };
    this.roundId += intBetween(this.rng, 1, 6);
    stage.rounds.push(round);
    stage.season.rounds.push(round);
    return round;
  }

  private group(stage: StageRec, name: string, teamIds: number[]): GroupRec {
    const group: GroupRec = { id: this.groupId, stage, name, teamIds: [...teamIds].sort((a, b) => a - b) };
    this.groupId += intBetween(this.rng, 1, 3);
    stage.groups.push(group);
    return group;
  }

  /** Rounds named from `firstName` on, a weekend each; pairs of every group in the same round. */
  private playRounds(stage: StageRec, schedule: [number, number][][], weeks: number[], firstName: number, group: (teamId: number) => GroupRec | null): void {
    for (const [r, pairs] of schedule.entries()) {
      const round = stage.rounds[r] ?? this.round(stage, String(firstName + r));
      const week = weeks[r] ?? 0;
      for (const [homeId, awayId] of pairs) {
        this.place({ stage, round, group: group(homeId), aggregate: null, leg: '1/1' }, homeId, awayId, week + pick(this.rng, KICKOFF_SLOTS));
      }
    }
    for (const round of stage.rounds) {
      const times = round.fixtures.map((f) => f.kickoffMs);
      round.startDate = formatDate(Math.min(...times));
      round.endDate = formatDate(Math.max(...times));
    }
  }

  private leagueStart(season: SeasonRec, year: number): number {
    const early = season.league.id === 271 || season.league.id === 501;
    return firstWeekdayOnOrAfter(Date.UTC(year, early ? 6 : 7, early ? 20 : 1), 6);
  }

  private league(season: SeasonRec, teamIds: number[], year: number): void {
    const [stage] = this.stages(season, [{ name: 'Regular Season', typeId: TYPE_IDS.stage.groupStage }]) as [StageRec];
    stage.teamIds = [...teamIds].sort((a, b) => a - b);
    const schedule = doubleRoundRobin(shuffle(this.rng, [...teamIds]));
    const weeks = weekends(this.leagueStart(season, year), schedule.length);
    this.playRounds(stage, schedule, weeks, 1, () => null);
    stage.plannedEndDate = formatDate((weeks.at(-1) ?? 0) + 3 * DAY);
  }

  /** The final table of a stage (or of some of its teams) from the planned results, with what it carried in. */
  private finalOrder(stage: StageRec, teamIds: number[]): number[] {
    const from = stage.carriesFrom;
    const carried = from ? records(from.teamIds, from.fixtures.filter(this.settled).map(planned)) : undefined;
    return rank(records(teamIds, stage.fixtures.filter(this.settled).map(planned), carried));
  }

  /**
   * 271: a regular season of 22 rounds, then a Championship and a Relegation Round of six
   * (points carried), then the Conference League play-off final between the Championship
   * Round's fourth and the Relegation Round's winner, the stages as upstream's season 19686.
   */
  private splitStages(season: SeasonRec, teamIds: number[], year: number): void {
    const regularSpec: StageSpec = { name: 'Regular Season', typeId: TYPE_IDS.stage.groupStage };
    const relegationSpec: StageSpec = { name: 'Relegation Round', typeId: TYPE_IDS.stage.groupStage, after: [regularSpec], carries: regularSpec };
    const championshipSpec: StageSpec = { name: 'Championship Round', typeId: TYPE_IDS.stage.groupStage, after: [regularSpec], carries: regularSpec };
    const playOffSpec: StageSpec = { name: 'Conference League Play-offs - Final', typeId: TYPE_IDS.stage.qualifying, after: [relegationSpec, championshipSpec] };
    const [regular, relegation, championship, playOff] = this.stages(season, [regularSpec, relegationSpec, championshipSpec, playOffSpec]) as [
      StageRec,
      StageRec,
      StageRec,
      StageRec,
    ];
    regular.teamIds = [...teamIds].sort((a, b) => a - b);
    const schedule = doubleRoundRobin(shuffle(this.rng, [...teamIds]));
    const weeks = weekends(this.leagueStart(season, year), schedule.length);
    this.playRounds(regular, schedule, weeks, 1, () => null);
    const splitWeeks = weekends((weeks.at(-1) ?? 0) + 7 * DAY, 10);
    regular.plannedEndDate = formatDate((weeks.at(-1) ?? 0) + 3 * DAY);
    relegation.plannedEndDate = championship.plannedEndDate = formatDate((splitWeeks.at(-1) ?? 0) + 3 * DAY);
    const playOffMs = firstWeekdayOnOrAfter((splitWeeks.at(-1) ?? 0) + 3 * DAY, 4) + EVENING;
    playOff.plannedEndDate = formatDate(playOffMs);
    this.waitFor(championship, () => {
      const order = this.finalOrder(regular, regular.teamIds);
      for (const [stage, teams] of [
        [championship, order.slice(0, 6)],
        [relegation, order.slice(6)],
      ] as const) {
        stage.teamIds = [...teams].sort((a, b) => a - b);
        this.playRounds(stage, doubleRoundRobin(shuffle(this.rng, [...teams])), splitWeeks, schedule.length + 1, () => null);
      }
    });
    this.waitFor(playOff, () => {
      const home = this.finalOrder(championship, championship.teamIds)[3] ?? 0;
      const away = this.finalOrder(relegation, relegation.teamIds)[0] ?? 0;
      this.single(playOff, home, away, playOffMs);
    });
  }

  /** 501: a first phase of 33 rounds, then a second phase with a Championship and a Relegation Group. */
  private splitGroups(season: SeasonRec, teamIds: number[], year: number): void {
    const firstSpec: StageSpec = { name: '1st Phase', typeId: TYPE_IDS.stage.groupStage };
    const secondSpec: StageSpec = { name: '2nd Phase', typeId: TYPE_IDS.stage.groupStage, after: [firstSpec], carries: firstSpec };
    const [first, second] = this.stages(season, [firstSpec, secondSpec]) as [StageRec, StageRec];
    first.teamIds = [...teamIds].sort((a, b) => a - b);
    const schedule = [...doubleRoundRobin(shuffle(this.rng, [...teamIds])), ...singleRoundRobin(shuffle(this.rng, [...teamIds]))];
    const weeks = weekends(this.leagueStart(season, year), schedule.length);
    this.playRounds(first, schedule, weeks, 1, () => null);
    const splitWeeks = weekends((weeks.at(-1) ?? 0) + 7 * DAY, 5);
    first.plannedEndDate = formatDate((weeks.at(-1) ?? 0) + 3 * DAY);
    second.plannedEndDate = formatDate((splitWeeks.at(-1) ?? 0) + 3 * DAY);
    this.waitFor(second, () => {
      const order = this.finalOrder(first, first.teamIds);
      const top = this.group(second, 'Championship Group', order.slice(0, 6));
      const bottom = this.group(second, 'Relegation Group', order.slice(6));
      second.teamIds = [...first.teamIds];
      const groupOf = (teamId: number): GroupRec => (top.teamIds.includes(teamId) ? top : bottom);
      const rounds = [singleRoundRobin(shuffle(this.rng, [...top.teamIds])), singleRoundRobin(shuffle(this.rng, [...bottom.teamIds]))];
      const merged = (rounds[0] ?? []).map((pairs, r) => [...pairs, ...(rounds[1]?.[r] ?? [])]);
      this.playRounds(second, merged, splitWeeks, schedule.length + 1, groupOf);
    });
  }

  /** 513 (a quarter-final, semi-final and final) and 1659 (two semi-finals and a final), all over two legs. */
  private playoff(season: SeasonRec, format: 'playoff-4' | 'playoff-semis', teamIds: number[], year: number): void {
    const teams = shuffle(this.rng, [...teamIds]);
    const [t0 = 0, t1 = 0, t2 = 0, t3 = 0] = teams;
    const ko = TYPE_IDS.stage.knockOut;
    const firstMs = firstWeekdayOnOrAfter(Date.UTC(year + 1, 4, 8), 3) + EVENING;
    if (format === 'playoff-4') {
      const qfSpec: StageSpec = { name: 'Quarter-finals', typeId: ko };
      const sfSpec: StageSpec = { name: 'Semi-finals', typeId: ko, after: [qfSpec] };
      const finalSpec: StageSpec = { name: 'Final', typeId: ko, after: [sfSpec] };
      const [qf, sf, final] = this.stages(season, [qfSpec, sfSpec, finalSpec]) as [StageRec, StageRec, StageRec];
      this.ties(qf, [[t2, t3]], firstMs);
      this.waitFor(sf, () => { this.ties(sf, [[this.winner(qf, 0), t1]], firstMs + 7 * DAY); });
      this.waitFor(final, () => { this.ties(final, [[this.winner(sf, 0), t0]], firstMs + 14 * DAY); });
      for (const [i, stage] of [qf, sf, final].entries()) stage.plannedEndDate = formatDate(firstMs + (7 * i + 3) * DAY);
      return;
    }
    const sfSpec: StageSpec = { name: 'Semi-finals', typeId: ko };
    const finalSpec: StageSpec = { name: 'Final', typeId: ko, after: [sfSpec] };
    const [sf, final] = this.stages(season, [sfSpec, finalSpec]) as [StageRec, StageRec];
    this.ties(sf, [
      [t0, t3],
      [t1, t2],
    ], firstMs);
    this.waitFor(final, () => { this.ties(final, [[this.winner(sf, 0), this.winner(sf, 1)]], firstMs + 7 * DAY); });
    for (const [i, stage] of [sf, final].entries()) stage.plannedEndDate = formatDate(firstMs + (7 * i + 3) * DAY);
  }

  /** 16 clubs: four groups of four (double round-robin), two-legged quarter- and semi-finals, a single final. */
  private cup(season: SeasonRec, teamIds: number[], year: number): void {
    const ko = TYPE_IDS.stage.knockOut;
    const groupSpec: StageSpec = { name: 'Group Stage', typeId: TYPE_IDS.stage.groupStage };
    const qfSpec: StageSpec = { name: 'Quarter-finals', typeId: ko, after: [groupSpec] };
    const sfSpec: StageSpec = { name: 'Semi-finals', typeId: ko, after: [qfSpec] };
    const finalSpec: StageSpec = { name: 'Final', typeId: ko, after: [sfSpec] };
    const [groupStage, qf, sf, final] = this.stages(season, [groupSpec, qfSpec, sfSpec, finalSpec]) as [StageRec, StageRec, StageRec, StageRec];
    const teams = shuffle(this.rng, [...teamIds]);
    groupStage.teamIds = [...teamIds].sort((a, b) => a - b);
    const groups = ['A', 'B', 'C', 'D'].map((letter, i) => this.group(groupStage, `Group ${letter}`, teams.slice(4 * i, 4 * i + 4)));
    const schedules = groups.map((g) => doubleRoundRobin(shuffle(this.rng, [...g.teamIds])));
    const merged = (schedules[0] ?? []).map((_, r) => schedules.flatMap((s) => s[r] ?? []));
    const firstTuesday = firstWeekdayOnOrAfter(Date.UTC(year, 7, 5), 2) + EVENING;
    const matchdays = merged.map((_, r) => firstTuesday + r * 14 * DAY);
    const groupOf = (teamId: number): GroupRec | null => groups.find((g) => g.teamIds.includes(teamId)) ?? null;
    this.playRounds(groupStage, merged, matchdays, 1, groupOf);
    const qfMs = (matchdays.at(-1) ?? 0) + 28 * DAY;
    const sfMs = qfMs + 28 * DAY;
    const finalMs = sfMs + 35 * DAY;
    groupStage.plannedEndDate = formatDate(matchdays.at(-1) ?? 0);
    qf.plannedEndDate = formatDate(qfMs + 7 * DAY);
    sf.plannedEndDate = formatDate(sfMs + 7 * DAY);
    final.plannedEndDate = formatDate(finalMs);
    this.waitFor(qf, () => {
      // Group winners play the second leg at home.
      const [a, b, c, d] = groups.map((g) => this.finalOrder(groupStage, g.teamIds));
      const pairs: [number, number][] = [
        [b?.[1] ?? 0, a?.[0] ?? 0],
        [a?.[1] ?? 0, b?.[0] ?? 0],
        [d?.[1] ?? 0, c?.[0] ?? 0],
        [c?.[1] ?? 0, d?.[0] ?? 0],
      ];
      this.ties(qf, pairs, qfMs);
    });
    this.waitFor(sf, () => { this.ties(
        sf,
        [
          [this.winner(qf, 0), this.winner(qf, 1)],
          [this.winner(qf, 2), this.winner(qf, 3)],
        ],
        sfMs,
      ); },
    );
    this.waitFor(final, () => {
      this.single(final, this.winner(sf, 0), this.winner(sf, 1), finalMs);
    });
  }

  /** A one-off knockout match (leg 1/1, no round, no aggregate) that must have a winner. */
  private single(stage: StageRec, home: number, away: number, kickoffMs: number): void {
    stage.teamIds = [home, away].sort((x, y) => x - y);
    const fixture = this.place({ stage, round: null, group: null, aggregate: null, leg: '1/1' }, home, away, kickoffMs);
    const result = planned(fixture);
    if (result.home === result.away) fixture.decider = this.decider();
  }

  /** Whether a fixture is played to the end; set while drawing (the draws only read fixtures already over). */
  private settled: (f: FixtureRec) => boolean = () => true;

  private waitFor(stage: StageRec, draw: () => void): void {
    this.draws.set(stage, draw);
  }

  /** Two-legged ties: the first team of each pair is at home in the first leg, three days before the second. */
  private ties(stage: StageRec, pairs: [number, number][], firstLegMs: number): void {
    stage.teamIds = pairs.flat().sort((a, b) => a - b);
    for (const [a, b] of pairs) {
      const aggregate = { id: this.aggregateId, stage, legs: [] as unknown as [FixtureRec, FixtureRec] };
      this.aggregateId += intBetween(this.rng, 1, 4);
      const first = this.place({ stage, round: null, group: null, aggregate, leg: '1/2' }, a, b, firstLegMs);
      const second = this.place({ stage, round: null, group: null, aggregate, leg: '2/2' }, b, a, firstLegMs + 3 * DAY);
      aggregate.legs = [first, second];
      stage.aggregates.push(aggregate);
      const one = planned(first);
      const two = planned(second);
      if (one.home + two.away === one.away + two.home) second.decider = this.decider();
    }
  }

  /** Extra time (a goal or two, sometimes), and a shoot-out when that leaves it level. */
  private decider(): Decider {
    const extraTime: Goal[] = [
      ...Array.from({ length: poisson(this.rng, 0.35) }, () => ({ minute: intBetween(this.rng, 91, 120), home: true })),
      ...Array.from({ length: poisson(this.rng, 0.3) }, () => ({ minute: intBetween(this.rng, 91, 120), home: false })),
    ].sort((a, b) => a.minute - b.minute);
    const home = extraTime.filter((g) => g.home).length;
    if (home * 2 !== extraTime.length) return { extraTime, penalties: null };
    const kicks = (): number => (this.rng() < 0.76 ? 1 : 0);
    let h = 0;
    let a = 0;
    for (let i = 0; i < 5; i++) {
      h += kicks();
      a += kicks();
    }
    while (h === a) {
      h += kicks();
      a += kicks();
    }
    return { extraTime, penalties: [h, a] };
  }

  /** Who went through in the `index`-th tie of a stage (from the planned results). */
  private winner(stage: StageRec, index: number): number {
    const tie = stage.aggregates[index];
    if (!tie) return 0;
    return tieWinner(tie.legs, planned);
  }
}

/** The team that goes through: more goals over both legs, else the shoot-out in the second leg. */
export function tieWinner(legs: [FixtureRec, FixtureRec], score: (f: FixtureRec) => Result): number {
  const [first, second] = legs;
  const one = score(first);
  const two = score(second);
  const a = one.home + two.away;
  const b = one.away + two.home;
  if (a !== b) return a > b ? first.homeId : first.awayId;
  const pens = second.decider?.penalties;
  return pens && pens[0] > pens[1] ? second.homeId : second.awayId;
}
