// SportMonks records → our normalized records. Each function validates the raw shape first and
// the result against the contract after, so a record is either fully usable or rejected with a
// reason; nothing is dropped silently.
import type { TSchema, Static } from '@sinclair/typebox';
import { TypeCompiler, type TypeCheck } from '@sinclair/typebox/compiler';
import {
  Aggregate,
  Country,
  Fixture,
  FixtureState,
  Group,
  Round,
  Stage,
  TypeEntry,
  League,
  Player,
  Referee,
  Season,
  SquadList,
  SquadMember,
  Standing,
  Team,
  TopscorerList,
  Venue,
  type DetailKind,
  type EntityRecords,
  type FixtureScore,
  type Topscorer,
} from '@insightxi/contracts';
import { readDetail } from './detail.ts';
import { fromUnixSeconds, orNull, toBool, toDateOnly, toInt, toNumber, toUtcDateTime } from './convert.ts';
import {
  RawAggregate,
  RawCountry,
  RawFixture,
  RawGroup,
  RawRound,
  RawStage,
  RawType,
  RawLeague,
  RawParticipant,
  RawPlayer,
  RawReferee,
  RawScore,
  RawSeason,
  RawSquad,
  RawStanding,
  RawStandingDetail,
  RawState,
  RawTeam,
  RawTopscorer,
  RawVenue,
} from './raw.ts';

/** A part of the answer a record landed without (a row of a team's squad), with why: rejected on its own. */
export interface LeftOut {
  reason: string;
  payload: unknown;
}

export type Outcome<T> = { ok: true; record: T; left?: LeftOut[] } | { ok: false; reason: string };

/** The stage a round, group or tie was served inside: it gives the ids they leave out. */
export interface ParentStage {
  leagueId: number;
  seasonId: number;
  stageId: number;
}

export interface NormalizeContext {
  /** The records come from a `filters=deleted` query: all of them are deleted upstream. */
  deleted?: boolean;
  /** The season the call was about, for lists that do not say (squads, top scorers). */
  seasonId?: number;
  /** Fixtures: the detail kinds the call asked for (the rest stay absent from the record). */
  detail?: readonly DetailKind[];
  parent?: ParentStage;
}

export type Normalizer<E extends keyof EntityRecords> = (raw: unknown, context?: NormalizeContext) => Outcome<EntityRecords[E]>;

function explain<T extends TSchema>(check: TypeCheck<T>, value: unknown): string {
  const problems = [...check.Errors(value)].slice(0, 3).map((e) => `${e.path === '' ? '/' : e.path} ${e.message.toLowerCase()}`);
  return problems.join('; ');
}

function validator<T extends TSchema>(schema: T, what: string) {
  const check = TypeCompiler.Compile(schema);
  return (value: unknown): Outcome<Static<T>> =>
    check.Check(value) ? { ok: true, record: value } : { ok: false, reason: `${what}: ${explain(check, value)}` };
}

const rawType = validator(RawType, 'not a SportMonks type');
const rawCountry = validator(RawCountry, 'not a SportMonks country');
const rawStage = validator(RawStage, 'not a SportMonks stage');
const rawRound = validator(RawRound, 'not a SportMonks round');
const rawGroup = validator(RawGroup, 'not a SportMonks group');
const rawAggregate = validator(RawAggregate, 'not a SportMonks aggregate');
const rawState = validator(RawState, 'not a SportMonks state');
const rawLeague = validator(RawLeague, 'not a SportMonks league');
const rawSeason = validator(RawSeason, 'not a SportMonks season');
const rawVenue = validator(RawVenue, 'not a SportMonks venue');
const rawTeam = validator(RawTeam, 'not a SportMonks team');
const rawFixture = validator(RawFixture, 'not a SportMonks fixture');
const rawParticipant = validator(RawParticipant, 'bad participant');
const rawScore = validator(RawScore, 'bad score');
const rawStanding = validator(RawStanding, 'not a SportMonks standing');
const rawDetail = validator(RawStandingDetail, 'bad standing detail');
const rawPlayer = validator(RawPlayer, 'not a SportMonks player');
const rawReferee = validator(RawReferee, 'not a SportMonks referee');
const rawSquad = validator(RawSquad, 'not a SportMonks squad row');
const rawTopscorer = validator(RawTopscorer, 'not a SportMonks top scorer');

