// Executes one run from its checkpoint to the end of its plan: fetches pages step by step,
// the next page in flight while the last one is written, and lands each page with its
// checkpoint in one writer call so a resumed run counts exactly like an uninterrupted one.
import type { FetchPage, FetchQuery, RunCounters, SyncRun } from '@insightxi/contracts';
import { withBackoff, type BackoffPolicy, type RetryNotice } from './backoff.ts';
import { addCounters, zeroCounters } from './counters.ts';
import { decodePosition, encodePosition, isAfter, pageKey, type RunPosition } from './cursor.ts';
import { DependencyError, RunCancelledError } from './errors.ts';
import type { Plan, PlanStep } from './plan.ts';
import type { CallContext, Fetcher, Log, RunObserver, Writer } from './ports.ts';
import { readAhead } from './read-ahead.ts';
import { MAX_RECHECK_IDS, storedFixtureIds, unsettledFixtureIds } from './unsettled.ts';

export interface ExecuteDeps {
  fetcher: Fetcher;
  writer: Writer;
  log: Log;
  backoff: BackoffPolicy;
  /** Records per writer call; a bigger page is written in chunks, each with its own page key. */
  chunkSize: number;
  /** Pages fetched ahead of the one being written (default 32): the fetcher works while the writer does… */
  readAheadPages?: number;
  /** … as long as the pages fetched ahead hold fewer records than this (default 2,000). */
  readAheadRecords?: number;
  /** Steps whose first page is fetched while an earlier step is read (default 2; 0 = one request at a time). */
  stepsAhead?: number;
  /** Batches sent to the writer before the first of them answers (default 2; 1 = one at a time). */
  writesInFlight?: number;
  now: () => number;
  observer?: RunObserver;
}

export interface ExecuteInput {
  run: SyncRun;
  plan: Plan;
  signal: AbortSignal;
  requestId?: string;
  /** Called after every page with the counters and position that are now committed. */
  onProgress?: (counters: RunCounters, position: RunPosition) => void;
}

interface PageItem {
  step: PlanStep;
  position: RunPosition;
  page: FetchPage<unknown>;
  next: RunPosition;
  fetchedAt: number;
  fetchMs: number;
}

/** A step whose query is known before it starts: its first page can be fetched early. */
const independent = (step: PlanStep): boolean => step.resolve === undefined && step.sweep !== true;

