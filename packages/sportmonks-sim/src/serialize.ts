// JSON text of every record, as SportMonks shapes it. Built by concatenating cached pieces:
// a fixture's own fields and its scores are cached until the clock changes them.
import { DetailSerializer } from './detail/serialize.ts';
import type { MatchDetails } from './detail/store.ts';
import type { IncludeTree } from './includes.ts';
import { TYPE_IDS } from './core.ts';
import { winnerOf } from './knockout.ts';
import { Phase, type AggregateRec, type FixtureRec, type GroupRec, type LeagueRec, type RoundRec, type SeasonRec, type StageRec, type TeamRec, type VenueApi } from './model.ts';
import type { StandingRow } from './standings.ts';
import { FINAL, STATE, STATE_BY_ID, type StateApi } from './states.ts';
import { aggregateFields, currentStages, gamesThisWeek, groupFields, stageFields, TIE_BREAKER_RULE_ID } from './structure-json.ts';
import { formatDateTime } from './time.ts';
import type { World } from './world.ts';

const SCORE_TYPES = TYPE_IDS.score;

/** Standing detail type ids (SportMonks' "overall" types). */
export const DETAIL_TYPES = {
  played: 129,
  won: 130,
  drawn: 131,
  lost: 132,
  goalsFor: 133,
  goalsAgainst: 134,
  goalDifference: 179,
  points: 187,
} as const;

const STANDING_RULE_ID = 13_224;
/** Score rows a fixture can have (two per period): slots in its block of row ids. */
const SCORE_SLOTS = 12;

/** Appends `,"key":value` pairs to a JSON object text. */
function extend(objectJson: string, parts: string): string {
  return parts === '' ? objectJson : `${objectJson.slice(0, -1)}${parts}}`;
}

export class Serializer {
  private readonly venueJson = new Map<number, string>();
  private readonly stateJson = new Map<number, string>();
  private readonly currentRounds = new WeakMap<StageRec, { version: number; round: RoundRec | undefined }>();
  private readonly current = new WeakMap<SeasonRec, { version: number; stages: Set<StageRec> }>();

  /** Match detail, people and top scorers. */
  readonly detail: DetailSerializer;

  constructor(
    private readonly world: World,
    details: MatchDetails,
  ) {
    this.detail = new DetailSerializer(details, world.teams, (t, tree) => this.team(t, tree), world.seed);
  }

  fixture(f: FixtureRec, tree: IncludeTree): string {
    const base = f.json ?? (f.json = JSON.stringify(this.fixtureFields(f)));
    if (tree.size === 0) return base;
    let parts = '';
    for (const [name, node] of tree) {
      const sub = node.children;
      switch (name) {
        case 'participants':
          parts += `,"participants":[${this.participants(f, sub)}]`;
          break;
        case 'scores':
          parts += `,"scores":${this.scores(f)}`;
          break;
        case 'state':
          parts += `,"state":${this.stateShort(f.stateId)}`;
          break;
        case 'venue': {
          const venue = f.venueId === null ? undefined : this.world.venueById.get(f.venueId);
          parts += `,"venue":${venue ? this.venue(venue) : 'null'}`;
          break;
        }
        case 'league':
          parts += `,"league":${this.league(f.season.league, sub)}`;
          break;
        case 'season':
          parts += `,"season":${this.season(f.season, sub)}`;
          break;
        case 'stage':
          parts += `,"stage":${this.stage(f.stage, sub)}`;
          break;
        case 'round':
          parts += `,"round":${f.round ? this.round(f.round, sub) : 'null'}`;
          break;
        case 'group':
          parts += `,"group":${f.group ? this.group(f.group, sub) : 'null'}`;
          break;
        case 'aggregate':
          parts += `,"aggregate":${f.aggregate ? this.aggregate(f.aggregate, sub) : 'null'}`;
          break;
        default:
          parts += this.detail.fixturePart(f, name, sub);
      }
    }
    return extend(base, parts);
  }