const contract = {
  types: validator(TypeEntry, 'does not fit our type record'),
  countries: validator(Country, 'does not fit our country record'),
  stages: validator(Stage, 'does not fit our stage record'),
  rounds: validator(Round, 'does not fit our round record'),
  groups: validator(Group, 'does not fit our group record'),
  aggregates: validator(Aggregate, 'does not fit our aggregate record'),
  states: validator(FixtureState, 'does not fit our state record'),
  leagues: validator(League, 'does not fit our league record'),
  seasons: validator(Season, 'does not fit our season record'),
  venues: validator(Venue, 'does not fit our venue record'),
  teams: validator(Team, 'does not fit our team record'),
  fixtures: validator(Fixture, 'does not fit our fixture record'),
  standings: validator(Standing, 'does not fit our standing record'),
  players: validator(Player, 'does not fit our player record'),
  referees: validator(Referee, 'does not fit our referee record'),
  squadMember: validator(SquadMember, 'does not fit our squad member'),
  squads: validator(SquadList, 'does not fit our squad list'),
  topscorers: validator(TopscorerList, 'does not fit our top-scorer list'),
};

function then<A, B>(outcome: Outcome<A>, map: (value: A) => Outcome<B>): Outcome<B> {
  return outcome.ok ? map(outcome.record) : outcome;
}

const positiveId = (value: number | string | null | undefined): number | null => {
  const n = toInt(value);
  return n !== null && n > 0 ? n : null;
};

/** How one of our fields is read from the raw record's field of the same name in snake_case (or the one named). */
type Read = (value: unknown, raw: { id: number }) => unknown;
type FieldReads = Record<string, Read | readonly [string, Read]>;

const same: Read = (value) => value;
const int: Read = (value) => toInt(value as number | string | null | undefined);
const intOr = (fallback: number): Read => (value) => toInt(value as number | string | null | undefined) ?? fallback;
const number: Read = (value) => toNumber(value as number | string | null | undefined);
const text: Read = (value) => orNull(value as string | null | undefined);
const bool: Read = (value) => toBool(value as boolean | 0 | 1 | null | undefined);
/** A state flag; absent (states served as an include leave them out), known from the state id. */
const flag = (ids: ReadonlySet<number>): Read => (value, raw) => toBool(value as boolean | 0 | 1 | null | undefined, ids.has(raw.id));
const id: Read = (value) => positiveId(value as number | string | null | undefined);
const dateTime: Read = (value) => toUtcDateTime(value as string | null | undefined);
const dateOnly: Read = (value) => toDateOnly(value as string | null | undefined);
/** Text without the stray spaces SportMonks leaves in names ("Jonas Wind "); empty is null. */
const trimmed: Read = (value) => (typeof value === 'string' ? orNull(value.trim()) : null);
/** A person's name: `name`, else the display or common name. */
const personName: Read = (value, raw) => {
  const record = raw as Record<string, unknown>;
  return [value, record.display_name, record.common_name].map((v) => trimmed(v, raw)).find((v) => v !== null) ?? null;
};

const snakeCase = (key: string): string => key.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);

/** A normalizer for an entity whose record is its raw record's fields, each read one way. */
function fieldByField<E extends keyof EntityRecords>(
  readRaw: (raw: unknown) => Outcome<{ id: number }>,
  check: (record: unknown) => Outcome<EntityRecords[E]>,
  fields: FieldReads,
  /** Values the context gives when the raw record leaves them out (a round's stage, from its parent). */
  fallback: (context: NormalizeContext) => Record<string, unknown> = () => ({}),
): Normalizer<E> {
  const reads = Object.entries(fields).map(([key, read]) => (typeof read === 'function' ? { key, from: snakeCase(key), read } : { key, from: read[0], read: read[1] }));
  return (raw, context = {}) =>
    then(readRaw(raw), (record) => {
      const values = record as Record<string, unknown> & { id: number };
      const given = fallback(context);
      return check(Object.fromEntries(reads.map(({ key, from, read }) => [key, read(values[from], values) ?? given[key] ?? null])));
    });
}

/** The first number in a round's name ("1", "Round 12"), for ordering: SportMonks sorts the names as strings. */
const roundNumber: Read = (value) => {
  const digits = /\d+/.exec(String(value))?.[0];
  return digits === undefined ? null : Number(digits);
};
const name: Read = (value) => (typeof value === 'number' ? String(value) : value);
const parentIds = (context: NormalizeContext): Record<string, unknown> => ({ ...context.parent });

