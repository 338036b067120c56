// SportMonks records → our normalized records. Each function validates the raw shape first and
// the result against the contract after, so a record is either fully usable or rejected with a
// reason; nothing is dropped silently.
import type { TSchema, Static } from '@sinclair/typebox';
import { TypeCompiler, type TypeCheck } from '@sinclair/typebox/compiler';
import {
  Fixture,
  FixtureState,
  League,
  Season,
  Standing,
  Team,
  Venue,
  type EntityRecords,
  type FixtureScore,
} from '@insightxi/contracts';
import { fromUnixSeconds, orNull, toBool, toDateOnly, toInt, toNumber, toUtcDateTime } from './convert.ts';
import {
  RawFixture,
  RawLeague,
  RawParticipant,
  RawScore,
  RawSeason,
  RawStanding,
  RawStandingDetail,
  RawState,
  RawTeam,
  RawVenue,
} from './raw.ts';

export type Outcome<T> = { ok: true; record: T } | { ok: false; reason: string };

export interface NormalizeContext {
  /** The records come from a `filters=deleted` query: all of them are deleted upstream. */
  deleted?: boolean;
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

const contract = {
  states: validator(FixtureState, 'does not fit our state record'),
  leagues: validator(League, 'does not fit our league record'),
  seasons: validator(Season, 'does not fit our season record'),
  venues: validator(Venue, 'does not fit our venue record'),
  teams: validator(Team, 'does not fit our team record'),
  fixtures: validator(Fixture, 'does not fit our fixture record'),
  standings: validator(Standing, 'does not fit our standing record'),
};

function then<A, B>(outcome: Outcome<A>, map: (value: A) => Outcome<B>): Outcome<B> {
  return outcome.ok ? map(outcome.record) : outcome;
}

const positiveId = (value: number | string | null | undefined): number | null => {
  const n = toInt(value);
  return n !== null && n > 0 ? n : null;
};

// Flags by state id for when they are absent (states served as an include leave them out).
const LIVE = new Set([2, 3, 4, 6, 9, 21, 22, 23, 25]);
const FINAL = new Set([5, 7, 8, 12, 14, 15, 17, 20]);
const FINAL_STANDING = new Set([5, 7, 8]);
const CANCELLED = new Set([12, 15]);
const COMPLETED = new Set([5, 7, 8, 17]);

export const normalizeState: Normalizer<'states'> = (raw) =>
  then(rawState(raw), (s) =>
    contract.states({
      id: s.id,
      state: s.state,
      name: s.name,
      shortName: s.short_name,
      developerName: s.developer_name,
      isLive: toBool(s.is_live, LIVE.has(s.id)),
      isFinalState: toBool(s.is_final_state, FINAL.has(s.id)),
      isFinalStandingState: toBool(s.is_final_standing_state, FINAL_STANDING.has(s.id)),
      isCancelled: toBool(s.is_cancelled, CANCELLED.has(s.id)),
      isCompleted: toBool(s.is_completed, COMPLETED.has(s.id)),
      isDeleted: toBool(s.is_deleted, s.id === 20),
      isNotStarted: toBool(s.is_notstarted, s.id === 1),
    }),
  );

export const normalizeLeague: Normalizer<'leagues'> = (raw) =>
  then(rawLeague(raw), (l) =>
    contract.leagues({
      id: l.id,
      sportId: toInt(l.sport_id) ?? 1,
      countryId: toInt(l.country_id),
      name: l.name,
      active: toBool(l.active),
      shortCode: orNull(l.short_code),
      imagePath: orNull(l.image_path),
      type: orNull(l.type),
      subType: orNull(l.sub_type),
      category: toInt(l.category),
      hasJerseys: toBool(l.has_jerseys),
      lastPlayedAt: toUtcDateTime(l.last_played_at),
    }),
  );

export const normalizeSeason: Normalizer<'seasons'> = (raw) =>
  then(rawSeason(raw), (s) =>
    contract.seasons({
      id: s.id,
      sportId: toInt(s.sport_id) ?? 1,
      leagueId: s.league_id,
      name: s.name,
      finished: toBool(s.finished),
      pending: toBool(s.pending),
      isCurrent: toBool(s.is_current),
      startingAt: toDateOnly(s.starting_at),
      endingAt: toDateOnly(s.ending_at),
      standingsRecalculatedAt: toUtcDateTime(s.standings_recalculated_at),
    }),
  );

export const normalizeVenue: Normalizer<'venues'> = (raw) =>
  then(rawVenue(raw), (v) =>
    contract.venues({
      id: v.id,
      countryId: toInt(v.country_id),
      cityId: toInt(v.city_id),
      name: v.name,
      address: orNull(v.address),
      zipcode: orNull(v.zipcode),
      latitude: toNumber(v.latitude),
      longitude: toNumber(v.longitude),
      capacity: toInt(v.capacity),
      imagePath: orNull(v.image_path),
      cityName: orNull(v.city_name),
      surface: orNull(v.surface),
      nationalTeam: toBool(v.national_team),
    }),
  );

export const normalizeTeam: Normalizer<'teams'> = (raw) =>
  then(rawTeam(raw), (t) =>
    contract.teams({
      id: t.id,
      sportId: toInt(t.sport_id) ?? 1,
      countryId: toInt(t.country_id),
      venueId: positiveId(t.venue_id),
      gender: orNull(t.gender),
      name: t.name,
      shortCode: orNull(t.short_code),
      imagePath: orNull(t.image_path),
      founded: toInt(t.founded),
      type: orNull(t.type),
      placeholder: toBool(t.placeholder),
      lastPlayedAt: toUtcDateTime(t.last_played_at),
    }),
  );

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
  states: normalizeState,
  leagues: normalizeLeague,
  seasons: normalizeSeason,
  venues: normalizeVenue,
  teams: normalizeTeam,
  fixtures: normalizeFixture,
  standings: normalizeStanding,
};