  fixtureFields(f: FixtureRec): Record<string, unknown> {
    const placeholder = f.placeholderIds !== null;
    return {
      id: f.id,
      sport_id: 1,
      league_id: f.season.league.id,
      season_id: f.season.id,
      stage_id: f.stage.id,
      group_id: f.group?.id ?? null,
      aggregate_id: f.aggregate?.id ?? null,
      round_id: f.round?.id ?? null,
      state_id: f.stateId,
      venue_id: f.venueId,
      name: f.name,
      starting_at: formatDateTime(f.kickoffMs),
      result_info: f.resultInfo,
      leg: f.leg,
      details: null,
      length: 90,
      placeholder,
      has_odds: !placeholder,
      has_premium_odds: false,
      starting_at_timestamp: Math.floor(f.kickoffMs / 1000),
    };
  }

  private participants(f: FixtureRec, tree: IncludeTree): string {
    const [homeId, awayId] = f.placeholderIds ?? [f.homeId, f.awayId];
    const winnerId = f.phase === Phase.Finished ? winnerOf(f) : undefined;
    const winner = (teamId: number): string => (winnerId === undefined ? 'null' : String(winnerId === teamId));
    const homeJson = this.participant(homeId, tree, `{"location":"home","winner":${winner(homeId)},"position":null}`);
    const awayJson = this.participant(awayId, tree, `{"location":"away","winner":${winner(awayId)},"position":null}`);
    return f.homeFirst ? `${homeJson},${awayJson}` : `${awayJson},${homeJson}`;
  }

  private participant(teamId: number, tree: IncludeTree, meta: string): string {
    const team = this.world.team(teamId);
    if (!team) return 'null';
    return extend(this.team(team, tree), `,"meta":${meta}`);
  }

  scores(f: FixtureRec): string {
    return f.scoresJson ?? (f.scoresJson = JSON.stringify(scoreRows(f)));
  }

  /** The fixture with participants and scores as plain objects (what `include=participants;scores` parses to). */
  fixtureObject(f: FixtureRec): Record<string, unknown> {
    const [homeId, awayId] = f.placeholderIds ?? [f.homeId, f.awayId];
    const winnerId = f.phase === Phase.Finished ? winnerOf(f) : undefined;
    const participant = (teamId: number, location: string): Record<string, unknown> | null => {
      const team = this.world.team(teamId);
      return team ? { ...team.api, meta: { location, winner: winnerId === undefined ? null : winnerId === teamId, position: null } } : null;
    };
    const pair = [participant(homeId, 'home'), participant(awayId, 'away')];
    if (!f.homeFirst) pair.reverse();
    return { ...this.fixtureFields(f), participants: pair, scores: scoreRows(f) };
  }

  team(t: TeamRec, tree: IncludeTree): string {
    const base = t.json ?? (t.json = JSON.stringify(t.api));
    if (!tree.has('venue')) return base;
    const venue = t.api.venue_id === null ? undefined : this.world.venueById.get(t.api.venue_id);
    return extend(base, `,"venue":${venue ? this.venue(venue) : 'null'}`);
  }

  venue(v: VenueApi): string {
    let json = this.venueJson.get(v.id);
    if (json === undefined) {
      json = JSON.stringify(v);
      this.venueJson.set(v.id, json);
    }
    return json;
  }

  state(s: StateApi): string {
    return JSON.stringify(s);
  }

  /** As an include the state comes without its flags (the real API varies here too). */
  private stateShort(id: number): string {
    let json = this.stateJson.get(id);
    if (json === undefined) {
      const s = STATE_BY_ID.get(id);
      json = s ? JSON.stringify({ id: s.id, state: s.state, name: s.name, short_name: s.short_name, developer_name: s.developer_name }) : 'null';
      this.stateJson.set(id, json);
    }
    return json;
  }

