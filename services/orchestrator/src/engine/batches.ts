// Batching writes: consecutive pages of one entity go to the writer together (a writer call has
// a fixed cost), each batch with its records, rejects and the run's checkpoint in one call per
// chunk, up to WRITES_IN_FLIGHT calls before the first answers. Each call names the stored
// cursor it follows (`sync.after`) and the writer holds it until the run is there, so batches
// land in plan order and a resumed run counts exactly like an uninterrupted one.
import { RELATED_ENTITIES, STRUCTURE_ENTITIES, type BulkSyncContext, type RelatedRecords, type RunCounters, type SyncRun } from '@insightxi/contracts';
import type { RunSettings } from '../config.ts';
import { addCounters, zeroCounters } from './counters.ts';
import { decodePosition, encodePosition, isAfter, pageKey, type RunPosition } from './cursor.ts';
import { RunCancelledError } from './errors.ts';
import type { CallContext, Log, RunObserver, Writer } from './ports.ts';
import { recordId } from './recheck.ts';
import type { PageItem } from './walk.ts';

/**
 * Groups pages into batches of one entity weighing at most `chunkSize` (records, detail rows
 * counted in: recordWeight). A record seen twice in one call would be counted once: a page
 * repeating an id of the batch starts a new one.
 */
export async function* batchPages(pages: AsyncIterable<PageItem>, chunkSize: number, signal: AbortSignal): AsyncGenerator<PageItem[]> {
  let batch: PageItem[] = [];
  let batchIds = new Set<number>();
  let batchWeight = 0;
  for await (const item of pages) {
    if (signal.aborted) throw new RunCancelledError();
    const ids = item.page.data.map(recordId).filter((id): id is number => id !== null);
    const overlaps = ids.some((id) => batchIds.has(id));
    const weight = item.page.data.reduce((sum: number, record) => sum + recordWeight(record), 0);
    const full = batchWeight + weight > chunkSize;
    if (batch.length > 0 && (batch[0]?.step.entity !== item.step.entity || full || overlaps)) {
      yield batch;
      batch = [];
      batchIds = new Set<number>();
      batchWeight = 0;
    }
    batch.push(item);
    batchWeight += weight;
    for (const id of ids) batchIds.add(id);
  }
  if (batch.length > 0) yield batch;
}

/**
 * What a record weighs against the record limits (read-ahead, batches, writer calls): 1, plus a
 * quarter per match-detail row it carries — a fixture with its events and lineups is some 80 rows,
 * as heavy in memory and on the wire as ~20 plain records, and memory must stay bounded by it —
 * plus one per row of a season's list (a squad member with the player it describes, a top-scorer
 * row, ~500 bytes): a season's squads are hundreds of them, and weighed as one record a whole step
 * of them went to the writer in one call after its last page, with nothing left to overlap — and
 * a batch of a thousand such lists was over the writer's 10 MiB (413).
 */
export function recordWeight(record: unknown): number {
  if (typeof record !== 'object' || record === null) return 1;
  const { detail, members, rows } = record as { detail?: unknown; members?: unknown; rows?: unknown };
  const listRows = (Array.isArray(members) ? members.length : 0) + (Array.isArray(rows) ? rows.length : 0);
  if (typeof detail !== 'object' || detail === null) return 1 + listRows;
  const detailRows = Object.values(detail).reduce((sum: number, list) => sum + (Array.isArray(list) ? list.length : 0), 0);
  return 1 + listRows + Math.ceil(detailRows / 4);
}

/**
 * Records in writer calls weighing at most `maxWeight` (a record heavier than that goes alone).
 * The same records always cut the same way: page keys of a resumed batch name the same chunks.
 */
export function writeChunks<T>(records: readonly T[], maxWeight: number): T[][] {
  const out: T[][] = [];
  let chunk: T[] = [];
  let weight = 0;
  for (const record of records) {
    const w = recordWeight(record);
    if (chunk.length > 0 && weight + w > maxWeight) {
      out.push(chunk);
      chunk = [];
      weight = 0;
    }
    chunk.push(record);
    weight += w;
  }
  if (chunk.length > 0) out.push(chunk);
  return out;
}

