// SportMonks' own record shapes (snake_case), as far as we read them. Lenient where the API is
// known to vary (nullable fields, numbers as strings, flags absent, fields added over time),
// strict where our tables need a value (ids, names, foreign keys, kick-off, home/away).
import { Type, type Static, type TSchema } from '@sinclair/typebox';

const Id = Type.Integer({ minimum: 1 });
/** An integer, sometimes sent as a string. */
export const IntLike = Type.Union([Type.Integer(), Type.String({ pattern: '^-?\\d+$' })]);
/** A number, often sent as a string (coordinates). */
export const NumLike = Type.Union([Type.Number(), Type.String({ pattern: '^\\s*-?\\d+(\\.\\d+)?\\s*$' })]);
/** Booleans, sometimes 0/1. */
export const BoolLike = Type.Union([Type.Boolean(), Type.Literal(0), Type.Literal(1)]);

const Opt = <T extends TSchema>(schema: T) => Type.Optional(Type.Union([schema, Type.Null()]));
const Text = Type.String();
const Name = Type.String({ minLength: 1 });

export const RawType = Type.Object({
  id: Id,
  name: Name,
  code: Opt(Text),
  developer_name: Opt(Text),
  model_type: Opt(Text),
  stat_group: Opt(Text),
});

export const RawCountry = Type.Object({
  id: Id,
  continent_id: Opt(IntLike),
  name: Name,
  official_name: Opt(Text),
  fifa_name: Opt(Text),
  iso2: Opt(Text),
  iso3: Opt(Text),
  latitude: Opt(NumLike),
  longitude: Opt(NumLike),
  image_path: Opt(Text),
});

const Children = Type.Optional(Type.Union([Type.Array(Type.Unknown()), Type.Null()]));

/** A stage, alone or as a schedule serves it (rounds → fixtures, knock-out fixtures directly, ties). */
export const RawStage = Type.Object({
  id: Id,
  league_id: Id,
  season_id: Id,
  type_id: Opt(IntLike),
  name: Name,
  sort_order: Opt(IntLike),
  finished: Opt(BoolLike),
  is_current: Opt(BoolLike),
  starting_at: Opt(Text),
  ending_at: Opt(Text),
  rounds: Children,
  groups: Children,
  aggregates: Children,
  fixtures: Children,
});

/** Rounds, groups and ties inside a stage may leave out the ids their stage already gives. */
export const RawRound = Type.Object({
  id: Id,
  league_id: Opt(IntLike),
  season_id: Opt(IntLike),
  stage_id: Opt(IntLike),
  name: Type.Union([Name, Type.Integer()]),
  finished: Opt(BoolLike),
  is_current: Opt(BoolLike),
  starting_at: Opt(Text),
  ending_at: Opt(Text),
  fixtures: Children,
});

export const RawGroup = Type.Object({
  id: Id,
  league_id: Opt(IntLike),
  season_id: Opt(IntLike),
  stage_id: Opt(IntLike),
  name: Name,
  finished: Opt(BoolLike),
  is_current: Opt(BoolLike),
  starting_at: Opt(Text),
  ending_at: Opt(Text),
});

export const RawAggregate = Type.Object({
  id: Id,
  league_id: Opt(IntLike),
  season_id: Opt(IntLike),
  stage_id: Opt(IntLike),
  name: Opt(Text),
  fixture_ids: Opt(Type.Array(IntLike)),
  result: Opt(Text),
  detail: Opt(Text),
  winner_participant_id: Opt(IntLike),
});

export const RawState = Type.Object({
  id: Id,
  state: Name,
  name: Name,
  short_name: Text,
  developer_name: Name,
  type_id: Opt(IntLike),
  is_live: Opt(BoolLike),
  is_pending: Opt(BoolLike),
  is_period_end: Opt(BoolLike),
  is_final_state: Opt(BoolLike),
  is_cancelled: Opt(BoolLike),
  is_final_standing_state: Opt(BoolLike),
  is_completed: Opt(BoolLike),
  is_deleted: Opt(BoolLike),
  is_notstarted: Opt(BoolLike),
});

export const RawLeague = Type.Object({
  id: Id,
  sport_id: IntLike,
  country_id: Opt(IntLike),
  name: Name,
  active: BoolLike,
  short_code: Opt(Text),
  image_path: Opt(Text),
  type: Opt(Text),
  sub_type: Opt(Text),
  last_played_at: Opt(Text),
  category: Opt(IntLike),
  has_jerseys: Opt(BoolLike),
});

