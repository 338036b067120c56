// Which SportMonks calls answer a scope, cheapest first: a season's fixtures from its schedule
// (one call), date ranges as `between` windows of at most 100 days, known ids through `multi`
// (50 a call), reference lists with `filters=populate` (1000 a page, no includes needed).
import { chunks, dateWindows } from '@insightxi/contracts';
import type { NormalizeContext } from './mapping/normalize.ts';
import type { EntityName, Scope } from './scope.ts';

export interface Job {
  /** Path after /v3. */
  path: string;
  params: Record<string, string>;
  /**
   * `schedule`: data are stages → rounds → fixtures, and the stages, rounds and ties come along
   * as the page's related records; `stages`: data are stages with their included rounds, groups
   * and ties, and the page's records are the entity's part of that structure.
   */
  shape: 'records' | 'schedule' | 'stages';
  context: NormalizeContext;
}

export const MULTI_IDS = 50;
const PER_PAGE = '50';
const POPULATE_PER_PAGE = '1000';

/** Includes, decided once per entity type. */
export const INCLUDES: Partial<Record<EntityName, string>> = {
  fixtures: 'participants;scores',
  standings: 'details',
  stages: 'rounds;groups;aggregates',
  groups: 'groups',
  aggregates: 'aggregates',
};

/** With an `ids` scope, each job fetches this many of them (in order). */
export const idsPerJob = (entity: EntityName): number => (entity === 'fixtures' ? MULTI_IDS : 1);

function filters(...parts: (string | null)[]): Record<string, string> {
  const present = parts.filter((p): p is string => p !== null);
  return present.length > 0 ? { filters: present.join(';') } : {};
}

const populate = (path: string, extraFilters: (string | null)[] = []): Job => ({
  path,
  params: { ...filters('populate', ...extraFilters), per_page: POPULATE_PER_PAGE },
  shape: 'records',
  context: {},
});

const single = (path: string, params: Record<string, string> = {}): Job => ({ path, params, shape: 'records', context: {} });

function fixtureJobs(scope: Scope): Job[] {
  const include = { include: INCLUDES.fixtures ?? '' };
  const context: NormalizeContext = scope.deleted === true ? { deleted: true } : {};
  const deleted = scope.deleted === true ? 'deleted' : null;
  const leagues = scope.leagues ? `fixtureLeagues:${scope.leagues.join(',')}` : null;
  const seasons = scope.seasons ? `fixtureSeasons:${scope.seasons.join(',')}` : null;
  const paged = (path: string, ...extra: (string | null)[]): Job => ({
    path,
    params: { ...include, ...filters(...extra), per_page: PER_PAGE },
    shape: 'records',
    context,
  });

  if (scope.ids) {
    return chunks(scope.ids, MULTI_IDS).map((ids) => ({ path: `/football/fixtures/multi/${ids.join(',')}`, params: include, shape: 'records', context }));
  }
  if (scope.updated === 'latest') {
    return [{ path: '/football/fixtures/latest', params: { ...include, ...filters(leagues) }, shape: 'records', context }];
  }
  if (scope.from !== undefined && scope.to !== undefined) {
    return dateWindows(scope.from, scope.to).map((w) => paged(`/football/fixtures/between/${w.from}/${w.to}`, leagues, seasons, deleted));
  }
  if (scope.seasons && deleted === null) {
    return scope.seasons.map((id) => ({ path: `/football/schedules/seasons/${id}`, params: {}, shape: 'schedule', context }));
  }
  return [paged('/football/fixtures', leagues, seasons, deleted)];
}

const paged = (path: string): Job => ({ path, params: { per_page: PER_PAGE }, shape: 'records', context: {} });

/** A season's stages with the include that carries the entity (groups and ties have no endpoint of their own). */
const stagesJob = (entity: EntityName, path: string): Job => ({ path, params: { include: INCLUDES[entity] ?? '' }, shape: 'stages', context: {} });
const seasonStages = (entity: EntityName, scope: Scope): Job[] => (scope.seasons ?? []).map((id) => stagesJob(entity, `/football/stages/seasons/${id}`));

export function planJobs(entity: EntityName, scope: Scope): Job[] {
  switch (entity) {
    case 'types':
      return [paged('/core/types')];
    case 'countries':
      return scope.ids ? scope.ids.map((id) => single(`/core/countries/${id}`)) : [paged('/core/countries')];
    case 'stages':
      if (scope.ids) return scope.ids.map((id) => stagesJob(entity, `/football/stages/${id}`));
      return seasonStages(entity, scope);
    case 'groups':
    case 'aggregates':
      return seasonStages(entity, scope);
    case 'rounds':
      if (scope.ids) return scope.ids.map((id) => single(`/football/rounds/${id}`));
      return (scope.seasons ?? []).map((id) => single(`/football/rounds/seasons/${id}`));
    case 'states':
      return [populate('/football/states')];
    case 'leagues':
      if (scope.ids ?? scope.leagues) return (scope.ids ?? scope.leagues ?? []).map((id) => single(`/football/leagues/${id}`));
      return [populate('/football/leagues')];
    case 'seasons':
      if (scope.ids ?? scope.seasons) return (scope.ids ?? scope.seasons ?? []).map((id) => single(`/football/seasons/${id}`));
      return [populate('/football/seasons', [scope.leagues ? `seasonLeagues:${scope.leagues.join(',')}` : null])];
    case 'venues':
      if (scope.ids) return scope.ids.map((id) => single(`/football/venues/${id}`));
      if (scope.seasons) return scope.seasons.map((id) => single(`/football/venues/seasons/${id}`));
      return [populate('/football/venues')];
    case 'teams':
      if (scope.ids) return scope.ids.map((id) => single(`/football/teams/${id}`));
      if (scope.seasons) return scope.seasons.map((id) => single(`/football/teams/seasons/${id}`));
      return [populate('/football/teams')];
    case 'fixtures':
      return fixtureJobs(scope);
    case 'standings':
      return (scope.seasons ?? []).map((id) => single(`/football/standings/seasons/${id}`, { include: INCLUDES.standings ?? '' }));
  }
}
