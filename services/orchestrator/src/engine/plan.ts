// Splits a run into steps: one fetcher walk each (entity + query), in dependency order,
// per season and per date window of at most 100 days. The plan is stored with the run so
// a resumed run walks exactly the same steps.
import { ENTITIES, STRUCTURE_ENTITIES, dateWindows, daysAround, type FetchQuery, type RunScope, type SeasonSync } from '@insightxi/contracts';
import type { EntityName, RunTarget } from './ports.ts';

export interface PlanStep {
  entity: EntityName;
  query: FetchQuery;
  label: string;
  /**
   * The ids to fetch are looked up when the step starts: `unsettled` = stored fixtures not yet
   * settled; `missing` = stored fixtures of the window swept by the step before that the sweep
   * did not return (they may have moved to another date); `teams` = the teams of the step's
   * season's stored fixtures (squads: one call per team and season); `stubs` = the stored
   * players (or referees) only match detail has named so far, fetched by id once every step
   * before has landed.
   */
  resolve?: 'unsettled' | 'missing' | 'teams' | 'stubs';
  /** A window sweep: the stored fixtures of the window are noted when it starts, for the `missing` step after it. */
  sweep?: boolean;
  /** The season a per-season step reads whole: when its last page lands, the writer notes the season read completely. */
  season?: number;
}

export interface Plan {
  version: 1;
  steps: PlanStep[];
  /** Seasons the plan covers when they were not named in the scope. */
  resolvedSeasons: number[] | null;
  /** Per-season steps left out because their season is frozen (absent in plans made before freezing existed). */
  skipped?: number;
}

/** Whether a finished season's entity was read completely late enough that it can no longer change. */
export type FrozenCheck = (entity: EntityName, season: number) => boolean;

export interface SeasonResolution {
  seasons: number[];
  upstreamCalls: number;
  rateLimitWaitMs: number;
}

/** Looks up the seasons a scope means: the current ones of the leagues, or all of them. */
export type SeasonResolver = (leagues: number[] | null, all: boolean) => Promise<SeasonResolution>;

const DAY_MS = 86_400_000;

const ids = (list: number[]): string => list.join(',');
const dayMs = (day: string): number => Date.parse(`${day}T00:00:00Z`);

/** Entities read season by season. */
const PER_SEASON: ReadonlySet<RunTarget> = new Set(['venues', 'teams', 'standings', 'referees', 'squads', 'players', 'topscorers', 'all']);

function needsSeasons(target: RunTarget, scope: RunScope): boolean {
  if (scope.seasons !== undefined) return false;
  if (PER_SEASON.has(target)) return true;
  if ((STRUCTURE_ENTITIES as readonly string[]).includes(target)) return true;
  return target === 'fixtures' && scope.mode === 'full' && scope.from === undefined;
}

const leagueFilter = (scope: RunScope): FetchQuery => (scope.leagues ? { leagues: ids(scope.leagues) } : {});
/** Fixture calls carry the match detail unless the scope turns it off: the same calls, no extra ones. */
const detailOf = (scope: RunScope): FetchQuery => (scope.detail === false ? {} : { detail: true });

/**
 * The people match detail named that no squad, ranking or season list described: fetched by id
 * (SportMonks' only way, one call each) after everything else, so only the true leftovers cost a call.
 */
const STUB_STEPS: PlanStep[] = [
  { entity: 'players', query: {}, label: 'players named by match detail', resolve: 'stubs' },
  { entity: 'referees', query: {}, label: 'referees named by match detail', resolve: 'stubs' },
];

/** A plan whose fixture calls carry detail ends by filling the people the detail named. */
const withStubSteps = (steps: PlanStep[]): PlanStep[] =>
  steps.some((step) => step.entity === 'fixtures' && step.query.detail === true) ? [...steps, ...STUB_STEPS.map((step) => ({ ...step }))] : steps;

const perSeason = (entity: EntityName, seasons: number[], extra: Partial<PlanStep> = {}): PlanStep[] =>
  seasons.map((id) => ({ entity, query: { seasons: String(id) }, label: `${entity} season ${id}`, season: id, ...extra }));

function fullSteps(entity: EntityName, scope: RunScope, seasons: number[]): PlanStep[] {
  switch (entity) {
    case 'types':
    case 'countries':
    case 'states':
      return [{ entity, query: {}, label: entity }];
    case 'leagues':
      return [{ entity, query: scope.leagues ? { ids: ids(scope.leagues) } : {}, label: 'leagues' }];
    case 'seasons':
      if (scope.seasons) return [{ entity, query: { ids: ids(scope.seasons) }, label: 'seasons' }];
      return [{ entity, query: leagueFilter(scope), label: 'seasons' }];
    case 'venues':
    case 'teams':
    case 'stages':
    case 'rounds':
    case 'groups':
    case 'aggregates':
    case 'standings':
    case 'referees':
    case 'topscorers':
      return perSeason(entity, seasons);
    case 'squads':
      return perSeason(entity, seasons, { resolve: 'teams' });
    case 'players':
      return perSeason(entity, seasons, { resolve: 'teams' });
    case 'fixtures':
      if (scope.from !== undefined && scope.to !== undefined) {
        const extra: FetchQuery = { ...leagueFilter(scope), ...(scope.seasons ? { seasons: ids(scope.seasons) } : {}), ...detailOf(scope) };
        return dateWindows(scope.from, scope.to).map((w) => ({ entity, query: { ...extra, ...w }, label: `fixtures ${w.from}..${w.to}` }));
      }
      return seasons.map((id) => ({ entity, query: { seasons: String(id), ...detailOf(scope) }, label: `fixtures season ${id}`, season: id }));
  }
}

