// Executes one run from its checkpoint to the end of its plan: walks the pages (walk.ts), ahead
// of the writer within bounds (read-ahead.ts), looks up what sweeps and re-checks fetch by id
// (recheck.ts), and lands the pages in batches with their checkpoint (batches.ts).
import type { FetchPage, FetchQuery, RunCounters, SyncRun } from '@insightxi/contracts';
import type { RunSettings } from '../config.ts';
import { BatchWriter, batchPages, recordWeight } from './batches.ts';
import type { RunPosition } from './cursor.ts';
import type { Plan, PlanStep } from './plan.ts';
import type { CallContext, Fetcher, Log, RunObserver, Writer } from './ports.ts';
import { readAhead } from './read-ahead.ts';
import { recheckSteps } from './recheck.ts';
import { withRetry, type RetryNotice } from './retry.ts';
import { walkPages, type PageItem } from './walk.ts';

export interface ExecuteDeps {
  fetcher: Fetcher;
  writer: Writer;
  log: Log;
  settings: RunSettings;
  now: () => number;
  observer?: RunObserver | undefined;
}

export interface ExecuteInput {
  run: SyncRun;
  plan: Plan;
  signal: AbortSignal;
  requestId?: string;
  /** Called after every batch with the counters and position that are now committed. */
  onProgress?: (counters: RunCounters, position: RunPosition) => void;
}

/** Pages read ahead are weighed by their records and detail rows: memory stays bounded whatever the page sizes. */
const pageWeight = (item: PageItem): number => item.page.data.reduce((sum: number, record) => sum + recordWeight(record), 0) + item.page.rejected.length + 1;

/** The plan from step `first` on, cut before every step that needs the writes of the steps before it landed. */
function segments(plan: Plan, first: number): [number, number][] {
  const cuts = plan.steps.flatMap((step, index) => (index > first && step.resolve === 'stubs' ? [index] : []));
  const bounds = [first, ...cuts, plan.steps.length];
  return bounds.slice(1).map((end, i) => [bounds[i] as number, end]);
}

export async function executeRun(deps: ExecuteDeps, input: ExecuteInput): Promise<{ counters: RunCounters; position: RunPosition }> {
  const { run, plan } = input;
  const { settings } = deps;
  // The read-ahead must stop when the writer fails, not only when the run is cancelled.
  const local = new AbortController();
  const signal = AbortSignal.any([input.signal, local.signal]);
  const ctx: CallContext = { signal, ...(input.requestId === undefined ? {} : { requestId: input.requestId }) };
  const writes = new BatchWriter({ ...deps, retry: retrying, ctx, signal, onProgress: input.onProgress }, run);

  function retrying<T>(what: string, call: () => Promise<T>): Promise<T> {
    return withRetry(call, settings, {
      signal,
      onRetry: (notice) => {
        logRetry(what, notice);
      },
    });
  }
  function logRetry(what: string, { attempt, delayMs, error, scheduled }: RetryNotice): void {
    if (scheduled) {
      writes.addBudgetWait(delayMs);
      deps.log.warn({ runId: run.id, service: error.service, delayMs, retryAt: error.retryAt, err: error.message }, `${what}: waiting until the dependency can serve again`);
      return;
    }
    deps.log.warn({ runId: run.id, service: error.service, attempt, delayMs, err: error.message, requestId: error.requestId }, `${what} failed, retrying`);
  }

  const rechecks = recheckSteps({ writer: deps.writer, log: deps.log, now: deps.now, retry: retrying }, run.id, ctx);
  const walkDeps = {
    fetchPage: (step: PlanStep, query: FetchQuery, cursor: string | null) =>
      retrying(`fetch ${step.label}`, () => deps.fetcher.fetchPage(step.entity, cursor === null ? query : { ...query, cursor }, ctx)),
    startQuery: (step: PlanStep, index: number) => rechecks.startQuery(step, index),
    onPage: (index: number, page: FetchPage<unknown>) => {
      rechecks.onPage(index, page, plan.steps[index]);
    },
    now: deps.now,
    stepsAhead: settings.STEPS_AHEAD,
  };
  try {
    // The walk stops before each step that reads what the steps before it wrote (the stubs their
    // detail left) until the writer has landed all of them; the read-ahead runs freely in between.
    for (const [from, end] of segments(plan, writes.position.step)) {
      const start = writes.position.step >= from ? writes.position : { step: from, page: 0, cursor: null };
      const ahead = readAhead(walkPages(plan, start, walkDeps, end), { items: settings.READ_AHEAD_PAGES, maxWeight: settings.READ_AHEAD_RECORDS, weight: pageWeight });
      for await (const batch of batchPages(ahead, settings.BULK_CHUNK_SIZE, signal)) await writes.submit(batch);
      await writes.drain();
    }
  } finally {
    local.abort();
    await writes.settle();
  }
  return { counters: writes.counters, position: writes.position };
}