export const RawSeason = Type.Object({
  id: Id,
  sport_id: IntLike,
  league_id: Id,
  name: Name,
  finished: BoolLike,
  pending: Opt(BoolLike),
  is_current: BoolLike,
  starting_at: Opt(Text),
  ending_at: Opt(Text),
  standings_recalculated_at: Opt(Text),
});

export const RawVenue = Type.Object({
  id: Id,
  country_id: Opt(IntLike),
  city_id: Opt(IntLike),
  name: Name,
  address: Opt(Text),
  zipcode: Opt(Text),
  latitude: Opt(NumLike),
  longitude: Opt(NumLike),
  capacity: Opt(IntLike),
  image_path: Opt(Text),
  city_name: Opt(Text),
  surface: Opt(Text),
  national_team: Opt(BoolLike),
});

export const RawTeam = Type.Object({
  id: Id,
  sport_id: IntLike,
  country_id: Opt(IntLike),
  venue_id: Opt(IntLike),
  gender: Opt(Text),
  name: Name,
  short_code: Opt(Text),
  image_path: Opt(Text),
  founded: Opt(IntLike),
  type: Opt(Text),
  placeholder: Opt(BoolLike),
  last_played_at: Opt(Text),
});

/** `meta` is an object on participants, `[]` where SportMonks has nothing to say. */
const ParticipantMeta = Type.Union([
  Type.Object({
    location: Opt(Type.String()),
    winner: Opt(BoolLike),
    position: Opt(IntLike),
  }),
  Type.Array(Type.Unknown(), { maxItems: 0 }),
]);

export const RawParticipant = Type.Object({
  id: Id,
  name: Opt(Text),
  placeholder: Opt(BoolLike),
  meta: Type.Optional(ParticipantMeta),
});

export const RawScore = Type.Object({
  id: Id,
  fixture_id: Type.Optional(IntLike),
  type_id: IntLike,
  participant_id: Id,
  score: Type.Object({
    goals: IntLike,
    participant: Type.Union([Type.Literal('home'), Type.Literal('away')]),
  }),
  description: Type.String({ minLength: 1 }),
});

export const RawFixture = Type.Object({
  id: Id,
  sport_id: IntLike,
  league_id: Id,
  season_id: Id,
  stage_id: Opt(IntLike),
  group_id: Opt(IntLike),
  aggregate_id: Opt(IntLike),
  round_id: Opt(IntLike),
  state_id: Id,
  venue_id: Opt(IntLike),
  name: Opt(Text),
  starting_at: Opt(Text),
  starting_at_timestamp: Opt(IntLike),
  result_info: Opt(Text),
  leg: Opt(Text),
  length: Opt(IntLike),
  placeholder: Opt(BoolLike),
  // Absent when the include was not asked for; the mapping decides what that means.
  participants: Type.Optional(Type.Array(Type.Unknown())),
  scores: Type.Optional(Type.Array(Type.Unknown())),
});

export const RawStandingDetail = Type.Object({
  type_id: IntLike,
  value: Type.Union([IntLike, Type.Null()]),
  type: Opt(
    Type.Object({
      code: Opt(Text),
      developer_name: Opt(Text),
    }),
  ),
});

export const RawStanding = Type.Object({
  id: Id,
  participant_id: Id,
  sport_id: Opt(IntLike),
  league_id: Id,
  season_id: Id,
  stage_id: Opt(IntLike),
  group_id: Opt(IntLike),
  round_id: Opt(IntLike),
  standing_rule_id: Opt(IntLike),
  position: Type.Union([Type.Integer({ minimum: 1 }), Type.String({ pattern: '^[1-9]\\d*$' })]),
  result: Opt(Text),
  points: IntLike,
  details: Type.Optional(Type.Array(Type.Unknown())),
});


export type RawState = Static<typeof RawState>;
export type RawLeague = Static<typeof RawLeague>;
export type RawSeason = Static<typeof RawSeason>;
export type RawVenue = Static<typeof RawVenue>;
export type RawTeam = Static<typeof RawTeam>;
export type RawParticipant = Static<typeof RawParticipant>;
export type RawScore = Static<typeof RawScore>;
export type RawFixture = Static<typeof RawFixture>;
export type RawStandingDetail = Static<typeof RawStandingDetail>;
export type RawStanding = Static<typeof RawStanding>;
export type RawType = Static<typeof RawType>;
export type RawCountry = Static<typeof RawCountry>;
export type RawStage = Static<typeof RawStage>;
export type RawRound = Static<typeof RawRound>;
export type RawGroup = Static<typeof RawGroup>;
export type RawAggregate = Static<typeof RawAggregate>;