export interface BatchWriterDeps {
  writer: Writer;
  log: Log;
  now(): number;
  observer?: RunObserver | undefined;
  settings: Pick<RunSettings, 'BULK_CHUNK_SIZE' | 'WRITES_IN_FLIGHT'>;
  /** Runs a writer call with the run's retries. */
  retry<T>(what: string, call: () => Promise<T>): Promise<T>;
  ctx: CallContext;
  signal: AbortSignal;
  /** Called after every batch with the counters and position that are now committed. */
  onProgress?: ((counters: RunCounters, position: RunPosition) => void) | undefined;
}

/**
 * What the batch's pages carried besides their records (a season's structure, the people their
 * detail describes), in one set with each record once: a player in several pages' lineups lands once.
 */
export function relatedOf(batch: readonly PageItem[]): RelatedRecords | undefined {
  const related: RelatedRecords = {};
  for (const entity of RELATED_ENTITIES) {
    const byId = new Map<number, { id: number }>();
    for (const item of batch) for (const record of item.page.related?.[entity] ?? []) byId.set(record.id, record);
    if (byId.size > 0) related[entity] = [...byId.values()] as never[];
  }
  return Object.keys(related).length > 0 ? related : undefined;
}

/** Lands a run's batches in order and keeps its committed counters and position. */
export class BatchWriter {
  counters: RunCounters;
  position: RunPosition;
  /** Time spent waiting for the SportMonks budget, added to the next batch's counters. */
  private budgetWaitMs = 0;
  /** Steps (by index) that sent a record to quarantine: their season is not noted as completely read. */
  private readonly incomplete = new Set<number>();
  /** Steps (by index) with a batch sent whose answer has not come: its failures are not known yet. */
  private readonly unanswered = new Map<number, number>();
  private readonly inFlight: Promise<void>[] = [];
  /** The stored cursor the next batch follows. */
  private lastCursor: string | null;

  constructor(
    private readonly deps: BatchWriterDeps,
    private readonly run: SyncRun,
  ) {
    this.counters = run.counters;
    this.position = decodePosition(run.cursor);
    this.lastCursor = run.cursor;
  }

  addBudgetWait(ms: number): void {
    this.budgetWaitMs += ms;
  }

  /** Sends a batch once fewer than WRITES_IN_FLIGHT are unanswered; its failure surfaces in `drain`. */
  async submit(batch: PageItem[]): Promise<void> {
    if (this.inFlight.length >= this.deps.settings.WRITES_IN_FLIGHT) await this.inFlight.shift();
    // A batch that ends a step waits for the step's earlier batches: whether its season was read
    // completely depends on their answers (a season read with detail comes in many pages).
    if (batch.some((item) => item.page.next === null && (this.unanswered.get(item.position.step) ?? 0) > 0)) await this.drain();
    if (this.deps.signal.aborted) throw new RunCancelledError();
    const lastItem = batch.at(-1);
    if (lastItem === undefined) return;
    const write = this.write(batch, this.lastCursor);
    write.catch(() => undefined);
    this.inFlight.push(write);
    this.lastCursor = encodePosition(lastItem.next);
  }

  /** Waits for every batch sent; throws the first failure. */
  async drain(): Promise<void> {
    for (let write = this.inFlight.shift(); write !== undefined; write = this.inFlight.shift()) await write;
  }

  /** Waits for every batch sent, failed or not (the run is ending). */
  async settle(): Promise<void> {
    await Promise.allSettled(this.inFlight);
  }