  league(l: LeagueRec, tree: IncludeTree): string {
    let lastPlayed = 0;
    for (const team of this.world.teams.values()) {
      if (team.leagueId === l.id && team.lastPlayedMs > lastPlayed) lastPlayed = team.lastPlayedMs;
    }
    const base = JSON.stringify({
      id: l.id,
      sport_id: 1,
      country_id: l.countryId,
      name: l.name,
      active: true,
      short_code: l.shortCode,
      image_path: `https://cdn.sportmonks.com/images/soccer/leagues/${l.id % 32}/${l.id}.png`,
      type: l.format === 'cup' ? 'cup' : 'league',
      sub_type: l.format === 'cup' ? 'domestic_cup' : l.format.startsWith('playoff') ? 'play-offs' : 'domestic',
      last_played_at: lastPlayed > 0 ? formatDateTime(lastPlayed) : null,
      category: l.id === 271 || l.id === 501 ? 2 : 1,
      has_jerseys: false,
    });
    const seasons = tree.get('seasons');
    return seasons ? extend(base, `,"seasons":[${l.seasons.map((s) => this.season(s, seasons.children)).join(',')}]`) : base;
  }

  season(s: SeasonRec, tree: IncludeTree): string {
    let recalculated = 0;
    for (const f of s.fixtures) {
      if (f.phase === Phase.Finished && f.updatedMs > recalculated) recalculated = f.updatedMs;
    }
    const base = JSON.stringify({
      id: s.id,
      sport_id: 1,
      league_id: s.league.id,
      tie_breaker_rule_id: TIE_BREAKER_RULE_ID,
      name: s.name,
      finished: s.finished,
      pending: false,
      is_current: s.isCurrent,
      starting_at: s.startDate,
      ending_at: s.endDate,
      standings_recalculated_at: recalculated > 0 ? formatDateTime(recalculated) : null,
      games_in_current_week: s.isCurrent,
    });
    let parts = '';
    for (const [name, node] of tree) {
      if (name === 'league') parts += `,"league":${this.league(s.league, node.children)}`;
      else if (name === 'stages') parts += `,"stages":[${byId(s.stages).map((stage) => this.stage(stage, node.children)).join(',')}]`;
      else if (name === 'rounds') parts += `,"rounds":[${roundsByName(s.rounds).map((r) => this.round(r, node.children)).join(',')}]`;
      else if (name === 'teams') {
        const teams = s.teamIds.map((id) => this.world.teams.get(id)).filter((t) => t !== undefined);
        parts += `,"teams":[${teams.map((t) => this.team(t, node.children)).join(',')}]`;
      } else if (name === 'fixtures') parts += `,"fixtures":[${this.liveFixtures(s.fixtures, node.children)}]`;
    }
    return extend(base, parts);
  }

  stage(stage: StageRec, tree: IncludeTree): string {
    const base = JSON.stringify(stageFields(stage, this.currentStages(stage.season).has(stage), this.world.now()));
    let parts = '';
    for (const [name, node] of tree) {
      if (name === 'league') parts += `,"league":${this.league(stage.season.league, node.children)}`;
      else if (name === 'season') parts += `,"season":${this.season(stage.season, node.children)}`;
      else if (name === 'rounds') parts += `,"rounds":[${roundsByName(stage.rounds).map((r) => this.round(r, node.children)).join(',')}]`;
      else if (name === 'groups') parts += `,"groups":[${stage.groups.map((g) => this.group(g, node.children)).join(',')}]`;
      else if (name === 'aggregates') parts += `,"aggregates":[${stage.aggregates.map((a) => this.aggregate(a, node.children)).join(',')}]`;
      else if (name === 'fixtures') parts += `,"fixtures":[${this.liveFixtures(stage.fixtures, node.children)}]`;
    }
    return extend(base, parts);
  }