export const normalizeType = fieldByField<'types'>(rawType, contract.types, {
  id: same, name: same, code: text, developerName: text, modelType: text, statGroup: text,
});

export const normalizeCountry = fieldByField<'countries'>(rawCountry, contract.countries, {
  id: same, continentId: int, name: same, officialName: text, fifaName: text, iso2: text, iso3: text,
  latitude: number, longitude: number, imagePath: text,
});

export const normalizeStage = fieldByField<'stages'>(rawStage, contract.stages, {
  id: same, leagueId: same, seasonId: same, typeId: id, name: same, sortOrder: int, finished: bool, isCurrent: bool,
  startingAt: dateOnly, endingAt: dateOnly,
});

export const normalizeRound = fieldByField<'rounds'>(rawRound, contract.rounds, {
  id: same, leagueId: id, seasonId: id, stageId: id, name, number: ['name', roundNumber], finished: bool, isCurrent: bool,
  startingAt: dateOnly, endingAt: dateOnly,
}, parentIds);

export const normalizeGroup = fieldByField<'groups'>(rawGroup, contract.groups, {
  id: same, leagueId: id, seasonId: id, stageId: id, name: same, finished: bool, isCurrent: bool,
  startingAt: dateOnly, endingAt: dateOnly,
}, parentIds);

export const normalizeAggregate = fieldByField<'aggregates'>(rawAggregate, contract.aggregates, {
  id: same, leagueId: id, seasonId: id, stageId: id, name: (value, raw) => orNull(value as string | null | undefined) ?? `Tie ${raw.id}`,
  result: text, detail: text, winnerTeamId: ['winner_participant_id', id],
}, parentIds);

// Flags by state id for when they are absent.
const LIVE = new Set([2, 3, 4, 6, 9, 21, 22, 23, 25]);
const FINAL = new Set([5, 7, 8, 12, 14, 15, 17, 20]);
const FINAL_STANDING = new Set([5, 7, 8]);
const CANCELLED = new Set([12, 15]);
const COMPLETED = new Set([5, 7, 8, 17]);
const DELETED = new Set([20]);
const NOT_STARTED = new Set([1]);

export const normalizeState = fieldByField<'states'>(rawState, contract.states, {
  id: same, state: same, name: same, shortName: same, developerName: same,
  isLive: flag(LIVE), isFinalState: flag(FINAL), isFinalStandingState: flag(FINAL_STANDING), isCancelled: flag(CANCELLED),
  isCompleted: flag(COMPLETED), isDeleted: flag(DELETED), isNotStarted: ['is_notstarted', flag(NOT_STARTED)],
});

export const normalizeLeague = fieldByField<'leagues'>(rawLeague, contract.leagues, {
  id: same, sportId: intOr(1), countryId: int, name: same, active: bool, shortCode: text, imagePath: text,
  type: text, subType: text, category: int, hasJerseys: bool, lastPlayedAt: dateTime,
});

export const normalizeSeason = fieldByField<'seasons'>(rawSeason, contract.seasons, {
  id: same, sportId: intOr(1), leagueId: same, name: same, finished: bool, pending: bool, isCurrent: bool,
  startingAt: dateOnly, endingAt: dateOnly, standingsRecalculatedAt: dateTime,
});

export const normalizeVenue = fieldByField<'venues'>(rawVenue, contract.venues, {
  id: same, countryId: int, cityId: int, name: same, address: text, zipcode: text, latitude: number,
  longitude: number, capacity: int, imagePath: text, cityName: text, surface: text, nationalTeam: bool,
});

export const normalizeTeam = fieldByField<'teams'>(rawTeam, contract.teams, {
  id: same, sportId: intOr(1), countryId: int, venueId: id, gender: text, name: same, shortCode: text,
  imagePath: text, founded: int, type: text, placeholder: bool, lastPlayedAt: dateTime,
});

const personReads: FieldReads = {
  id: same, sportId: intOr(1), countryId: int, cityId: int, commonName: trimmed, firstname: trimmed, lastname: trimmed,
  name: personName, displayName: trimmed, imagePath: text, height: int, weight: int, dateOfBirth: dateOnly, gender: text,
};

export const normalizePlayer = fieldByField<'players'>(rawPlayer, contract.players, {
  ...personReads, nationalityId: int, positionId: int, detailedPositionId: int,
});

