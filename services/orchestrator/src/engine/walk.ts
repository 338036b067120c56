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

/** Walks the steps from `start` up to (not including) step `end`. */
export async function* walkPages(plan: Plan, start: RunPosition, deps: WalkDeps, end = plan.steps.length): AsyncGenerator<PageItem> {
  // Most steps are one page (a season's schedule, its teams): fetching the first pages of the
  // next few steps while this one is read keeps the fetcher busy instead of waiting on each reply.
  const early = new Map<number, Promise<FetchPage<unknown>>>();
  const fetchEarly = (from: number) => {
    for (let j = from; j < Math.min(from + deps.stepsAhead, end); j++) {
      const step = plan.steps[j];
      if (step === undefined || early.has(j) || !independent(step)) continue;
      const page = deps.fetchPage(step, step.query, null);
      page.catch(() => undefined);
      early.set(j, page);
    }
  };
  for (let index = start.step; index < end; index++) {
    const step = plan.steps[index];
    if (step === undefined) break;
    let position: RunPosition = index === start.step ? start : { step: index, page: 0, cursor: null };
    // A step whose ids are looked up: once it has a fetcher cursor, the cursor carries them.
    const query = position.cursor === null ? await deps.startQuery(step, index) : step.query;
    if (query === null) continue;
    for (;;) {
      const t0 = deps.now();
      const prefetched = position.cursor === null ? early.get(index) : undefined;
      early.delete(index);
      fetchEarly(index + 1);
      const page = await (prefetched ?? deps.fetchPage(step, query, position.cursor));
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
