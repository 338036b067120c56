// The world as of the simulated clock: generated records, the events still to come, and
// the indexes the API reads. Plain TypeScript, no HTTP.
import { SimClock, type ClockOptions } from './clock.ts';
import { generate, MATCH, type FixturePlan, type Generated } from './generate.ts';
import { Phase, type AggregateRec, type ChangedIds, type ClockEvent, type FixtureRec, type GroupRec, type LeagueRec, type RoundRec, type SeasonRec, type StageRec, type TeamRec, type VenueApi } from './model.ts';
import { STATE } from './states.ts';
import { cancelledGoal, minuteCorrectionAtMs } from './detail/var.ts';
import { computeStandings, type StandingRow } from './standings.ts';
import { decidedBy, winnerOf } from './knockout.ts';
import { formatDate, formatDateTime, HOUR } from './time.ts';

export interface WorldOptions {
  seed: number;
  leagueCount: number;
  seasonsPerLeague: number;
  clock?: ClockOptions;
}

export interface ClockAdvance {
  fromMs: number;
  toMs: number;
  fixtureIds: number[];
  teamIds: number[];
}

interface Change {
  atMs: number;
  fixture: FixtureRec;
}

/** How long `fixtures/latest` looks back, as the real feed does. */
export const LATEST_WINDOW_MS = 10_000;

export class World {
  readonly clock: SimClock;
  readonly leagues: LeagueRec[];
  readonly seasons: SeasonRec[];
  readonly teams: Map<number, TeamRec>;
  readonly placeholderTeams: Map<number, TeamRec>;
  readonly venues: VenueApi[];
  /** Every fixture, deleted ones included, in id order. */
  readonly fixtures: FixtureRec[];
  readonly leagueById = new Map<number, LeagueRec>();
  readonly seasonById = new Map<number, SeasonRec>();
  readonly venueById = new Map<number, VenueApi>();
  readonly fixtureById = new Map<number, FixtureRec>();
  readonly roundById = new Map<number, RoundRec>();
  readonly stageById = new Map<number, StageRec>();
  readonly groupById = new Map<number, GroupRec>();
  readonly aggregateById = new Map<number, AggregateRec>();
  /** Live fixtures by UTC day of kick-off ("YYYY-MM-DD"). */
  private readonly byDay = new Map<string, Set<FixtureRec>>();
  private readonly events: ClockEvent[] = [];
  private nextEvent = 0;
  private readonly changes: Change[] = [];
  private lastTickMs: number;
  private readonly standingsCache = new WeakMap<SeasonRec, { version: number; rows: StandingRow[] }>();
  private eventSeq = 0;
  /** Bumped whenever the clock changes anything: caches keyed on it stay valid until then. */
  version = 0;
  /** The simulated time of the event being applied: what a change is stamped with. */
  private eventMs = 0;
  /** Told of every fixture an event changes, deleted ones included (the simulator's change log). */
  onFixtureChange: ((atMs: number, fixture: FixtureRec) => void) | null = null;
  /** Offsets from kick-off at which a fixture's match detail changes (followDetail). */
  private detailChangesOf: ((fixture: FixtureRec) => number[]) | null = null;
  /** Touches scheduled while the clock runs (a match's detail changes, known at its kick-off), by time. */
  private readonly lateEvents: ClockEvent[] = [];

  readonly seed: number;