async function* walkPages(
  plan: Plan,
  start: RunPosition,
  fetchOne: (step: PlanStep, query: FetchQuery, cursor: string | null) => Promise<FetchPage<unknown>>,
  resolveQuery: (step: PlanStep, index: number) => Promise<FetchQuery | null>,
  now: () => number,
  onPage: (index: number, page: FetchPage<unknown>) => void,
  stepsAhead: number,
): AsyncGenerator<PageItem> {
  // Most steps are one page (a season's schedule, its teams): fetching the first pages of the
  // next few steps while this one is read keeps the fetcher busy instead of waiting on each reply.
  const early = new Map<number, Promise<FetchPage<unknown>>>();
  const fetchEarly = (from: number) => {
    for (let j = from; j < Math.min(from + stepsAhead, plan.steps.length); j++) {
      const step = plan.steps[j];
      if (step === undefined || early.has(j) || !independent(step)) continue;
      const page = fetchOne(step, step.query, null);
      page.catch(() => undefined);
      early.set(j, page);
    }
  };
  for (let index = start.step; index < plan.steps.length; index++) {
    const step = plan.steps[index];
    if (step === undefined) break;
    let position: RunPosition = index === start.step ? start : { step: index, page: 0, cursor: null };
    // A step whose ids are looked up: once it has a fetcher cursor, the cursor carries them.
    const query = position.cursor === null ? await resolveQuery(step, index) : step.query;
    if (query === null) continue;
    for (;;) {
      const t0 = now();
      const prefetched = position.cursor === null ? early.get(index) : undefined;
      early.delete(index);
      fetchEarly(index + 1);
      const page = await (prefetched ?? fetchOne(step, query, position.cursor));
      const fetchedAt = now();
      onPage(index, page);
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

const recordId = (record: unknown): number | null =>
  typeof record === 'object' && record !== null && typeof (record as { id?: unknown }).id === 'number' ? (record as { id: number }).id : null;

function chunks<T>(items: T[], size: number): T[][] {
  if (items.length <= size) return [items];
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export async function executeRun(deps: ExecuteDeps, input: ExecuteInput): Promise<{ counters: RunCounters; position: RunPosition }> {
  const { run, plan } = input;
  // The prefetch must stop when the writer fails, not only when the run is cancelled.
  const local = new AbortController();
  const signal = AbortSignal.any([input.signal, local.signal]);
  const ctx: CallContext = { signal, ...(input.requestId === undefined ? {} : { requestId: input.requestId }) };
  /** Time spent waiting for the SportMonks budget to resume, added to the next batch's counters. */
  let budgetWaitMs = 0;
  const retry = (what: string) => ({
    signal,
    onRetry: ({ attempt, delayMs, error, scheduled }: RetryNotice) => {
      if (scheduled) {
        budgetWaitMs += delayMs;
        deps.log.warn({ runId: run.id, service: error.service, delayMs, retryAt: error.retryAt, err: error.message }, `${what}: waiting until the dependency can serve again`);
        return;
      }
      deps.log.warn({ runId: run.id, service: error.service, attempt, delayMs, err: error.message, requestId: error.requestId }, `${what} failed, retrying`);
    },
  });

  let counters = run.counters;
  let position = decodePosition(run.cursor);
  const fetchOne = (step: PlanStep, query: FetchQuery, cursor: string | null) =>
    withBackoff(() => deps.fetcher.fetchPage(step.entity, cursor === null ? query : { ...query, cursor }, ctx), deps.backoff, retry(`fetch ${step.label}`));
  /** Per window sweep (by step index): the stored fixtures when it started, and the ids it returned. */
  const sweeps = new Map<number, { stored: number[]; seen: Set<number> }>();
  const onPage = (index: number, page: FetchPage<unknown>) => {
    const sweep = sweeps.get(index);
    if (sweep) for (const record of page.data) { const id = recordId(record); if (id !== null) sweep.seen.add(id); }
  };
  const resolveQuery = async (step: PlanStep, index: number): Promise<FetchQuery | null> => {
    const leagues = step.query.leagues === undefined ? null : step.query.leagues.split(',').map(Number);
    if (step.sweep === true && step.query.from !== undefined && step.query.to !== undefined) {
      const { from, to } = step.query;
      const stored = await withBackoff(() => storedFixtureIds(deps.writer, from, to, leagues, ctx), deps.backoff, retry('list stored fixtures'));
      sweeps.set(index, { stored, seen: new Set() });
      return step.query;
    }
    if (step.resolve === 'missing') {
      // Known only when this process swept the window; after a resume in between, the next run re-checks.
      const sweep = sweeps.get(index - 1);
      const gone = sweep ? sweep.stored.filter((id) => !sweep.seen.has(id)).slice(0, MAX_RECHECK_IDS) : [];
      deps.log.info({ runId: run.id, step: step.label, fixtures: gone.length }, 'fixtures to re-fetch by id');
      return gone.length === 0 ? null : { ids: gone.join(',') };
    }
    if (step.resolve !== 'unsettled') return step.query;
    const ids = await withBackoff(() => unsettledFixtureIds(deps.writer, deps.now(), leagues, ctx), deps.backoff, retry('list unsettled fixtures'));
    deps.log.info({ runId: run.id, step: step.label, fixtures: ids.length }, 'fixtures to re-check');
    return ids.length === 0 ? null : { ids: ids.join(',') };
  };

  /** Steps (by index) that sent a record to quarantine: their season is not noted as completely read. */
  const incomplete = new Set<number>();
  /** Steps (by index) with a batch sent whose answer has not come: its failures are not known yet. */
  const unanswered = new Map<number, number>();
  const countUnanswered = (batch: PageItem[], by: number) => {
    for (const item of batch) unanswered.set(item.position.step, (unanswered.get(item.position.step) ?? 0) + by);
  };

  /** Seasons whose step ends in this batch with every record landed (known for the pages this process read). */
  const completedSeasons = (batch: PageItem[]): { seasonsCompleted?: number[] } => {
    const seasons = batch
      .filter((item) => item.page.next === null && item.step.season !== undefined && !incomplete.has(item.position.step) && !unanswered.get(item.position.step))
      .map((item) => item.step.season as number);
    return seasons.length === 0 ? {} : { seasonsCompleted: seasons };
  };

  /**
   * Lands a batch of consecutive pages of one entity: its records, rejects and checkpoint in one
   * call per chunk. `after` is the stored cursor the batch follows: the writer holds the batch
   * until the run is there, so a batch may be sent while the one before it is still landing.
   */
  const writeBatch = async (batch: PageItem[], after: string | null): Promise<void> => {
    const first = batch[0];
    const lastItem = batch.at(-1);
    if (first === undefined || lastItem === undefined) return;
    const entity = first.step.entity;
    const records = batch.flatMap((item) => item.page.data);
    const rejected = batch.flatMap((item) => item.page.rejected);
    for (const item of batch) if (item.page.rejected.length > 0) incomplete.add(item.position.step);
    const fetchSide = {
      fetched: 0,
      quarantined: rejected.length,
      upstreamCalls: batch.reduce((sum, item) => sum + item.page.upstream.calls, 0),
      rateLimitWaitMs: batch.reduce((sum, item) => sum + item.page.upstream.waitedMs, 0) + budgetWaitMs,
    };
    budgetWaitMs = 0;
    const parts = chunks(records, deps.chunkSize);
    const seasonsCompleted = completedSeasons(batch);
    countUnanswered(batch, 1);
    let landed = zeroCounters();
    const writeStart = deps.now();
    let follows = after;
    for (let c = 0; c < parts.length; c++) {
      const part = parts[c] ?? [];
      const last = c === parts.length - 1;
      const add = addCounters(zeroCounters(), { ...(c === 0 ? fetchSide : {}), fetched: part.length, pages: last ? batch.length : 0 });
      // Until the last chunk lands, a resume starts the batch again; its landed chunks come back as duplicates.
      const cursor = encodePosition(last ? lastItem.next : first.position);
      const sync = { runId: run.id, pageKey: pageKey(first.position, c), after: follows, checkpoint: { cursor, add }, rejected: c === 0 ? rejected : [], ...(last ? seasonsCompleted : {}) };
      const result = await withBackoff(() => deps.writer.bulk(entity, { records: part, sync }, ctx), deps.backoff, retry(`write ${first.step.label}`));
      follows = cursor;
      if (result.duplicatePage) {
        // Applied by an attempt whose answer was lost: the writer counted it then; only what we sent is known here.
        deps.log.warn({ runId: run.id, step: first.step.label, chunk: c }, 'page already applied by an earlier attempt');
        landed = addCounters(landed, add);
        continue;
      }
      if (result.failed.length > 0) for (const item of batch) incomplete.add(item.position.step);
      // The writer adds the same sum to the stored counters in the page's transaction.
      landed = addCounters(landed, { ...add, created: result.created, updated: result.updated, unchanged: result.unchanged, quarantined: add.quarantined + result.failed.length });
    }
    countUnanswered(batch, -1);
    counters = addCounters(counters, landed);
    // Answers may cross on the way back; the position only moves forward.
    if (isAfter(lastItem.next, position)) position = lastItem.next;
    deps.observer?.pagesLanded(entity, landed);
    input.onProgress?.(counters, position);
    const writeMs = deps.now() - writeStart;
    for (const item of batch) {
      deps.log.info(
        {
          runId: run.id,
          entity,
          step: item.step.label,
          page: item.position.page,
          records: item.page.data.length,
          rejected: item.page.rejected.length,
          elapsedMs: deps.now() - item.fetchedAt + item.fetchMs,
          fetchMs: item.fetchMs,
          writeMs,
          batchPages: batch.length,
          budgetLeft: item.page.upstream.rateLimitRemaining,
          budgetResetsInSeconds: item.page.upstream.resetsInSeconds,
        },
        'page synced',
      );
    }
  };

  // Small pages of one entity are written together (a writer call has a fixed cost). Up to
  // `writesInFlight` batches are sent before the first answers: the writer parses and checks
  // one while MySQL stores the one before, and lands them in order (see `after`).
  const inFlight: Promise<void>[] = [];
  let lastCursor = run.cursor;
  const submit = async (batch: PageItem[]): Promise<void> => {
    if (inFlight.length >= Math.max(1, deps.writesInFlight ?? 2)) await inFlight.shift();
    if (signal.aborted) throw new RunCancelledError();
    const lastItem = batch.at(-1);
    if (lastItem === undefined) return;
    const write = writeBatch(batch, lastCursor);
    write.catch(() => undefined);
    inFlight.push(write);
    lastCursor = encodePosition(lastItem.next);
  };
  try {
    let batch: PageItem[] = [];
    let batchIds = new Set<number>();
    for await (const item of readAhead(walkPages(plan, position, fetchOne, resolveQuery, deps.now, onPage, deps.stepsAhead ?? 2), {
      items: deps.readAheadPages ?? 32,
      maxWeight: deps.readAheadRecords ?? 2_000,
      weight: (item) => item.page.data.length + item.page.rejected.length + 1,
    })) {
      if (signal.aborted) throw new RunCancelledError();
      const ids = item.page.data.map(recordId);
      // A record seen twice in one call would be counted once: such pages go in separate calls.
      const overlaps = ids.some((id) => id !== null && batchIds.has(id));
      const full = batchIds.size + ids.length > deps.chunkSize;
      if (batch.length > 0 && (batch[0]?.step.entity !== item.step.entity || full || overlaps)) {
        await submit(batch);
        batch = [];
        batchIds = new Set<number>();
      }
      batch.push(item);
      for (const id of ids) if (id !== null) batchIds.add(id);
    }
    if (batch.length > 0) await submit(batch);
    for (let write = inFlight.shift(); write !== undefined; write = inFlight.shift()) await write;
  } finally {
    local.abort();
    await Promise.allSettled(inFlight);
  }
  return { counters, position };
}
