// The simulator's world: records in SportMonks' own field names where they never change,
// and small mutable records (with cached JSON) where the clock changes them.
import type { Format } from './names.ts';

export interface VenueApi {
  id: number;
  country_id: number;
  city_id: number;
  name: string;
  address: string | null;
  zipcode: string | null;
  latitude: string | null;
  longitude: string | null;
  capacity: number | null;
  image_path: string | null;
  city_name: string;
  surface: string;
  national_team: boolean;
}

export interface TeamApi {
  id: number;
  sport_id: number;
  country_id: number;
  venue_id: number | null;
  gender: string;
  name: string;
  short_code: string | null;
  image_path: string;
  founded: number | null;
  type: string;
  placeholder: boolean;
  last_played_at: string | null;
}

export interface TeamRec {
  api: TeamApi;
  leagueId: number;
  lastPlayedMs: number;
  json: string | null;
}

export interface LeagueRec {
  id: number;
  countryId: number;
  name: string;
  shortCode: string;
  format: Format;
  seasons: SeasonRec[];
}

export interface StageRec {
  id: number;
  season: SeasonRec;
  name: string;
  /** 223 group stage (leagues too), 224 knock-out, 225 qualifying. */
  typeId: number;
  sortOrder: number;
  /** Every team of the stage; empty until it is drawn. */
  teamIds: number[];
  rounds: RoundRec[];
  groups: GroupRec[];
  aggregates: AggregateRec[];
  fixtures: FixtureRec[];
  /** Stages that must be over before this one is drawn (its teams depend on their results). */
  after: StageRec[];
  /** The stage whose final table this one's tables start from (split seasons carry points over). */
  carriesFrom: StageRec | null;
  /** The last planned day, drawn or not: the season's end date. */
  plannedEndDate: string;
}

export interface GroupRec {
  id: number;
  stage: StageRec;
  name: string;
  teamIds: number[];
}

/** A two-legged tie. */
export interface AggregateRec {
  id: number;
  stage: StageRec;
  legs: [FixtureRec, FixtureRec];
}

export interface RoundRec {
  id: number;
  season: SeasonRec;
  stage: StageRec;
  name: string;
  startDate: string;
  endDate: string;
  fixtures: FixtureRec[];
}

export interface SeasonRec {
  id: number;
  league: LeagueRec;
  name: string;
  startDate: string;
  endDate: string;
  isCurrent: boolean;
  finished: boolean;
  /** In creation order; ids run the other way (upstream's stage list is not in sort_order). */
  stages: StageRec[];
  rounds: RoundRec[];
  teamIds: number[];
  fixtures: FixtureRec[];
  /** Bumped whenever a fixture of the season changes: standings are cached per version. */
  version: number;
}

export interface Goal {
  minute: number;
  home: boolean;
}

/** Match progress, which decides which score rows exist. */
export const enum Phase {
  None = 0,
  FirstHalf = 1,
  HalfTime = 2,
  SecondHalf = 3,
  ExtraTime = 4,
  Penalties = 5,
  Finished = 6,
}

/** How a knockout match that is level after 90 minutes (on the day or on aggregate) is decided. */
export interface Decider {
  /** Goals in minutes 91–120. */
  extraTime: Goal[];
  /** Shoot-out kicks scored [home, away]; null when extra time settles it. */
  penalties: [number, number] | null;
}

export interface FixtureRec {
  id: number;
  index: number;
  season: SeasonRec;
  stage: StageRec;
  /** Null for knockout legs, as upstream. */
  round: RoundRec | null;
  group: GroupRec | null;
  aggregate: AggregateRec | null;
  /** "1/1", "1/2" or "2/2". */
  leg: string;
  venueId: number | null;
  homeId: number;
  awayId: number;
  /** While set, the participants are these placeholder teams instead of the real ones. */
  placeholderIds: [number, number] | null;
  kickoffMs: number;
  stateId: number;
  phase: Phase;
  goals: Goal[];
  h1: [number, number];
  h2: [number, number];
  decider: Decider | null;
  /** Extra-time goals so far. */
  et: [number, number];
  resultInfo: string | null;
  deleted: boolean;
  /** Created in error: never played, deleted at some point. */
  erroneous: boolean;
  updatedMs: number;
  /** Array order of participants is not home first on purpose: consumers must read meta.location. */
  homeFirst: boolean;
  name: string;
  json: string | null;
  scoresJson: string | null;
}

export interface ClockEvent {
  atMs: number;
  seq: number;
  run: () => ChangedIds;
}

export interface ChangedIds {
  fixtures: number[];
  teams: number[];
}
