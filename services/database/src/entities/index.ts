import type { EntityRecords } from '@insightxi/contracts';
import type { Entity } from '../entity.ts';
import { countrySpec } from './countries.ts';
import { fixtureSpec } from './fixtures.ts';
import { leagueSpec } from './leagues.ts';
import { seasonSpec } from './seasons.ts';
import type { EntitySpec } from './spec.ts';
import { standingSpec } from './standings.ts';
import { stateSpec } from './states.ts';
import { aggregateSpec, groupSpec, roundSpec, stageSpec } from './structure.ts';
import { teamSpec } from './teams.ts';
import { typeSpec } from './types.ts';
import { venueSpec } from './venues.ts';

export const SPECS: { [E in Entity]: EntitySpec<EntityRecords[E]> } = {
  types: typeSpec,
  countries: countrySpec,
  states: stateSpec,
  leagues: leagueSpec,
  seasons: seasonSpec,
  venues: venueSpec,
  teams: teamSpec,
  stages: stageSpec,
  rounds: roundSpec,
  groups: groupSpec,
  aggregates: aggregateSpec,
  fixtures: fixtureSpec,
  standings: standingSpec,
};
