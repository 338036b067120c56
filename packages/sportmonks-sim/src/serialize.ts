// JSON text of every record, as SportMonks shapes it. Built by concatenating cached pieces:
// a fixture's own fields and its scores are cached until the clock changes them.
import { DetailSerializer } from './detail/serialize.ts';
import type { MatchDetails } from './detail/store.ts';
import type { IncludeTree } from './includes.ts';
import { Phase, type FixtureRec, type LeagueRec, type RoundRec, type SeasonRec, type TeamRec, type VenueApi } from './model.ts';
import type { StandingRow } from './standings.ts';
import { FINAL, STATE, STATE_BY_ID, type StateApi } from './states.ts';
import { formatDateTime } from './time.ts';
import type { World } from './world.ts';

const SCORE_TYPES = { CURRENT: 1525, FIRST_HALF: 1, SECOND_HALF: 2, SECOND_HALF_ONLY: 48996 } as const;

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
const TIE_BREAKER_RULE_ID = 171;
const REGULAR_SEASON_TYPE_ID = 223;

/** Appends `,"key":value` pairs to a JSON object text. */
function extend(objectJson: string, parts: string): string {
  return parts === '' ? objectJson : `${objectJson.slice(0, -1)}${parts}}`;
}

export class Serializer {
  private readonly venueJson = new Map<number, string>();
  private readonly stateJson = new Map<number, string>();
  private readonly currentRounds = new WeakMap<SeasonRec, { version: number; round: RoundRec | undefined }>();

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
          parts += `,"stage":${this.stage(f.season, sub)}`;
          break;
        case 'round':
          parts += `,"round":${this.round(f.round, sub)}`;
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
      stage_id: f.season.stage.id,
      group_id: null,
      aggregate_id: null,
      round_id: f.round.id,
      state_id: f.stateId,
      venue_id: f.venueId,
      name: f.name,
      starting_at: formatDateTime(f.kickoffMs),
      result_info: f.resultInfo,
      leg: '1/1',
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
    const finished = f.phase === Phase.Finished;
    const home = f.h1[0] + f.h2[0];
    const away = f.h1[1] + f.h2[1];
    const winner = (mine: number, theirs: number): string => (finished ? String(mine > theirs) : 'null');
    const homeJson = this.participant(homeId, tree, `{"location":"home","winner":${winner(home, away)},"position":null}`);
    const awayJson = this.participant(awayId, tree, `{"location":"away","winner":${winner(away, home)},"position":null}`);
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
    const finished = f.phase === Phase.Finished;
    const home = f.h1[0] + f.h2[0];
    const away = f.h1[1] + f.h2[1];
    const participant = (teamId: number, location: string, mine: number, theirs: number): Record<string, unknown> | null => {
      const team = this.world.team(teamId);
      return team ? { ...team.api, meta: { location, winner: finished ? mine > theirs : null, position: null } } : null;
    };
    const pair = [participant(homeId, 'home', home, away), participant(awayId, 'away', away, home)];
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
      type: 'league',
      sub_type: 'domestic',
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
      else if (name === 'stages') parts += `,"stages":[${this.stage(s, node.children)}]`;
      else if (name === 'rounds') parts += `,"rounds":[${s.rounds.map((r) => this.round(r, node.children)).join(',')}]`;
      else if (name === 'teams') {
        const teams = s.teamIds.map((id) => this.world.teams.get(id)).filter((t) => t !== undefined);
        parts += `,"teams":[${teams.map((t) => this.team(t, node.children)).join(',')}]`;
      } else if (name === 'fixtures') parts += `,"fixtures":[${this.liveFixtures(s.fixtures, node.children)}]`;
    }
    return extend(base, parts);
  }

  stage(s: SeasonRec, tree: IncludeTree): string {
    const base = JSON.stringify({
      id: s.stage.id,
      sport_id: 1,
      league_id: s.league.id,
      season_id: s.id,
      type_id: REGULAR_SEASON_TYPE_ID,
      name: 'Regular Season',
      sort_order: 1,
      finished: s.finished,
      is_current: true,
      starting_at: s.startDate,
      ending_at: s.endDate,
      games_in_current_week: s.isCurrent,
      tie_breaker_rule_id: TIE_BREAKER_RULE_ID,
    });
    let parts = '';
    for (const [name, node] of tree) {
      if (name === 'league') parts += `,"league":${this.league(s.league, node.children)}`;
      else if (name === 'season') parts += `,"season":${this.season(s, node.children)}`;
      else if (name === 'rounds') parts += `,"rounds":[${s.rounds.map((r) => this.round(r, node.children)).join(',')}]`;
      else if (name === 'fixtures') parts += `,"fixtures":[${this.liveFixtures(s.fixtures, node.children)}]`;
    }
    return extend(base, parts);
  }

  round(r: RoundRec, tree: IncludeTree): string {
    const s = r.season;
    const base = JSON.stringify({
      id: r.id,
      sport_id: 1,
      league_id: s.league.id,
      season_id: s.id,
      stage_id: s.stage.id,
      name: r.name,
      finished: roundFinished(r),
      is_current: this.currentRound(s) === r,
      starting_at: r.startDate,
      ending_at: r.endDate,
      games_in_current_week: r.fixtures.some((f) => Math.abs(f.kickoffMs - this.world.now()) < 3.5 * 86_400_000),
    });
    let parts = '';
    for (const [name, node] of tree) {
      if (name === 'league') parts += `,"league":${this.league(s.league, node.children)}`;
      else if (name === 'season') parts += `,"season":${this.season(s, node.children)}`;
      else if (name === 'stage') parts += `,"stage":${this.stage(s, node.children)}`;
      else if (name === 'fixtures') parts += `,"fixtures":[${this.liveFixtures(r.fixtures, node.children)}]`;
    }
    return extend(base, parts);
  }

  /** The first round not yet finished; the last one once the season is over. */
  private currentRound(s: SeasonRec): RoundRec | undefined {
    const cached = this.currentRounds.get(s);
    if (cached?.version === s.version) return cached.round;
    const round = s.rounds.find((r) => !roundFinished(r)) ?? s.rounds.at(-1);
    this.currentRounds.set(s, { version: s.version, round });
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
    const base = `{"id":${standingId},"participant_id":${row.teamId},"sport_id":1,"league_id":${s.league.id},"season_id":${s.id},"stage_id":${s.stage.id},"group_id":null,"round_id":${row.roundId},"standing_rule_id":${STANDING_RULE_ID},"position":${row.position},"result":"${row.result}","points":${row.record.points}}`;
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
      else if (name === 'stage') parts += `,"stage":${this.stage(s, node.children)}`;
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
      row.id = 100_000_000 + f.index * 8 + slot++;
      rows.push(row);
    }
  };
  const total: [number, number] = [f.h1[0] + f.h2[0], f.h1[1] + f.h2[1]];
  if (f.phase >= Phase.HalfTime) add(SCORE_TYPES.FIRST_HALF, '1ST_HALF', f.h1);
  if (f.phase >= Phase.FirstHalf) add(SCORE_TYPES.CURRENT, 'CURRENT', total);
  if (f.phase >= Phase.SecondHalf) {
    add(SCORE_TYPES.SECOND_HALF, '2ND_HALF', total);
    add(SCORE_TYPES.SECOND_HALF_ONLY, '2ND_HALF_ONLY', f.h2);
  }
  return rows;
}

function roundFinished(r: RoundRec): boolean {
  return r.fixtures.every((f) => f.deleted || FINAL.has(f.stateId) || f.stateId === STATE.POSTPONED);
}