  private async write(batch: PageItem[], after: string | null): Promise<void> {
    const first = batch[0];
    const lastItem = batch.at(-1);
    if (first === undefined || lastItem === undefined) return;
    const records = batch.flatMap((item) => item.page.data);
    const related = relatedOf(batch);
    const rejected = batch.flatMap((item) => item.page.rejected);
    for (const item of batch) if (item.page.rejected.length > 0) this.incomplete.add(item.position.step);
    const fetchSide = {
      quarantined: rejected.length,
      upstreamCalls: batch.reduce((sum, item) => sum + item.page.upstream.calls, 0),
      rateLimitWaitMs: batch.reduce((sum, item) => sum + item.page.upstream.waitedMs, 0) + this.budgetWaitMs,
    };
    this.budgetWaitMs = 0;
    // A batch of rejects only still lands its checkpoint: one call with no records.
    const parts = records.length === 0 ? [[]] : writeChunks(records, this.deps.settings.BULK_CHUNK_SIZE);
    const unavailable = [...new Set(batch.flatMap((item) => item.page.unavailableIncludes ?? []))];
    const seasonsCompleted = this.completedSeasons(batch);
    this.countUnanswered(batch, 1);
    let landed = zeroCounters();
    const writeStart = this.deps.now();
    let follows = after;
    for (const [c, part] of parts.entries()) {
      const last = c === parts.length - 1;
      // What rides along goes with the first chunk; the structure is counted with it (fetched, then
      // created/updated/unchanged), the people the detail describes are the writer's nested records.
      const relatedCount = c === 0 && related ? STRUCTURE_ENTITIES.reduce((sum, entity) => sum + (related[entity]?.length ?? 0), 0) : 0;
      const add = addCounters(zeroCounters(), { ...(c === 0 ? fetchSide : {}), fetched: part.length + relatedCount, pages: last ? batch.length : 0 });
      // Until the last chunk lands, a resume starts the batch again; its landed chunks come back as duplicates.
      const cursor = encodePosition(last ? lastItem.next : first.position);
      const checkpoint = { cursor, add, ...(c === 0 && unavailable.length > 0 ? { unavailableIncludes: unavailable } : {}) };
      const sync: BulkSyncContext = { runId: this.run.id, pageKey: pageKey(first.position, c), after: follows, checkpoint, rejected: c === 0 ? rejected : [], ...(last ? seasonsCompleted : {}) };
      landed = addCounters(landed, await this.landChunk(batch, c, part, c === 0 ? related : undefined, sync));
      follows = cursor;
    }
    this.countUnanswered(batch, -1);
    this.counters = addCounters(this.counters, landed);
    // Answers may cross on the way back; the position only moves forward.
    if (isAfter(lastItem.next, this.position)) this.position = lastItem.next;
    this.deps.observer?.pagesLanded(first.step.entity, landed);
    this.deps.onProgress?.(this.counters, this.position);
    this.logPages(batch, this.deps.now() - writeStart);
  }

  /** One writer call; returns what it adds to the run's counters (the writer adds the same in the page's transaction). */
  private async landChunk(batch: PageItem[], chunk: number, records: unknown[], related: RelatedRecords | undefined, sync: BulkSyncContext): Promise<RunCounters> {
    const first = batch[0] as PageItem;
    const { add } = sync.checkpoint;
    const request = { records, sync, ...(related ? { related } : {}) };
    const result = await this.deps.retry(`write ${first.step.label}`, () => this.deps.writer.bulk(first.step.entity, request, this.deps.ctx));
    if (result.duplicatePage) {
      // Applied by an attempt whose answer was lost: the writer counted it then; only what we sent is known here.
      this.deps.log.warn({ runId: this.run.id, step: first.step.label, chunk }, 'page already applied by an earlier attempt');
      return add;
    }
    if (result.failed.length > 0) for (const item of batch) this.incomplete.add(item.position.step);
    return addCounters(add, { created: result.created, updated: result.updated, unchanged: result.unchanged, quarantined: result.failed.length });
  }

  private countUnanswered(batch: PageItem[], by: number): void {
    for (const item of batch) this.unanswered.set(item.position.step, (this.unanswered.get(item.position.step) ?? 0) + by);
  }

  /** Seasons whose step ends in this batch with every record landed (known for the pages this process read). */
  private completedSeasons(batch: PageItem[]): { seasonsCompleted?: number[] } {
    const seasons = batch
      .filter((item) => item.page.next === null && item.step.season !== undefined && !this.incomplete.has(item.position.step) && !this.unanswered.get(item.position.step))
      .map((item) => item.step.season as number);
    return seasons.length === 0 ? {} : { seasonsCompleted: seasons };
  }

  private logPages(batch: PageItem[], writeMs: number): void {
    for (const item of batch) {
      this.deps.log.info(
        {
          runId: this.run.id,
          entity: item.step.entity,
          step: item.step.label,
          page: item.position.page,
          records: item.page.data.length,
          rejected: item.page.rejected.length,
          elapsedMs: this.deps.now() - item.fetchedAt + item.fetchMs,
          fetchMs: item.fetchMs,
          writeMs,
          batchPages: batch.length,
          budgetLeft: item.page.upstream.rateLimitRemaining,
          budgetResetsInSeconds: item.page.upstream.resetsInSeconds,
        },
        'page synced',
      );
    }
  }
}