export const normalizeReferee = fieldByField<'referees'>(rawReferee, contract.referees, personReads);

/** A nested player (`include=player`), absent when the call did not carry one. */
function nestedPlayer(raw: unknown): Outcome<Player | undefined> {
  if (raw === undefined || raw === null) return { ok: true, record: undefined };
  const player = normalizePlayer(raw);
  return player.ok ? player : { ok: false, reason: `player: ${player.reason}` };
}

/** A row of a squad call; the team comes from the call (`callTeam`) when the row does not name it. */
export function squadMember(raw: unknown, callTeam?: number): Outcome<SquadMember> {
  return then(rawSquad(raw), (r) => {
    const teamId = positiveId(r.team_id) ?? callTeam ?? null;
    if (teamId === null) return { ok: false, reason: `squad row of player ${r.player_id} without a team` };
    return then(nestedPlayer(r.player), (player) => {
      if (player && player.id !== r.player_id) return { ok: false, reason: `the nested player ${player.id} is not player ${r.player_id}` };
      return contract.squadMember({
        sourceId: r.id,
        teamId,
        playerId: r.player_id,
        jerseyNumber: toInt(r.jersey_number ?? r.yersey_number),
        positionId: toInt(r.position_id),
        detailedPositionId: toInt(r.detailed_position_id),
        ...(player === undefined ? {} : { player }),
      });
    });
  });
}

/** Rows of a season list gathered by the fetcher, each read by `read`; one unreadable row rejects the list (a list that lands is the whole truth). */
function listRows<T>(raw: unknown, read: (row: unknown) => Outcome<T>): Outcome<T[]> {
  const rows = (raw as { rows?: unknown }).rows;
  if (!Array.isArray(rows)) return { ok: false, reason: 'not a season list' };
  const out: T[] = [];
  for (const [index, item] of rows.entries()) {
    const row = read(item);
    if (!row.ok) return { ok: false, reason: `row ${index}: ${row.reason}` };
    out.push(row.record);
  }
  return { ok: true, record: out };
}

/** One squad call as the fetcher gathers them: the team it was about and every row of its pages. */
interface SquadCall {
  team_id: number;
  rows: unknown[];
}

/** A team's squad: its members, or why each row that cannot be taken cannot (one such row leaves the team out). */
function teamSquad({ team_id: teamId, rows }: SquadCall): { members: SquadMember[]; problems: { row: unknown; reason: string }[] } {
  const members: SquadMember[] = [];
  const problems: { row: unknown; reason: string }[] = [];
  const players = new Set<number>();
  for (const [index, row] of rows.entries()) {
    const member = squadMember(row, teamId);
    const problem = !member.ok
      ? member.reason
      : member.record.teamId !== teamId
        ? `player ${member.record.playerId} is in the squad of team ${member.record.teamId}, not of the team asked for`
        : players.has(member.record.playerId)
          ? `player ${member.record.playerId} is listed twice`
          : undefined;
    if (problem !== undefined) problems.push({ row, reason: `row ${index}: ${problem}` });
    else if (member.ok) {
      players.add(member.record.playerId);
      members.push(member.record);
    }
  }
  return { members, problems };
}

/**
 * A season's squads (`{ id: season, squads: [{ team_id, rows }] }`, one call per team, gathered by
 * the fetcher). A team whose squad has a row we cannot take is left out, so its stored squad stays
 * as it was, and each such row is rejected with its team; the other teams' squads land.
 */
export const normalizeSquadList: Normalizer<'squads'> = (raw, context = {}) => {
  const squads = (raw as { squads?: unknown }).squads;
  const seasonId = context.seasonId ?? null;
  if (seasonId === null || !Array.isArray(squads)) return { ok: false, reason: 'not a season\'s squads' };
  const teams: number[] = [];
  const members: SquadMember[] = [];
  const left: LeftOut[] = [];
  for (const call of squads as SquadCall[]) {
    const squad = teamSquad(call);
    if (squad.problems.length === 0) {
      teams.push(call.team_id);
      members.push(...squad.members);
    }
    // The payload is the season's list narrowed to the team and the row: it says which squad stayed as it was.
    for (const { row, reason } of squad.problems) left.push({ reason: `squad of team ${call.team_id}: ${reason}`, payload: { id: seasonId, squads: [{ team_id: call.team_id, rows: [row] }] } });
  }
  // No team left to land: the list is rejected as read (an empty list would claim a change).
  if (teams.length === 0 && left.length > 0) return { ok: false, reason: left.map((l) => l.reason).join('; ') };
  return then(contract.squads({ id: seasonId, teams, members }), (record) => ({ ok: true, record, ...(left.length > 0 ? { left } : {}) }));
};

