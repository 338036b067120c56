// Sweeping and re-checking (incremental runs): the stored fixtures of a swept window that the
// sweep did not return, and the stored fixtures that have not settled, are re-fetched by id.
// Which states count as settled comes from the states table (SportMonks' flags), not from ids.
import { MAX_PAGE_SIZE, type FetchPage, type FetchQuery, type FixtureListQuery, type FixtureState } from '@insightxi/contracts';
import type { PlanStep } from './plan.ts';
import type { CallContext, Log, Writer } from './ports.ts';

/** Ids per fetcher walk: the fetcher asks SportMonks 50 at a time; this keeps the URL short. */
export const MAX_RECHECK_IDS = 500;

/**
 * The queries for stored fixtures that have not settled: in a state that is neither live nor
 * final (postponed, suspended, interrupted, awaiting updates, …). A state that counts as not
 * started only does once its kick-off has passed.
 */
export function unsettledQueries(states: readonly FixtureState[], now: number): FixtureListQuery[] {
  return states
    .filter((state) => !state.isLive && !state.isFinalState)
    .map((state) => (state.isNotStarted ? { state: state.id, to: new Date(now).toISOString(), deleted: false } : { state: state.id, deleted: false }));
}

/** The ids of the stored fixtures (of `leagues`, when given) that match `query`, at most `max`. */
async function storedIds(writer: Writer, query: FixtureListQuery, leagues: number[] | null, max: number, ctx: CallContext): Promise<number[]> {
  const wanted = leagues === null ? null : new Set(leagues);
  const ids: number[] = [];
  let cursor: string | undefined;
  do {
    const page = await writer.listFixtures({ ...query, limit: MAX_PAGE_SIZE, ...(cursor === undefined ? {} : { cursor }) }, ctx);
    for (const fixture of page.items) if (wanted === null || wanted.has(fixture.leagueId)) ids.push(fixture.id);
    cursor = page.next ?? undefined;
  } while (cursor !== undefined && ids.length < max);
  return ids;
}

export async function unsettledFixtureIds(writer: Writer, now: number, leagues: number[] | null, ctx: CallContext): Promise<number[]> {
  const ids = new Set<number>();
  for (const query of unsettledQueries(await writer.listStates(ctx), now)) {
    for (const id of await storedIds(writer, query, leagues, MAX_RECHECK_IDS - ids.size, ctx)) ids.add(id);
    if (ids.size >= MAX_RECHECK_IDS) break;
  }
  return [...ids].sort((a, b) => a - b).slice(0, MAX_RECHECK_IDS);
}

export interface RecheckDeps {
  writer: Writer;
  log: Log;
  now(): number;
  /** Runs a writer look-up with the run's retries. */
  retry<T>(what: string, call: () => Promise<T>): Promise<T>;
}

/** A record's id, for the records the engine only passes along. */
export const recordId = (record: unknown): number | null =>
  typeof record === 'object' && record !== null && typeof (record as { id?: unknown }).id === 'number' ? (record as { id: number }).id : null;

/**
 * The start of steps whose query is not fixed in the plan: a sweep notes the stored fixtures
 * of its window (and then every id its pages bring); the `missing` step after it fetches the
 * ones not seen; the `unsettled` step the ones not settled.
 */
export function recheckSteps(deps: RecheckDeps, runId: number, ctx: CallContext) {
  /** Per window sweep (by step index): the stored fixtures when it started, and the ids it returned. */
  const sweeps = new Map<number, { stored: number[]; seen: Set<number> }>();
  const leaguesOf = (step: PlanStep) => (step.query.leagues === undefined ? null : step.query.leagues.split(',').map(Number));
  const byIds = (step: PlanStep, ids: number[], what: string): FetchQuery | null => {
    deps.log.info({ runId, step: step.label, fixtures: ids.length }, what);
    return ids.length === 0 ? null : { ids: ids.join(','), ...(step.query.detail === true ? { detail: true } : {}) };
  };

  /**
   * Per season, the teams of the fixtures and team lists this run has fetched: the pages ahead of
   * the writer are not stored yet when a later step of the same season (its squads) starts.
   */
  const fetchedTeams = new Map<number, Set<number>>();
  const noteTeams = (records: readonly unknown[]) => {
    for (const record of records) {
      const { seasonId, homeTeamId, awayTeamId } = record as Partial<Record<'seasonId' | 'homeTeamId' | 'awayTeamId', unknown>>;
      if (typeof seasonId !== 'number') continue;
      const teams = fetchedTeams.get(seasonId) ?? new Set<number>();
      for (const team of [homeTeamId, awayTeamId]) if (typeof team === 'number') teams.add(team);
      fetchedTeams.set(seasonId, teams);
    }
  };

  return {
    onPage(index: number, page: FetchPage<unknown>, step?: PlanStep): void {
      if (step?.entity === 'fixtures') noteTeams(page.data);
      // The season's team list also names teams no fixture names yet (a cup's later entrants): they have squads too.
      if (step?.entity === 'teams' && step.season !== undefined) {
        const teams = fetchedTeams.get(step.season) ?? new Set<number>();
        for (const record of page.data) {
          const id = recordId(record);
          if (id !== null) teams.add(id);
        }
        fetchedTeams.set(step.season, teams);
      }
      const sweep = sweeps.get(index);
      if (sweep === undefined) return;
      for (const record of page.data) {
        const id = recordId(record);
        if (id !== null) sweep.seen.add(id);
      }
    },

    async startQuery(step: PlanStep, index: number): Promise<FetchQuery | null> {
      const { from, to } = step.query;
      if (step.sweep === true && from !== undefined && to !== undefined) {
        const stored = await deps.retry('list stored fixtures', () => storedIds(deps.writer, { from, to, deleted: false }, leaguesOf(step), Infinity, ctx));
        sweeps.set(index, { stored, seen: new Set() });
        return step.query;
      }
      if (step.resolve === 'missing') {
        // Known only when this process swept the window; after a resume in between, the next run re-checks.
        const sweep = sweeps.get(index - 1);
        const gone = sweep ? sweep.stored.filter((id) => !sweep.seen.has(id)).slice(0, MAX_RECHECK_IDS) : [];
        return byIds(step, gone, 'fixtures to re-fetch by id');
      }
      if (step.resolve === 'teams' && step.season !== undefined) {
        const season = step.season;
        const stored = await deps.retry('list the teams of a season', () => deps.writer.seasonTeams(season, ctx));
        const teams = [...new Set([...stored, ...(fetchedTeams.get(season) ?? [])])].sort((a, b) => a - b);
        deps.log.info({ runId, step: step.label, teams: teams.length }, 'squads to read, one call per team');
        return teams.length === 0 ? null : { ...step.query, teams: teams.join(',') };
      }
      if (step.resolve === 'stubs' && (step.entity === 'players' || step.entity === 'referees')) {
        const entity = step.entity;
        const ids = await deps.retry(`list stub ${entity}`, () => deps.writer.stubIds(entity, MAX_RECHECK_IDS, ctx));
        deps.log.info({ runId, step: step.label, [entity]: ids.length }, `${entity} to fetch by id, one call each`);
        return ids.length === 0 ? null : { ids: ids.join(',') };
      }
      if (step.resolve === 'unsettled') {
        const ids = await deps.retry('list unsettled fixtures', () => unsettledFixtureIds(deps.writer, deps.now(), leaguesOf(step), ctx));
        return byIds(step, ids, 'fixtures to re-check');
      }
      return step.query;
    },
  };
}