  constructor(options: WorldOptions) {
    this.seed = options.seed;
    this.clock = new SimClock(options.clock);
    const startMs = this.clock.startMs;
    const generated: Generated = generate({ seed: options.seed, leagueCount: options.leagueCount, seasonsPerLeague: options.seasonsPerLeague, startMs });
    this.leagues = generated.leagues;
    this.seasons = generated.seasons;
    this.teams = generated.teams;
    this.placeholderTeams = generated.placeholderTeams;
    this.venues = generated.venues;
    this.fixtures = generated.fixtures;
    for (const league of this.leagues) this.leagueById.set(league.id, league);
    for (const season of this.seasons) {
      this.seasonById.set(season.id, season);
      for (const stage of season.stages) {
        this.stageById.set(stage.id, stage);
        for (const group of stage.groups) this.groupById.set(group.id, group);
        for (const aggregate of stage.aggregates) this.aggregateById.set(aggregate.id, aggregate);
      }
      for (const round of season.rounds) this.roundById.set(round.id, round);
    }
    for (const venue of this.venues) this.venueById.set(venue.id, venue);
    for (const fixture of this.fixtures) this.fixtureById.set(fixture.id, fixture);

    const pending: ClockEvent[] = [];
    for (const plan of generated.plans) this.planFixture(plan, startMs, pending);
    for (const rename of generated.renames) {
      pending.push(this.event(rename.atMs, () => this.renameTeam(rename.team, rename.newName)));
    }
    pending.sort((a, b) => a.atMs - b.atMs || a.seq - b.seq);
    // What happened before the clock starts is history: applied silently.
    for (const event of pending) {
      if (event.atMs > startMs) this.events.push(event);
      else {
        this.eventMs = event.atMs;
        event.run();
      }
    }
    for (const fixture of this.fixtures) {
      if (!fixture.deleted) this.indexDay(fixture);
    }
    this.lastTickMs = startMs;
  }

  now(): number {
    return this.clock.now();
  }

  /** The simulated time the world was last brought up to: what every answer describes. */
  tickedAt(): number {
    return this.lastTickMs;
  }

  /** Applies every event due by now; returns what changed since the last tick. */
  tick(): ClockAdvance {
    const toMs = this.clock.now();
    const fromMs = this.lastTickMs;
    const fixtureIds = new Set<number>();
    const teamIds = new Set<number>();
    for (;;) {
      const planned = this.events[this.nextEvent];
      const late = this.lateEvents[0];
      const event = late !== undefined && (planned === undefined || late.atMs < planned.atMs) ? late : planned;
      if (!event || event.atMs > toMs) break;
      if (event === late) this.lateEvents.shift();
      else this.nextEvent++;
      this.version++;
      this.eventMs = event.atMs;
      // Answers built while the event is applied (the change log's) describe the world at its time.
      if (event.atMs > this.lastTickMs) this.lastTickMs = event.atMs;
      const changed = event.run();
      for (const id of changed.fixtures) {
        fixtureIds.add(id);
        const fixture = this.fixtureById.get(id);
        if (fixture) this.onFixtureChange?.(event.atMs, fixture);
        if (fixture && !fixture.deleted) this.changes.push({ atMs: event.atMs, fixture });
      }
      for (const id of changed.teams) teamIds.add(id);
    }
    if (toMs > this.lastTickMs) this.lastTickMs = toMs;
    // Only the last window matters to fixtures/latest.
    if (this.changes.length > 10_000) {
      const keepFrom = this.changes.findIndex((c) => c.atMs > toMs - LATEST_WINDOW_MS);
      this.changes.splice(0, keepFrom === -1 ? this.changes.length : keepFrom);
    }
    return { fromMs, toMs, fixtureIds: [...fixtureIds].sort((a, b) => a - b), teamIds: [...teamIds].sort((a, b) => a - b) };
  }

  advance(ms: number): ClockAdvance {
    const fromMs = this.lastTickMs;
    this.clock.advance(ms);
    return { ...this.tick(), fromMs };
  }

