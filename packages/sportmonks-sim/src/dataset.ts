// Ground truth for tests: everything the simulator holds, shaped as the API serves it.
import { CONTINENTS, COUNTRIES, TYPES, type ContinentApi, type CountryApi, type TypeApi } from './core.ts';
import type { IncludeTree } from './includes.ts';
import type { Serializer } from './serialize.ts';
import { STATES, type StateApi } from './states.ts';
import type { World } from './world.ts';

export interface Dataset {
  /** The simulated time this snapshot was taken at (ISO). */
  now: string;
  states: StateApi[];
  /** The core dictionaries, as `/v3/core/continents`, `/v3/core/countries` and `/v3/core/types` list them. */
  continents: ContinentApi[];
  countries: CountryApi[];
  types: TypeApi[];
  leagues: Record<string, unknown>[];
  seasons: Record<string, unknown>[];
  stages: Record<string, unknown>[];
  rounds: Record<string, unknown>[];
  /** Groups of the stages that have them (as the stage include `groups` serves them). */
  groups: Record<string, unknown>[];
  /** Two-legged ties (as the stage include `aggregates` serves them). */
  aggregates: Record<string, unknown>[];
  venues: Record<string, unknown>[];
  /** Real teams only; placeholder participants are listed apart. */
  teams: Record<string, unknown>[];
  placeholderTeams: Record<string, unknown>[];
  /** Live fixtures with `participants` (meta.location) and `scores`, as `include=participants;scores` serves them. */
  fixtures: Record<string, unknown>[];
  /** Standing rows of every season with `details`, as `include=details` serves them. */
  standings: Record<string, unknown>[];
  /** Fixtures only `filters=deleted` returns, in state 20. */
  deletedFixtures: Record<string, unknown>[];
}

const node = (children: IncludeTree = new Map()): { fields: null; children: IncludeTree } => ({ fields: null, children });
const STANDING_TREE: IncludeTree = new Map([['details', node()]]);
const NONE: IncludeTree = new Map();

const parse = (json: string): Record<string, unknown> => JSON.parse(json) as Record<string, unknown>;

export function snapshot(world: World, ser: Serializer): Dataset {
  const seasons = world.seasons;
  return {
    now: new Date(world.now()).toISOString(),
    states: STATES.map((s) => ({ ...s })),
    continents: CONTINENTS.map((c) => ({ ...c })),
    countries: COUNTRIES.map((c) => ({ ...c, borders: [...c.borders] })),
    types: TYPES.map((t) => ({ ...t })),
    leagues: world.leagues.map((l) => parse(ser.league(l, NONE))),
    seasons: seasons.map((s) => parse(ser.season(s, NONE))),
    stages: seasons.flatMap((s) => s.stages.map((stage) => parse(ser.stage(stage, NONE)))),
    rounds: seasons.flatMap((s) => s.rounds.map((r) => parse(ser.round(r, NONE)))),
    groups: seasons.flatMap((s) => s.stages.flatMap((stage) => stage.groups.map((g) => parse(ser.group(g, NONE))))),
    aggregates: seasons.flatMap((s) => s.stages.flatMap((stage) => stage.aggregates.map((a) => parse(ser.aggregate(a, NONE))))),
    venues: world.venues.map((v) => ({ ...v })),
    teams: [...world.teams.values()].map((t) => ({ ...t.api })),
    placeholderTeams: [...world.placeholderTeams.values()].map((t) => ({ ...t.api })),
    fixtures: world.fixtures.filter((f) => !f.deleted).map((f) => ser.fixtureObject(f)),
    standings: seasons.flatMap((s) => world.standings(s).map((row) => parse(ser.standing(row, STANDING_TREE)))),
    deletedFixtures: world.fixtures.filter((f) => f.deleted).map((f) => ser.fixtureObject(f)),
  };
}