/**
 * Incremental fixtures: the latest-updated feed first (cheap, catches what just changed),
 * then the sweep of the date window around today (each stored fixture the sweep did not
 * return is re-fetched by id: it may have been moved to another date), the source's
 * deletions in it, and last the stored fixtures that have not settled yet (by id). Detail rides
 * with these calls only — the fixtures that changed, are live or are about to be — never with
 * older ones, and the writer recognises an unchanged set without writing it.
 */
function incrementalSteps(scope: RunScope, today: string): PlanStep[] {
  const window = scope.from !== undefined && scope.to !== undefined ? { from: scope.from, to: scope.to } : daysAround(today, scope.windowDays ?? 1);
  const leagues = { ...leagueFilter(scope), ...detailOf(scope) };
  const steps: PlanStep[] = [{ entity: 'fixtures', query: { ...leagues, updated: 'latest' }, label: 'fixtures latest' }];
  for (const w of dateWindows(window.from, window.to)) {
    steps.push({ entity: 'fixtures', query: { ...leagues, ...w }, label: `fixtures ${w.from}..${w.to}`, sweep: true });
    steps.push({ entity: 'fixtures', query: { ...leagues, ...w }, label: `fixtures gone from ${w.from}..${w.to}`, resolve: 'missing' });
  }
  for (const w of dateWindows(window.from, window.to)) {
    steps.push({ entity: 'fixtures', query: { ...leagueFilter(scope), ...w, deleted: true }, label: `fixtures deleted ${w.from}..${w.to}` });
  }
  steps.push({ entity: 'fixtures', query: leagues, label: 'fixtures not yet settled', resolve: 'unsettled' });
  return steps;
}

/**
 * /sync/all reads a season's structure from the schedules its fixtures come from (no extra call);
 * only when fixtures come by date window does it read each season's stages (rounds, groups and
 * ties come with them).
 */
function includedInAll(entity: EntityName, scope: RunScope): boolean {
  // A whole sync gets its players with the squads, lineups and top scorers (the same calls): no second pass.
  if (entity === 'players') return false;
  // With detail, the referees come with the matches they officiated (referees.referee): no season lists.
  if (entity === 'referees' && scope.detail !== false) return false;
  if (!(STRUCTURE_ENTITIES as readonly string[]).includes(entity)) return true;
  return entity === 'stages' && scope.from !== undefined && scope.to !== undefined;
}

/**
 * Seasons named in the scope are always read; resolved ones (current or all) skip the steps
 * `frozen` says can no longer change, unless the scope forces a re-read. `frozen` is only
 * asked for when there is something it could skip.
 */
export async function buildPlan(
  target: RunTarget,
  scope: RunScope,
  resolveSeasons: SeasonResolver,
  today: string,
  frozen: () => Promise<FrozenCheck> = () => Promise.resolve(() => false),
): Promise<{ plan: Plan; resolution: SeasonResolution | null }> {
  if (scope.mode === 'incremental') {
    return { plan: { version: 1, steps: withStubSteps(incrementalSteps(scope, today)), resolvedSeasons: null }, resolution: null };
  }
  const resolution = needsSeasons(target, scope) ? await resolveSeasons(scope.leagues ?? null, scope.allSeasons === true) : null;
  const seasons = scope.seasons ?? resolution?.seasons ?? [];
  const entities = target === 'all' ? ENTITIES.filter((entity) => includedInAll(entity, scope)) : [target];
  const all = entities.flatMap((entity) => fullSteps(entity, scope, seasons));
  const mayFreeze = resolution !== null && scope.force !== true && all.some((step) => step.season !== undefined);
  const isFrozen = mayFreeze ? await frozen() : () => false;
  const steps = withStubSteps(all.filter((step) => step.season === undefined || !isFrozen(step.entity, step.season)));
  return { plan: { version: 1, steps, resolvedSeasons: resolution?.seasons ?? null, skipped: all.length - steps.filter((step) => step.resolve !== 'stubs').length }, resolution };
}

/** After its end date a season still gets corrections (awarded results, deductions) for a while. */
export const SETTLE_DAYS = 7;

/** A season is frozen for an entity once it is finished and was read completely SETTLE_DAYS after its end. */
export function frozenCheck(syncs: readonly SeasonSync[]): FrozenCheck {
  const frozen = new Set<string>();
  for (const sync of syncs) {
    if (!sync.seasonFinished || sync.seasonEndingAt === null) continue;
    if (Date.parse(sync.completedAt) >= dayMs(sync.seasonEndingAt) + SETTLE_DAYS * DAY_MS) frozen.add(`${sync.entity}/${sync.seasonId}`);
  }
  return (entity, season) => frozen.has(`${entity}/${season}`);
}

export function isPlan(value: unknown): value is Plan {
  if (typeof value !== 'object' || value === null) return false;
  const plan = value as Partial<Plan>;
  return plan.version === 1 && Array.isArray(plan.steps);
}