function topscorerRow(raw: unknown): Outcome<Topscorer> {
  return then(rawTopscorer(raw), (r) => {
    const teamId = positiveId(r.participant_id) ?? positiveId(r.team_id);
    const total = toInt(r.total ?? r.points);
    const typeId = positiveId(r.type_id);
    if (teamId === null || total === null || typeId === null) return { ok: false, reason: `top scorer of player ${r.player_id} without a ${teamId === null ? 'team' : total === null ? 'total' : 'type'}` };
    return then(nestedPlayer(r.player), (player) => ({
      ok: true,
      record: { sourceId: positiveId(r.id), typeId, position: toInt(r.position) ?? 0, playerId: r.player_id, teamId, total, ...(player === undefined ? {} : { player }) },
    }));
  });
}

/** A season's rankings as one record (`{ id: season, rows }`, gathered by the fetcher from every page). */
export const normalizeTopscorerList: Normalizer<'topscorers'> = (raw, context = {}) => {
  const seasonId = context.seasonId ?? null;
  if (seasonId === null) return { ok: false, reason: 'not a season top-scorer list' };
  return then(listRows(raw, topscorerRow), (rows) => contract.topscorers({ id: seasonId, rows }));
};

type Side = 'home' | 'away';

function locationOf(participant: RawParticipant): Side | null {
  const meta = participant.meta;
  if (meta === undefined || Array.isArray(meta)) return null;
  const location = meta.location?.toLowerCase();
  return location === 'home' || location === 'away' ? location : null;
}

function readParticipants(list: unknown[]): Outcome<{ home: RawParticipant | null; away: RawParticipant | null }> {
  const sides: { home: RawParticipant | null; away: RawParticipant | null } = { home: null, away: null };
  for (const item of list) {
    const participant = rawParticipant(item);
    if (!participant.ok) return participant;
    const side = locationOf(participant.record);
    if (side === null) continue;
    if (sides[side] !== null) return { ok: false, reason: `two participants with meta.location "${side}"` };
    sides[side] = participant.record;
  }
  return { ok: true, record: sides };
}

function readScores(list: unknown[], fixtureId: number): Outcome<FixtureScore[]> {
  const scores: FixtureScore[] = [];
  for (const item of list) {
    const score = rawScore(item);
    if (!score.ok) return score;
    const s = score.record;
    const goals = toInt(s.score.goals);
    if (goals === null || goals < 0) return { ok: false, reason: `score ${s.id} has goals ${String(s.score.goals)}` };
    scores.push({
      id: s.id,
      fixtureId: positiveId(s.fixture_id) ?? fixtureId,
      teamId: s.participant_id,
      typeId: toInt(s.type_id) ?? 0,
      period: s.description,
      participant: s.score.participant,
      goals,
    });
  }
  return { ok: true, record: scores };
}

function goalsOf(scores: FixtureScore[], period: string, side: Side): number | null {
  return scores.find((s) => s.period === period && s.participant === side)?.goals ?? null;
}

