import type { SyncQuery, SyncScope } from '@insightxi/contracts';

const idList = (value: string | undefined): number[] | undefined => (value === undefined ? undefined : value.split(',').map(Number));

/** The body's scope, with the query's fields filling what the body leaves out. */
export function scopeFromRequest(query: SyncQuery, body: SyncScope): SyncScope {
  const fromQuery: SyncScope = {};
  const leagues = idList(query.leagues);
  if (leagues) fromQuery.leagues = leagues;
  if (query.seasons === 'all') fromQuery.allSeasons = true;
  else if (query.seasons !== undefined && query.seasons !== 'current') fromQuery.seasons = idList(query.seasons) ?? [];
  if (query.from !== undefined) fromQuery.from = query.from;
  if (query.to !== undefined) fromQuery.to = query.to;
  if (query.mode !== undefined) fromQuery.mode = query.mode;
  if (query.windowDays !== undefined) fromQuery.windowDays = query.windowDays;
  if (query.force !== undefined) fromQuery.force = query.force;
  if (query.detail !== undefined) fromQuery.detail = query.detail;
  return { ...fromQuery, ...body };
}
