// What every endpoint handler gets and gives back, and the helpers they share.
import { badRequest, forbidden, type ApiError } from '../errors.ts';
import type { MatchDetails } from '../detail/store.ts';
import type { CallFaults } from '../faults.ts';
import type { Kind } from '../includes.ts';
import type { SeasonRec, TeamRec } from '../model.ts';
import type { ParsedQuery } from '../query.ts';
import type { Serializer } from '../serialize.ts';
import type { World } from '../world.ts';

export interface RequestContext {
  world: World;
  ser: Serializer;
  details: MatchDetails;
  q: ParsedQuery;
  params: Record<string, string | undefined>;
  denied: ReadonlySet<number>;
  faults: CallFaults;
  /** Computes a value once per state of the world (the cache empties when the clock changes something). */
  memo: <T>(key: string, build: () => T) => T;
  /** The full URL of this call with some query parameters replaced (api_token never kept). */
  urlWith: (overrides: Record<string, string>) => string;
}

export type Outcome =
  | { type: 'data'; data: string; pagination: string | null; message?: string }
  | { type: 'empty' }
  | { type: 'error'; error: ApiError };

export interface Route {
  path: string;
  entity: string;
  kind: Kind;
  filters: readonly string[];
  paged: boolean;
  /** Answers that change with the clock alone (live feeds), never served from the page cache. */
  live?: boolean;
  handle: (ctx: RequestContext) => Outcome;
}

export const errorOutcome = (error: ApiError): Outcome => ({ type: 'error', error });

export function idParam(ctx: RequestContext, name: string): number | ApiError {
  const text = ctx.params[name] ?? '';
  return /^\d{1,12}$/.test(text) ? Number(text) : badRequest(5006, `The ${name} parameter must be a numeric id.`);
}

export function filterValues(ctx: RequestContext, name: string): Set<number> | null {
  const values = ctx.q.filters.get(name);
  return values ? new Set(values) : null;
}

export function idFilter<T extends { id: number }>(ctx: RequestContext, items: T[]): T[] {
  const after = ctx.q.idAfter;
  return after === null ? items : items.filter((i) => i.id > after);
}

function seasonParam(ctx: RequestContext): SeasonRec | ApiError | undefined {
  const id = idParam(ctx, 'seasonId');
  if (typeof id !== 'number') return id;
  const season = ctx.world.seasonById.get(id);
  if (season && ctx.denied.has(season.league.id)) return forbidden();
  return season;
}

/** Runs `then` with the season of the `seasonId` path parameter (403 when the plan denies its league). */
export function withSeason(ctx: RequestContext, then: (season: SeasonRec) => Outcome): Outcome {
  const season = seasonParam(ctx);
  if (season === undefined) return { type: 'empty' };
  if ('status' in season) return errorOutcome(season);
  return then(season);
}

/** Runs `then` with the season and the numeric `teamId` of the path (a 400 when it is not a number). */
export function withSeasonTeam(ctx: RequestContext, then: (season: SeasonRec, teamId: number) => Outcome): Outcome {
  return withSeason(ctx, (season) => {
    const teamId = idParam(ctx, 'teamId');
    return typeof teamId === 'number' ? then(season, teamId) : errorOutcome(teamId);
  });
}

export function teamsOf(world: World, season: SeasonRec): TeamRec[] {
  return season.teamIds.map((id) => world.teams.get(id)).filter((t) => t !== undefined);
}