  /**
   * A scenario's own change (tests, benchmarks): at `atMs`, still ahead of the clock, the fixture
   * is postponed (its match, if under way, stops there) or deleted (it vanishes, as upstream).
   */
  injectChange(atMs: number, fixtureId: number, kind: 'postpone' | 'delete'): void {
    const fixture = this.fixtureById.get(fixtureId);
    if (!fixture) throw new Error(`no fixture ${String(fixtureId)}`);
    if (atMs <= this.lastTickMs) throw new Error('an injected change must lie ahead of the clock');
    const event = this.event(atMs, () => {
      if (kind === 'delete') {
        fixture.deleted = true;
        fixture.stateId = STATE.DELETED;
        this.unindexDay(fixture);
      } else fixture.stateId = STATE.POSTPONED;
      return this.touched(fixture);
    });
    let at = this.nextEvent;
    while (at < this.events.length && (this.events[at]?.atMs ?? Infinity) <= atMs) at++;
    this.events.splice(at, 0, event);
  }

  /**
   * From now on a match's detail changing (an event appearing: a card, a substitution; or a VAR
   * check taking a goal away) touches its fixture, as upstream reports it then in the
   * latest-updated feed. `offsets` gives those moments from kick-off; matches under way now are
   * followed from here on, the others from their kick-off.
   */
  followDetail(offsets: (fixture: FixtureRec) => number[]): void {
    this.detailChangesOf = offsets;
    for (const fixture of this.fixtures) {
      if (!fixture.deleted && fixture.phase !== Phase.None && fixture.phase !== Phase.Finished) this.scheduleDetail(fixture);
    }
  }

  private scheduleDetail(fixture: FixtureRec): void {
    if (this.detailChangesOf === null) return;
    const kickoffMs = fixture.kickoffMs;
    for (const offset of new Set(this.detailChangesOf(fixture))) {
      const atMs = kickoffMs + offset;
      if (atMs <= this.lastTickMs) continue;
      const event = this.event(atMs, () => {
        // A step of the match at the same moment (a goal) already touched it; stopped matches change no more.
        const stopped = fixture.deleted || fixture.stateId === STATE.CANCELLED || fixture.stateId === STATE.POSTPONED;
        if (stopped || fixture.updatedMs === atMs) return { fixtures: [], teams: [] };
        return this.touched(fixture);
      });
      let at = this.lateEvents.length;
      while (at > 0 && (this.lateEvents[at - 1]?.atMs ?? 0) > atMs) at--;
      this.lateEvents.splice(at, 0, event);
    }
  }

  /** Fixtures changed within the last 10 s of simulated time, each once, in id order. */
  latest(): FixtureRec[] {
    const since = this.clock.now() - LATEST_WINDOW_MS;
    const seen = new Set<FixtureRec>();
    for (let i = this.changes.length - 1; i >= 0; i--) {
      const change = this.changes[i];
      if (!change || change.atMs <= since) break;
      if (!change.fixture.deleted) seen.add(change.fixture);
    }
    return [...seen].sort((a, b) => a.id - b.id);
  }

  fixturesOnDays(fromMs: number, toMs: number): FixtureRec[] {
    const out: FixtureRec[] = [];
    for (let day = fromMs; day <= toMs; day += 24 * HOUR) {
      const set = this.byDay.get(formatDate(day));
      if (set) out.push(...set);
    }
    return out.sort((a, b) => a.kickoffMs - b.kickoffMs || a.id - b.id);
  }

  team(id: number): TeamRec | undefined {
    return this.teams.get(id) ?? this.placeholderTeams.get(id);
  }

  standings(season: SeasonRec, upToRound?: RoundRec): StandingRow[] {
    if (upToRound) return computeStandings(season, upToRound);
    const cached = this.standingsCache.get(season);
    if (cached?.version === season.version) return cached.rows;
    const rows = computeStandings(season);
    this.standingsCache.set(season, { version: season.version, rows });
    return rows;
  }

  private event(atMs: number, run: () => ChangedIds): ClockEvent {
    return { atMs, seq: this.eventSeq++, run };
  }