  group(g: GroupRec, tree: IncludeTree): string {
    const base = JSON.stringify(groupFields(g, this.currentStages(g.stage.season).has(g.stage), this.world.now()));
    let parts = '';
    for (const [name, node] of tree) {
      if (name === 'stage') parts += `,"stage":${this.stage(g.stage, node.children)}`;
      else if (name === 'fixtures') parts += `,"fixtures":[${this.liveFixtures(g.stage.fixtures.filter((f) => f.group === g), node.children)}]`;
    }
    return extend(base, parts);
  }

  aggregate(a: AggregateRec, tree: IncludeTree): string {
    const base = JSON.stringify(aggregateFields(a, (id) => this.world.team(id)?.api.name ?? '?'));
    let parts = '';
    for (const [name, node] of tree) {
      if (name === 'stage') parts += `,"stage":${this.stage(a.stage, node.children)}`;
      else if (name === 'fixtures') parts += `,"fixtures":[${this.liveFixtures(a.legs, node.children)}]`;
    }
    return extend(base, parts);
  }

  private currentStages(s: SeasonRec): Set<StageRec> {
    const cached = this.current.get(s);
    if (cached?.version === s.version) return cached.stages;
    const stages = currentStages(s.stages);
    this.current.set(s, { version: s.version, stages });
    return stages;
  }

  round(r: RoundRec, tree: IncludeTree): string {
    const s = r.season;
    const base = JSON.stringify({
      id: r.id,
      sport_id: 1,
      league_id: s.league.id,
      season_id: s.id,
      stage_id: r.stage.id,
      name: r.name,
      finished: roundFinished(r),
      is_current: this.currentRound(r.stage) === r,
      starting_at: r.startDate,
      ending_at: r.endDate,
      games_in_current_week: gamesThisWeek(r.fixtures, this.world.now()),
    });
    let parts = '';
    for (const [name, node] of tree) {
      if (name === 'league') parts += `,"league":${this.league(s.league, node.children)}`;
      else if (name === 'season') parts += `,"season":${this.season(s, node.children)}`;
      else if (name === 'stage') parts += `,"stage":${this.stage(r.stage, node.children)}`;
      else if (name === 'fixtures') parts += `,"fixtures":[${this.liveFixtures(r.fixtures, node.children)}]`;
    }
    return extend(base, parts);
  }

  /** The first round of a stage not yet finished; the last one once the stage is over. */
  private currentRound(stage: StageRec): RoundRec | undefined {
    const cached = this.currentRounds.get(stage);
    if (cached?.version === stage.season.version) return cached.round;
    const round = stage.rounds.find((r) => !roundFinished(r)) ?? stage.rounds.at(-1);
    this.currentRounds.set(stage, { version: stage.season.version, round });
    return round;
  }

  liveFixtures(fixtures: FixtureRec[], tree: IncludeTree): string {
    return fixtures
      .filter((f) => !f.deleted)
      .map((f) => this.fixture(f, tree))
      .join(',');
  }

