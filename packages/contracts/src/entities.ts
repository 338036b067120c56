// Normalized records: what the fetcher produces and the writer stores. camelCase here,
// snake_case columns in MySQL. Datetimes are ISO 8601 UTC strings.
import { Type, type Static } from '@sinclair/typebox';
import { DateOnly, Id, Nullable, UtcDateTime } from './common.ts';
import { FixtureDetail } from './match-detail.ts';

/** SportMonks' core dictionary entry: every `type_id` anywhere resolves to one. */
export const TypeEntry = Type.Object({
  id: Id,
  name: Type.String({ minLength: 1 }),
  code: Nullable(Type.String()),
  developerName: Nullable(Type.String()),
  modelType: Nullable(Type.String()),
  /** away, defensive, home, offensive, overall, or null. */
  statGroup: Nullable(Type.String()),
});

export const Country = Type.Object({
  id: Id,
  continentId: Nullable(Type.Integer()),
  name: Type.String({ minLength: 1 }),
  officialName: Nullable(Type.String()),
  fifaName: Nullable(Type.String()),
  iso2: Nullable(Type.String()),
  iso3: Nullable(Type.String()),
  latitude: Nullable(Type.Number()),
  longitude: Nullable(Type.Number()),
  imagePath: Nullable(Type.String()),
});

export const FixtureState = Type.Object({
  id: Id,
  state: Type.String(),
  name: Type.String(),
  shortName: Type.String(),
  developerName: Type.String(),
  isLive: Type.Boolean(),
  isFinalState: Type.Boolean(),
  isFinalStandingState: Type.Boolean(),
  isCancelled: Type.Boolean(),
  isCompleted: Type.Boolean(),
  isDeleted: Type.Boolean(),
  isNotStarted: Type.Boolean(),
});

export const League = Type.Object({
  id: Id,
  sportId: Type.Integer(),
  countryId: Nullable(Type.Integer()),
  name: Type.String({ minLength: 1 }),
  active: Type.Boolean(),
  shortCode: Nullable(Type.String()),
  imagePath: Nullable(Type.String()),
  type: Nullable(Type.String()),
  subType: Nullable(Type.String()),
  category: Nullable(Type.Integer()),
  hasJerseys: Type.Boolean(),
  lastPlayedAt: Nullable(UtcDateTime),
});

export const Season = Type.Object({
  id: Id,
  sportId: Type.Integer(),
  leagueId: Id,
  name: Type.String({ minLength: 1 }),
  finished: Type.Boolean(),
  pending: Type.Boolean(),
  isCurrent: Type.Boolean(),
  startingAt: Nullable(DateOnly),
  endingAt: Nullable(DateOnly),
  standingsRecalculatedAt: Nullable(UtcDateTime),
});

export const Venue = Type.Object({
  id: Id,
  countryId: Nullable(Type.Integer()),
  cityId: Nullable(Type.Integer()),
  name: Type.String({ minLength: 1 }),
  address: Nullable(Type.String()),
  zipcode: Nullable(Type.String()),
  latitude: Nullable(Type.Number()),
  longitude: Nullable(Type.Number()),
  capacity: Nullable(Type.Integer()),
  imagePath: Nullable(Type.String()),
  cityName: Nullable(Type.String()),
  surface: Nullable(Type.String()),
  nationalTeam: Type.Boolean(),
});

export const Team = Type.Object({
  id: Id,
  sportId: Type.Integer(),
  countryId: Nullable(Type.Integer()),
  venueId: Nullable(Id),
  gender: Nullable(Type.String()),
  name: Type.String({ minLength: 1 }),
  shortCode: Nullable(Type.String()),
  imagePath: Nullable(Type.String()),
  founded: Nullable(Type.Integer()),
  type: Nullable(Type.String()),
  placeholder: Type.Boolean(),
  lastPlayedAt: Nullable(UtcDateTime),
});

export const ScorePeriod = Type.String({ description: 'SportMonks score description: CURRENT, 1ST_HALF, 2ND_HALF, 2ND_HALF_ONLY, ET, PENALTY_SHOOTOUT, …' });

export const FixtureScore = Type.Object({
  /** SportMonks score id. */
  id: Id,
  fixtureId: Id,
  teamId: Id,
  typeId: Type.Integer(),
  period: ScorePeriod,
  participant: Type.Union([Type.Literal('home'), Type.Literal('away')]),
  goals: Type.Integer({ minimum: 0 }),
});