  private planFixture(plan: FixturePlan, startMs: number, pending: ClockEvent[]): void {
    const fixture = plan.fixture;
    const plain =
      plan.postponedAtMs === undefined &&
      plan.shiftedAtMs === undefined &&
      plan.cancelledAtMs === undefined &&
      plan.deletedAtMs === undefined &&
      plan.placeholderUntilMs === undefined;
    if (plain && plan.kickoffMs + MATCH.fullTimeMs <= startMs) {
      this.finishAtOnce(fixture);
      return;
    }
    const touch = (): ChangedIds => this.touched(fixture);
    fixture.kickoffMs = plan.publishedKickoffMs;
    if (plan.placeholderUntilMs !== undefined) {
      pending.push(this.event(plan.placeholderUntilMs, () => {
        fixture.placeholderIds = null;
        fixture.name = this.fixtureName(fixture);
        return touch();
      }));
    }
    if (plan.postponedAtMs !== undefined) {
      pending.push(this.event(plan.postponedAtMs, () => {
        fixture.stateId = STATE.POSTPONED;
        return touch();
      }));
    }
    if (plan.rescheduledAtMs !== undefined || plan.shiftedAtMs !== undefined) {
      const atMs = plan.rescheduledAtMs ?? plan.shiftedAtMs ?? 0;
      pending.push(this.event(atMs, () => {
        this.moveKickoff(fixture, plan.kickoffMs);
        fixture.stateId = STATE.NS;
        return touch();
      }));
    }
    if (plan.cancelledAtMs !== undefined) {
      pending.push(this.event(plan.cancelledAtMs, () => {
        fixture.stateId = STATE.CANCELLED;
        return touch();
      }));
      return;
    }
    if (plan.deletedAtMs !== undefined) {
      pending.push(this.event(plan.deletedAtMs, () => {
        fixture.deleted = true;
        fixture.stateId = STATE.DELETED;
        this.unindexDay(fixture);
        return touch();
      }));
      return;
    }
    if (plan.postponedAtMs !== undefined && plan.rescheduledAtMs === undefined) return;
    this.planMatch(fixture, plan.kickoffMs, pending);
  }

  private planMatch(fixture: FixtureRec, kickoffMs: number, pending: ClockEvent[]): void {
    const playing = (): boolean => !fixture.deleted && fixture.stateId !== STATE.CANCELLED && fixture.stateId !== STATE.POSTPONED;
    const step = (offsetMs: number, apply: () => void): void => {
      pending.push(this.event(kickoffMs + offsetMs, () => {
        if (!playing()) return { fixtures: [], teams: [] };
        apply();
        fixture.scoresJson = null;
        return this.touched(fixture);
      }));
    };
    step(0, () => {
      fixture.stateId = STATE.INPLAY_1ST_HALF;
      fixture.phase = Phase.FirstHalf;
      this.scheduleDetail(fixture);
    });
    for (const goal of fixture.goals) {
      step(MATCH.goalAtMs(goal.minute), () => {
        const half = goal.minute <= 45 ? fixture.h1 : fixture.h2;
        half[goal.home ? 0 : 1]++;
      });
    }
    // A goal VAR cancels counts for two minutes, then the score drops back.
    const cancelled = cancelledGoal(this.seed, fixture);
    if (cancelled) {
      const half = cancelled.minute <= 45 ? fixture.h1 : fixture.h2;
      const side = cancelled.home ? 0 : 1;
      step(cancelled.scoredAtMs, () => half[side]++);
      step(cancelled.cancelledAtMs, () => half[side]--);
    }
    // A card's minute corrected after the match: nothing here changes, but the fixture does.
    const corrected = minuteCorrectionAtMs(this.seed, fixture);
    if (corrected !== null) step(corrected, () => undefined);
    step(MATCH.halfTimeMs, () => {
      fixture.stateId = STATE.HT;
      fixture.phase = Phase.HalfTime;
    });
    step(MATCH.secondHalfMs, () => {
      fixture.stateId = STATE.INPLAY_2ND_HALF;
      fixture.phase = Phase.SecondHalf;
    });
    const decider = fixture.decider;
    if (!decider) {
      step(MATCH.fullTimeMs, () => { this.finish(fixture); });
      return;
    }
    // Level when it has to have a winner: extra time, then perhaps a shoot-out.
    step(MATCH.fullTimeMs, () => {
      fixture.stateId = STATE.INPLAY_ET;
      fixture.phase = Phase.ExtraTime;
    });
    for (const goal of decider.extraTime) {
      step(MATCH.goalAtMs(goal.minute), () => {
        fixture.et[goal.home ? 0 : 1]++;
      });
    }
    if (decider.penalties) {
      step(MATCH.extraTimeEndMs, () => {
        fixture.stateId = STATE.INPLAY_PENALTIES;
        fixture.phase = Phase.Penalties;
      });
    }
    step(MATCH.endMs(fixture), () => { this.finish(fixture); });
  }

