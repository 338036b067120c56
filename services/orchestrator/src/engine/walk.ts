// Walking a plan's pages: step by step from a position, each step's pages by the fetcher's
// cursor, with the first pages of the next few steps requested early.
import type { FetchPage, FetchQuery } from '@insightxi/contracts';
import type { RunPosition } from './cursor.ts';
import { DependencyError } from './errors.ts';
import type { Plan, PlanStep } from './plan.ts';

/** One fetched page with where it was read and where the walk goes on. */
export interface PageItem {
  step: PlanStep;
  position: RunPosition;
  page: FetchPage<unknown>;
  next: RunPosition;
  fetchedAt: number;
  fetchMs: number;
}

export interface WalkDeps {
  /** One page of a step (its query, with the cursor when there is one). */
  fetchPage(step: PlanStep, query: FetchQuery, cursor: string | null): Promise<FetchPage<unknown>>;
  /** The query a step starts with, or null to skip it (steps whose ids are looked up first). */
  startQuery(step: PlanStep, index: number): Promise<FetchQuery | null>;
  /** Called with every page as it arrives (the sweeps note the ids they see). */
  onPage(index: number, page: FetchPage<unknown>): void;
  now(): number;
  /** Later steps whose first page is requested while a step is read. */
  stepsAhead: number;
}

/** A step whose query is known before it starts: its first page can be fetched early. */
const independent = (step: PlanStep): boolean => step.resolve === undefined && step.sweep !== true;

/**
 * A squads step looks up its season's teams (the stored fixtures' and the ones this run read):
 * it can start early once no step from `current` on still reads that season's fixtures or teams.
 */
function teamsKnown(plan: Plan, current: number, index: number): boolean {
  const step = plan.steps[index];
  if (step?.resolve !== 'teams') return false;
  return plan.steps
    .slice(current, index)
    .every((before) => (before.entity !== 'fixtures' && before.entity !== 'teams') || (before.season !== undefined && before.season !== step.season));
}

/** Walks the steps from `start` up to (not including) step `end`. */
export async function* walkPages(plan: Plan, start: RunPosition, deps: WalkDeps, end = plan.steps.length): AsyncGenerator<PageItem> {
  // Most steps are one page (a season's schedule, its teams, its squads): fetching the first pages
  // of the next few steps while this one is read keeps the fetcher busy instead of waiting on each
  // reply. A squads step's look-up starts early too: each one waits on the writer, busy landing.
  const early = new Map<number, Promise<FetchPage<unknown> | null>>();
  const earlyQueries = new Map<number, Promise<FetchQuery | null>>();
  const fetchEarly = (current: number) => {
    for (let j = current + 1; j < Math.min(current + 1 + deps.stepsAhead, end); j++) {
      const step = plan.steps[j];
      if (step === undefined || early.has(j)) continue;
      if (independent(step)) {
        const page = deps.fetchPage(step, step.query, null);
        page.catch(() => undefined);
        early.set(j, page);
      } else if (teamsKnown(plan, current, j)) {
        const query = deps.startQuery(step, j);
        const page = query.then((q) => (q === null ? null : deps.fetchPage(step, q, null)));
        page.catch(() => undefined);
        earlyQueries.set(j, query);
        early.set(j, page);
      }
    }
  };
  for (let index = start.step; index < end; index++) {
    const step = plan.steps[index];
    if (step === undefined) break;
    let position: RunPosition = index === start.step ? start : { step: index, page: 0, cursor: null };
    // A step whose ids are looked up: once it has a fetcher cursor, the cursor carries them.
    const looked = earlyQueries.get(index);
    earlyQueries.delete(index);
    const query = position.cursor === null ? await (looked ?? deps.startQuery(step, index)) : step.query;
    if (query === null) {
      early.delete(index);
      continue;
    }
    for (;;) {
      const t0 = deps.now();
      const prefetched = position.cursor === null ? early.get(index) : undefined;
      early.delete(index);
      fetchEarly(index);
      const page = (await prefetched) ?? (await deps.fetchPage(step, query, position.cursor));
      const fetchedAt = deps.now();
      deps.onPage(index, page);
      if (page.next !== null && page.next === position.cursor) {
        throw new DependencyError('sportmonks', `the fetcher returned the same cursor twice for ${step.label}`, { transient: false });
      }
      const next: RunPosition = page.next !== null ? { step: index, page: position.page + 1, cursor: page.next } : { step: index + 1, page: 0, cursor: null };
      yield { step, position, page, next, fetchedAt, fetchMs: fetchedAt - t0 };
      if (page.next === null) break;
      position = next;
    }
  }
}