export const Fixture = Type.Object({
  id: Id,
  sportId: Type.Integer(),
  leagueId: Id,
  seasonId: Id,
  stageId: Nullable(Type.Integer()),
  roundId: Nullable(Type.Integer()),
  groupId: Nullable(Type.Integer()),
  aggregateId: Nullable(Type.Integer()),
  stateId: Id,
  venueId: Nullable(Id),
  name: Type.String(),
  startingAt: UtcDateTime,
  resultInfo: Nullable(Type.String()),
  leg: Nullable(Type.String()),
  length: Nullable(Type.Integer()),
  /** Teams not yet known: home/away team ids are null. */
  placeholder: Type.Boolean(),
  homeTeamId: Nullable(Id),
  awayTeamId: Nullable(Id),
  /** Current (running or final) score; null before kick-off. */
  homeGoals: Nullable(Type.Integer({ minimum: 0 })),
  awayGoals: Nullable(Type.Integer({ minimum: 0 })),
  homeGoalsHalfTime: Nullable(Type.Integer({ minimum: 0 })),
  awayGoalsHalfTime: Nullable(Type.Integer({ minimum: 0 })),
  /** The source reports the fixture deleted (state DELETED): the writer tombstones it. */
  deleted: Type.Boolean(),
  scores: Type.Array(FixtureScore),
  /** Match detail that rode with the fixture (see match-detail.ts); absent when not fetched. */
  detail: Type.Optional(FixtureDetail),
});

export const Stage = Type.Object({
  id: Id,
  leagueId: Id,
  seasonId: Id,
  /** 223 group stage (a table), 224 knock-out, 225 qualifying: a `types` id. */
  typeId: Nullable(Id),
  name: Type.String({ minLength: 1 }),
  /** Order of progression; null on some old seasons. */
  sortOrder: Nullable(Type.Integer()),
  finished: Type.Boolean(),
  isCurrent: Type.Boolean(),
  /** Null until the stage is scheduled. */
  startingAt: Nullable(DateOnly),
  endingAt: Nullable(DateOnly),
});

export const Round = Type.Object({
  id: Id,
  leagueId: Id,
  seasonId: Id,
  stageId: Id,
  /** As SportMonks names it ("1" … "33"). */
  name: Type.String({ minLength: 1 }),
  /** The number in the name, for ordering (SportMonks sorts the names as strings); null without one. */
  number: Nullable(Type.Integer()),
  finished: Type.Boolean(),
  isCurrent: Type.Boolean(),
  startingAt: Nullable(DateOnly),
  endingAt: Nullable(DateOnly),
});

export const Group = Type.Object({
  id: Id,
  leagueId: Id,
  seasonId: Id,
  stageId: Id,
  name: Type.String({ minLength: 1 }),
  finished: Type.Boolean(),
  isCurrent: Type.Boolean(),
  startingAt: Nullable(DateOnly),
  endingAt: Nullable(DateOnly),
});

/** A two-legged tie; its fixtures carry `aggregateId` and leg "1/2" / "2/2". */
export const Aggregate = Type.Object({
  id: Id,
  leagueId: Id,
  seasonId: Id,
  stageId: Id,
  name: Type.String({ minLength: 1 }),
  /** "A-B" over both legs, the first leg's home team first; null until decided. */
  result: Nullable(Type.String()),
  /** How it was decided, as SportMonks words it ("After Full Time", …). */
  detail: Nullable(Type.String()),
  winnerTeamId: Nullable(Id),
});

export const Standing = Type.Object({
  id: Id,
  seasonId: Id,
  leagueId: Id,
  stageId: Nullable(Type.Integer()),
  roundId: Nullable(Type.Integer()),
  groupId: Nullable(Type.Integer()),
  teamId: Id,
  position: Type.Integer({ minimum: 1 }),
  points: Type.Integer(),
  result: Nullable(Type.String()),
  played: Nullable(Type.Integer({ minimum: 0 })),
  won: Nullable(Type.Integer({ minimum: 0 })),
  drawn: Nullable(Type.Integer({ minimum: 0 })),
  lost: Nullable(Type.Integer({ minimum: 0 })),
  goalsFor: Nullable(Type.Integer({ minimum: 0 })),
  goalsAgainst: Nullable(Type.Integer({ minimum: 0 })),
});

/** What SportMonks says of any person (players, referees): names trimmed. */
const person = {
  id: Id,
  sportId: Type.Integer(),
  countryId: Nullable(Type.Integer()),
  cityId: Nullable(Type.Integer()),
  commonName: Nullable(Type.String()),
  firstname: Nullable(Type.String()),
  lastname: Nullable(Type.String()),
  name: Type.String({ minLength: 1 }),
  displayName: Nullable(Type.String()),
  imagePath: Nullable(Type.String()),
  /** Centimetres. */
  height: Nullable(Type.Integer({ minimum: 0 })),
  /** Kilograms. */
  weight: Nullable(Type.Integer({ minimum: 0 })),
  dateOfBirth: Nullable(DateOnly),
  gender: Nullable(Type.String()),
};

