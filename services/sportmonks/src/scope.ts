// What a caller asks for, read from the query string into one canonical form.
import { dateRangeProblem, type EntityName, type FetchQuery } from '@insightxi/contracts';
import { FetchError } from './upstream/errors.ts';

export type { EntityName };

export interface Scope {
  leagues?: number[];
  seasons?: number[];
  ids?: number[];
  from?: string;
  to?: string;
  updated?: 'latest';
  deleted?: true;
}

export class BadScopeError extends FetchError {
  constructor(message: string) {
    super(400, message);
  }
}

function idList(value: string | undefined): number[] | undefined {
  if (value === undefined) return undefined;
  const ids = [...new Set(value.split(',').map(Number))].filter((n) => Number.isSafeInteger(n) && n > 0);
  return ids.length > 0 ? ids.sort((a, b) => a - b) : undefined;
}

const ONLY_FIXTURES = ['updated', 'deleted', 'from', 'to'] as const;
/** SportMonks serves these by season (stages and rounds also by id). */
const SEASON_SCOPED = new Set<EntityName>(['standings', 'stages', 'rounds', 'groups', 'aggregates']);

export function scopeOf(entity: EntityName, query: Omit<FetchQuery, 'cursor'>): Scope {
  const scope: Scope = {};
  const leagues = idList(query.leagues);
  const seasons = idList(query.seasons);
  const ids = idList(query.ids);
  if (leagues) scope.leagues = leagues;
  if (seasons) scope.seasons = seasons;
  if (ids) scope.ids = ids;
  if (query.from !== undefined) scope.from = query.from;
  if (query.to !== undefined) scope.to = query.to;
  if (query.updated !== undefined) scope.updated = query.updated;
  if (query.deleted === true) scope.deleted = true;
  validate(entity, scope);
  return scope;
}

export function validate(entity: EntityName, scope: Scope): void {
  if (entity !== 'fixtures') {
    const misplaced = ONLY_FIXTURES.filter((key) => scope[key] !== undefined);
    if (misplaced.length > 0) throw new BadScopeError(`${misplaced.join(', ')} only apply to /fixtures`);
  }
  const problem = dateRangeProblem(scope.from, scope.to);
  if (problem !== null) throw new BadScopeError(problem);
  if (scope.updated !== undefined && (scope.ids ?? scope.seasons ?? scope.from) !== undefined) {
    throw new BadScopeError('updated=latest takes no other scope');
  }
  if (SEASON_SCOPED.has(entity) && scope.seasons === undefined && (entity === 'standings' || entity === 'groups' || entity === 'aggregates' || scope.ids === undefined)) {
    throw new BadScopeError(`${entity} need seasons`);
  }
}
