// The core API (`/v3/core/...`): continents, countries and types, paged by id like upstream.
import { CONTINENTS, COUNTRIES, TYPES, type ContinentApi, type CountryApi, type TypeApi } from '../core.ts';
import type { Kind } from '../includes.ts';
import { byId, paged, single } from './answers.ts';
import { errorOutcome, idFilter, idParam, type RequestContext, type Route } from './route.ts';

const CONTINENT_BY_ID = new Map(CONTINENTS.map((c) => [c.id, c]));

function country(ctx: RequestContext, c: CountryApi): string {
  const json = JSON.stringify(c);
  if (!ctx.q.include.has('continent')) return json;
  return `${json.slice(0, -1)},"continent":${JSON.stringify(CONTINENT_BY_ID.get(c.continent_id) ?? null)}}`;
}

/** A paged list and a by-id lookup of one dictionary. */
function dictionary<T extends { id: number }>(name: string, entity: string, kind: Kind, rows: T[], emit: (ctx: RequestContext, row: T) => string): Route[] {
  const byKey = new Map(rows.map((row) => [row.id, row]));
  return [
    {
      path: `/v3/core/${name}`,
      entity,
      kind,
      filters: [],
      paged: true,
      handle: (ctx) => paged(ctx, kind, idFilter(ctx, rows), byId, (row) => emit(ctx, row)),
    },
    {
      path: `/v3/core/${name}/:id`,
      entity,
      kind,
      filters: [],
      paged: false,
      handle: (ctx) => {
        const id = idParam(ctx, 'id');
        if (typeof id !== 'number') return errorOutcome(id);
        return single(ctx, kind, byKey.get(id), (row) => emit(ctx, row));
      },
    },
  ];
}

export const CORE_ROUTES: Route[] = [
  ...dictionary('continents', 'Continent', 'continent', CONTINENTS, (_ctx, c: ContinentApi) => JSON.stringify(c)),
  ...dictionary('countries', 'Country', 'country', COUNTRIES, country),
  ...dictionary('types', 'Type', 'type', TYPES, (_ctx, t: TypeApi) => JSON.stringify(t)),
];