export const Player = Type.Object({
  ...person,
  nationalityId: Nullable(Type.Integer()),
  /** SportMonks type ids: 24–27, detailed 148–163. */
  positionId: Nullable(Type.Integer()),
  detailedPositionId: Nullable(Type.Integer()),
});

export const Referee = Type.Object(person);

/** One player in one team's squad for one season. */
export const SquadMember = Type.Object({
  /** SportMonks' id of the squad row (a player's spell at a club: the same in every season of it). */
  sourceId: Nullable(Id),
  teamId: Id,
  playerId: Id,
  jerseyNumber: Nullable(Type.Integer({ minimum: 0 })),
  positionId: Nullable(Type.Integer()),
  detailedPositionId: Nullable(Type.Integer()),
  /** The player as the squad call described them: stored (or updated) before the squad. */
  player: Type.Optional(Player),
});

/**
 * The squads of a season's teams (one SportMonks call per team): the rows of the teams read are
 * replaced as a whole when any of them changed, so a player who left a squad leaves it here too.
 */
export const SquadList = Type.Object({
  /** The season's id. */
  id: Id,
  /** The teams whose squads were read whole (an empty squad among them; not a squad with a row that could not be read: it stays as stored). */
  teams: Type.Array(Id),
  members: Type.Array(SquadMember),
});

/** One row of a SportMonks top-scorer ranking (goals, assists, cards …). */
export const Topscorer = Type.Object({
  /** SportMonks' id of the row; older answers have none. */
  sourceId: Nullable(Id),
  /** The ranking: 208 goals, 209 assists, 84 yellow cards, 83 red cards … */
  typeId: Id,
  position: Type.Integer({ minimum: 1 }),
  playerId: Id,
  teamId: Id,
  total: Type.Integer({ minimum: 0 }),
  /** The player as the call described them: stored (or updated) before the list. */
  player: Type.Optional(Player),
});

/** A season's top-scorer rankings, all of them: replaced as a whole when they change. */
export const TopscorerList = Type.Object({
  /** The season's id. */
  id: Id,
  rows: Type.Array(Topscorer),
});

export type TypeEntry = Static<typeof TypeEntry>;
export type Country = Static<typeof Country>;
export type Stage = Static<typeof Stage>;
export type Round = Static<typeof Round>;
export type Group = Static<typeof Group>;
export type Aggregate = Static<typeof Aggregate>;
export type FixtureState = Static<typeof FixtureState>;
export type League = Static<typeof League>;
export type Season = Static<typeof Season>;
export type Venue = Static<typeof Venue>;
export type Team = Static<typeof Team>;
export type FixtureScore = Static<typeof FixtureScore>;
export type Fixture = Static<typeof Fixture>;
export type Standing = Static<typeof Standing>;
export type Player = Static<typeof Player>;
export type Referee = Static<typeof Referee>;
export type SquadMember = Static<typeof SquadMember>;
export type SquadList = Static<typeof SquadList>;
export type Topscorer = Static<typeof Topscorer>;
export type TopscorerList = Static<typeof TopscorerList>;

/** Record schema per entity name, for routes that are generated per entity. */
export const RECORD_SCHEMAS = {
  types: TypeEntry,
  countries: Country,
  states: FixtureState,
  leagues: League,
  seasons: Season,
  venues: Venue,
  teams: Team,
  stages: Stage,
  rounds: Round,
  groups: Group,
  aggregates: Aggregate,
  fixtures: Fixture,
  standings: Standing,
  players: Player,
  referees: Referee,
  squads: SquadList,
  topscorers: TopscorerList,
} as const;

export interface EntityRecords {
  types: TypeEntry;
  countries: Country;
  states: FixtureState;
  leagues: League;
  seasons: Season;
  venues: Venue;
  teams: Team;
  stages: Stage;
  rounds: Round;
  groups: Group;
  aggregates: Aggregate;
  fixtures: Fixture;
  standings: Standing;
  players: Player;
  referees: Referee;
  squads: SquadList;
  topscorers: TopscorerList;
}

/** What came with a page of other records (see RELATED_ENTITIES): a season's structure, the people its detail describes. */
export const RelatedRecords = Type.Object({
  stages: Type.Optional(Type.Array(Stage, { maxItems: 5000 })),
  rounds: Type.Optional(Type.Array(Round, { maxItems: 5000 })),
  groups: Type.Optional(Type.Array(Group, { maxItems: 5000 })),
  aggregates: Type.Optional(Type.Array(Aggregate, { maxItems: 5000 })),
  players: Type.Optional(Type.Array(Player, { maxItems: 5000 })),
  referees: Type.Optional(Type.Array(Referee, { maxItems: 5000 })),
});
export type RelatedRecords = Static<typeof RelatedRecords>;