export const normalizeFixture: Normalizer<'fixtures'> = (raw, context = {}) =>
  then(rawFixture(raw), (f) => {
    if (f.participants === undefined) return { ok: false, reason: 'participants missing: home/away teams unknown' };
    const sides = readParticipants(f.participants);
    if (!sides.ok) return sides;
    const { home, away } = sides.record;
    const placeholder = toBool(f.placeholder) || toBool(home?.placeholder) || toBool(away?.placeholder);
    if (!placeholder && (home === null || away === null)) {
      return { ok: false, reason: `no ${home === null ? 'home' : 'away'} participant (meta.location) on a fixture that is not a placeholder` };
    }
    if (home !== null && away !== null && home.id === away.id) return { ok: false, reason: `team ${home.id} is both home and away` };

    const startingAt = fromUnixSeconds(f.starting_at_timestamp) ?? toUtcDateTime(f.starting_at);
    if (startingAt === null) return { ok: false, reason: 'no usable kick-off time (starting_at_timestamp / starting_at)' };

    const scores = readScores(f.scores ?? [], f.id);
    if (!scores.ok) return scores;
    const detail = readDetail(raw as Record<string, unknown>, f.id, context.detail ?? []);
    if (!detail.ok) return detail;
    const realTeam = (p: RawParticipant | null) => (p === null || toBool(p.placeholder) ? null : p.id);
    const fallbackName = home?.name && away?.name ? `${home.name} vs ${away.name}` : `Fixture ${f.id}`;

    return contract.fixtures({
      id: f.id,
      sportId: toInt(f.sport_id) ?? 1,
      leagueId: f.league_id,
      seasonId: f.season_id,
      stageId: positiveId(f.stage_id),
      roundId: positiveId(f.round_id),
      groupId: positiveId(f.group_id),
      aggregateId: positiveId(f.aggregate_id),
      stateId: f.state_id,
      venueId: positiveId(f.venue_id),
      name: orNull(f.name) ?? fallbackName,
      startingAt,
      resultInfo: orNull(f.result_info),
      leg: orNull(f.leg),
      length: toInt(f.length),
      placeholder,
      homeTeamId: realTeam(home),
      awayTeamId: realTeam(away),
      homeGoals: goalsOf(scores.record, 'CURRENT', 'home'),
      awayGoals: goalsOf(scores.record, 'CURRENT', 'away'),
      homeGoalsHalfTime: goalsOf(scores.record, '1ST_HALF', 'home'),
      awayGoalsHalfTime: goalsOf(scores.record, '1ST_HALF', 'away'),
      deleted: context.deleted === true || f.state_id === 20,
      scores: scores.record,
      ...(detail.record === undefined ? {} : { detail: detail.record }),
    });
  });

type DetailField = 'played' | 'won' | 'drawn' | 'lost' | 'goalsFor' | 'goalsAgainst';

// Overall (not home/away) figures, by the type's developer name or by SportMonks' type id.
const DETAIL_BY_NAME: Record<string, DetailField> = {
  OVERALL_MATCHES: 'played',
  OVERALL_WINS: 'won',
  OVERALL_DRAWS: 'drawn',
  OVERALL_LOST: 'lost',
  OVERALL_SCORED: 'goalsFor',
  OVERALL_CONCEDED: 'goalsAgainst',
};
const DETAIL_BY_TYPE_ID: Record<number, DetailField> = { 129: 'played', 130: 'won', 131: 'drawn', 132: 'lost', 133: 'goalsFor', 134: 'goalsAgainst' };

function readDetails(list: unknown[]): Outcome<Record<DetailField, number | null>> {
  const out: Record<DetailField, number | null> = { played: null, won: null, drawn: null, lost: null, goalsFor: null, goalsAgainst: null };
  for (const item of list) {
    const detail = rawDetail(item);
    if (!detail.ok) return detail;
    const d = detail.record;
    const name = d.type?.developer_name ?? d.type?.code ?? null;
    const field = (name === null ? undefined : DETAIL_BY_NAME[name.toUpperCase()]) ?? DETAIL_BY_TYPE_ID[toInt(d.type_id) ?? 0];
    if (field !== undefined) out[field] = toInt(d.value);
  }
  return { ok: true, record: out };
}

export const normalizeStanding: Normalizer<'standings'> = (raw) =>
  then(rawStanding(raw), (s) =>
    then(readDetails(s.details ?? []), (details) =>
      contract.standings({
        id: s.id,
        seasonId: s.season_id,
        leagueId: s.league_id,
        stageId: positiveId(s.stage_id),
        roundId: positiveId(s.round_id),
        groupId: positiveId(s.group_id),
        teamId: s.participant_id,
        position: Number(s.position),
        points: toInt(s.points) ?? 0,
        result: orNull(s.result),
        ...details,
      }),
    ),
  );

export const NORMALIZERS: { [E in keyof EntityRecords]: Normalizer<E> } = {
  types: normalizeType,
  countries: normalizeCountry,
  states: normalizeState,
  leagues: normalizeLeague,
  seasons: normalizeSeason,
  venues: normalizeVenue,
  teams: normalizeTeam,
  stages: normalizeStage,
  rounds: normalizeRound,
  groups: normalizeGroup,
  aggregates: normalizeAggregate,
  fixtures: normalizeFixture,
  standings: normalizeStanding,
  players: normalizePlayer,
  referees: normalizeReferee,
  squads: normalizeSquadList,
  topscorers: normalizeTopscorerList,
};