  private finishAtOnce(fixture: FixtureRec): void {
    for (const goal of fixture.goals) {
      const half = goal.minute <= 45 ? fixture.h1 : fixture.h2;
      half[goal.home ? 0 : 1]++;
    }
    for (const goal of fixture.decider?.extraTime ?? []) fixture.et[goal.home ? 0 : 1]++;
    this.finish(fixture);
    fixture.updatedMs = fixture.kickoffMs + MATCH.endMs(fixture);
  }

  private finish(fixture: FixtureRec): void {
    const decided = decidedBy(fixture);
    fixture.stateId = decided.stateId;
    fixture.phase = Phase.Finished;
    const homeTeam = this.teams.get(fixture.homeId);
    const awayTeam = this.teams.get(fixture.awayId);
    const winner = winnerOf(fixture);
    fixture.resultInfo = winner === null ? 'Game ended in draw.' : `${(winner === fixture.homeId ? homeTeam : awayTeam)?.api.name ?? 'Unknown'} ${decided.wonAfter}`;
    for (const team of [homeTeam, awayTeam]) {
      if (team && fixture.kickoffMs > team.lastPlayedMs) {
        team.lastPlayedMs = fixture.kickoffMs;
        team.api.last_played_at = formatDateTime(fixture.kickoffMs);
        team.json = null;
      }
    }
    fixture.json = null;
    fixture.scoresJson = null;
    fixture.season.version++;
  }

  private renameTeam(team: TeamRec, newName: string): ChangedIds {
    team.api.name = newName;
    team.json = null;
    const fixtures: number[] = [];
    for (const season of this.seasons) {
      if (!season.isCurrent || !season.teamIds.includes(team.api.id)) continue;
      for (const fixture of season.fixtures) {
        if (fixture.phase !== Phase.None || (fixture.homeId !== team.api.id && fixture.awayId !== team.api.id)) continue;
        fixture.name = this.fixtureName(fixture);
        fixtures.push(...this.touched(fixture).fixtures);
      }
    }
    return { fixtures, teams: [team.api.id] };
  }

  fixtureName(fixture: FixtureRec): string {
    const [homeId, awayId] = fixture.placeholderIds ?? [fixture.homeId, fixture.awayId];
    return `${this.team(homeId)?.api.name ?? '?'} vs ${this.team(awayId)?.api.name ?? '?'}`;
  }

  private touched(fixture: FixtureRec): ChangedIds {
    fixture.json = null;
    fixture.updatedMs = this.eventMs;
    fixture.season.version++;
    return { fixtures: [fixture.id], teams: [] };
  }

  private moveKickoff(fixture: FixtureRec, kickoffMs: number): void {
    this.unindexDay(fixture);
    fixture.kickoffMs = kickoffMs;
    if (!fixture.deleted) this.indexDay(fixture);
  }

  private indexDay(fixture: FixtureRec): void {
    const day = formatDate(fixture.kickoffMs);
    let set = this.byDay.get(day);
    if (!set) {
      set = new Set();
      this.byDay.set(day, set);
    }
    set.add(fixture);
  }

  private unindexDay(fixture: FixtureRec): void {
    this.byDay.get(formatDate(fixture.kickoffMs))?.delete(fixture);
  }
}