  standing(row: StandingRow, tree: IncludeTree): string {
    const s = row.season;
    const standingId = row.id;
    const base = `{"id":${standingId},"participant_id":${row.teamId},"sport_id":1,"league_id":${s.league.id},"season_id":${s.id},"stage_id":${row.stage.id},"group_id":${row.group?.id ?? null},"round_id":${row.roundId},"standing_rule_id":${STANDING_RULE_ID},"position":${row.position},"result":"${row.result}","points":${row.record.points}}`;
    let parts = '';
    for (const [name, node] of tree) {
      if (name === 'participant') {
        const team = this.world.teams.get(row.teamId);
        parts += `,"participant":${team ? this.team(team, node.children) : 'null'}`;
      } else if (name === 'details') {
        const r = row.record;
        const values: [number, number][] = [
          [DETAIL_TYPES.played, r.played],
          [DETAIL_TYPES.won, r.won],
          [DETAIL_TYPES.drawn, r.drawn],
          [DETAIL_TYPES.lost, r.lost],
          [DETAIL_TYPES.goalsFor, r.goalsFor],
          [DETAIL_TYPES.goalsAgainst, r.goalsAgainst],
          [DETAIL_TYPES.goalDifference, r.goalsFor - r.goalsAgainst],
          [DETAIL_TYPES.points, r.points],
        ];
        const details = values.map(
          ([typeId, value], i) => `{"id":${standingId * 10 + i},"standing_type":"standing","standing_id":${standingId},"type_id":${typeId},"value":${value}}`,
        );
        parts += `,"details":[${details.join(',')}]`;
      } else if (name === 'league') parts += `,"league":${this.league(s.league, node.children)}`;
      else if (name === 'season') parts += `,"season":${this.season(s, node.children)}`;
      else if (name === 'stage') parts += `,"stage":${this.stage(row.stage, node.children)}`;
      else if (name === 'group') parts += `,"group":${row.group ? this.group(row.group, node.children) : 'null'}`;
      else if (name === 'round') {
        const round = this.world.roundById.get(row.roundId);
        parts += `,"round":${round ? this.round(round, node.children) : 'null'}`;
      }
    }
    return extend(base, parts);
  }
}

interface ScoreRow {
  id: number;
  fixture_id: number;
  type_id: number;
  participant_id: number;
  score: { goals: number; participant: 'home' | 'away' };
  description: string;
}

/** Score rows for the match so far: one per side and period, in no fixed order (as upstream). */
function scoreRows(f: FixtureRec): ScoreRow[] {
  const rows: ScoreRow[] = [];
  let slot = 0;
  const add = (typeId: number, description: string, goals: [number, number]): void => {
    const home: ScoreRow = { id: 0, fixture_id: f.id, type_id: typeId, participant_id: f.homeId, score: { goals: goals[0], participant: 'home' }, description };
    const away: ScoreRow = { id: 0, fixture_id: f.id, type_id: typeId, participant_id: f.awayId, score: { goals: goals[1], participant: 'away' }, description };
    for (const row of f.homeFirst ? [home, away] : [away, home]) {
      row.id = 100_000_000 + f.index * SCORE_SLOTS + slot++;
      rows.push(row);
    }
  };
  const regular: [number, number] = [f.h1[0] + f.h2[0], f.h1[1] + f.h2[1]];
  const total: [number, number] = [regular[0] + f.et[0], regular[1] + f.et[1]];
  if (f.phase >= Phase.HalfTime) add(SCORE_TYPES.firstHalf, '1ST_HALF', f.h1);
  if (f.phase >= Phase.FirstHalf) add(SCORE_TYPES.current, 'CURRENT', total);
  if (f.phase >= Phase.SecondHalf) {
    add(SCORE_TYPES.secondHalf, '2ND_HALF', regular);
    add(SCORE_TYPES.secondHalfOnly, '2ND_HALF_ONLY', f.h2);
  }
  // Extra time: the score after 120 minutes; the shoot-out: kicks scored (not in CURRENT).
  if (f.decider && f.phase >= Phase.ExtraTime) add(SCORE_TYPES.extraTime, 'EXTRA_TIME', total);
  const penalties = f.decider?.penalties;
  if (penalties && f.phase >= Phase.Penalties) add(SCORE_TYPES.penaltyShootout, 'PENALTY_SHOOTOUT', f.phase === Phase.Finished ? penalties : [0, 0]);
  return rows;
}

function roundFinished(r: RoundRec): boolean {
  return r.fixtures.every((f) => f.deleted || FINAL.has(f.stateId) || f.stateId === STATE.POSTPONED);
}

export function byId<T extends { id: number }>(items: T[]): T[] {
  return [...items].sort((a, b) => a.id - b.id);
}

/** Upstream sorts rounds by name as text: "1", "10", "11", …, "2". */
export function roundsByName(rounds: RoundRec[]): RoundRec[] {
  return [...rounds].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.id - b.id));
}
