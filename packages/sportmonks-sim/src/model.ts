// The simulator's world: records in SportMonks' own field names where they never change,
// and small mutable records (with cached JSON) where the clock changes them.

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
  seasons: SeasonRec[];
}

export interface StageRec {
  id: number;
  season: SeasonRec;
}

export interface RoundRec {
  id: number;
  season: SeasonRec;
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
  stage: StageRec;
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
  Finished = 4,
}

export interface FixtureRec {
  id: number;
  index: number;
  season: SeasonRec;
  round: RoundRec;
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
