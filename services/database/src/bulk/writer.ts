// Bulk upserts: chunked, each chunk in its own transaction; or, for a sync run's page, the
// whole page, its quarantined records and the run's checkpoint in one transaction, applied
// once per (run, page key).
import { setTimeout as sleep } from 'node:timers/promises';
import type { Pool } from 'mariadb';
import type { BulkRequest, BulkResult, BulkSyncContext, EntityRecords, RejectedRecord } from '@insightxi/contracts';
import type { Connection } from '../db.ts';
import type { Entity } from '../entity.ts';
import { SPECS } from '../entities/index.ts';
import { notFound, unavailable } from '../errors.ts';
import { inTransaction, type RetryOptions } from '../transaction.ts';
import { applyRecords, type ApplyMode, type ApplyResult } from './apply.ts';
import { insertQuarantine } from './quarantine.ts';

export interface BulkWriterOptions {
  /** Records per transaction for calls without a sync context. */
  chunkSize: number;
  /** How long a page waits for the run to reach the cursor it follows (default 60 s). */
  orderWaitMs?: number;
  retry?: Partial<RetryOptions>;
  clock?: () => Date;
}

export interface BulkWriter {
  write<E extends Entity>(entity: E, request: BulkRequest<EntityRecords[E]>): Promise<BulkResult>;
  /** One record for POST (`create`) and PUT (`replace`), with the same checks as a bulk call. */
  writeOne<E extends Entity>(entity: E, record: EntityRecords[E], mode: ApplyMode): Promise<ApplyResult>;
}

const NOT_YET = Symbol('the run has not reached the cursor this page follows');
const DEFAULT_ORDER_WAIT_MS = 60_000;
const ORDER_POLL_MS = 5;

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

function emptyResult(): BulkResult {
  return { created: 0, updated: 0, unchanged: 0, failed: [], duplicatePage: false };
}

function add(total: BulkResult, part: ApplyResult): void {
  total.created += part.created;
  total.updated += part.updated;
  total.unchanged += part.unchanged;
  total.failed.push(...part.failed);
}

/** Locks the run row and returns its stored cursor. */
async function lockRun(connection: Connection, runId: number): Promise<string | null> {
  // Locking the run row serialises the pages of one run, so the page-key and cursor checks below are safe.
  const rows = await connection.query<{ resume_cursor: string | null }[]>('SELECT resume_cursor FROM sync_runs WHERE id = ? FOR UPDATE', [runId]);
  const row = rows[0];
  if (row === undefined) throw notFound(`sync run ${runId} does not exist`);
  return row.resume_cursor;
}

async function pageApplied(connection: Connection, sync: BulkSyncContext): Promise<boolean> {
  const rows = await connection.query<unknown[]>('SELECT 1 FROM sync_run_pages WHERE run_id = ? AND page_key = ?', [sync.runId, sync.pageKey]);
  return rows.length > 0;
}

async function recordPage(connection: Connection, entity: Entity, sync: BulkSyncContext, result: BulkResult, now: Date): Promise<void> {
  await connection.query(
    'INSERT INTO sync_run_pages (run_id, page_key, entity, created, updated, unchanged, failed, applied_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    [sync.runId, sync.pageKey, entity, result.created, result.updated, result.unchanged, result.failed.length, now],
  );
  // The page's own results are added here, in its transaction, to what the page brings: the
  // stored counters are exact whatever happens to the caller after the commit.
  const a = sync.checkpoint.add;
  await connection.query(
    `UPDATE sync_runs SET resume_cursor = ?, pages = pages + ?, fetched = fetched + ?, created = created + ?, updated = updated + ?,
       unchanged = unchanged + ?, quarantined = quarantined + ?, upstream_calls = upstream_calls + ?, rate_limit_wait_ms = rate_limit_wait_ms + ?,
       heartbeat_at = ?, updated_at = ? WHERE id = ?`,
    [
      sync.checkpoint.cursor,
      a.pages,
      a.fetched,
      a.created + result.created,
      a.updated + result.updated,
      a.unchanged + result.unchanged,
      a.quarantined + result.failed.length,
      a.upstreamCalls,
      a.rateLimitWaitMs,
      now,
      now,
      sync.runId,
    ],
  );
  // A page with records that could not land leaves its seasons to be read again.
  const seasons = result.failed.length === 0 ? (sync.seasonsCompleted ?? []) : [];
  if (seasons.length > 0) {
    // Only seasons we store: the note is bookkeeping and must never fail the page.
    await connection.query(
      `INSERT INTO season_syncs (season_id, entity, run_id, completed_at)
       SELECT id, ?, ?, ? FROM seasons WHERE id IN (${seasons.map(() => '?').join(', ')})
       ON DUPLICATE KEY UPDATE run_id = VALUES(run_id), completed_at = VALUES(completed_at)`,
      [entity, sync.runId, now, ...seasons],
    );
  }
}

export function createBulkWriter(pool: Pool, options: BulkWriterOptions): BulkWriter {
  const clock = options.clock ?? (() => new Date());

  async function writeChunks<E extends Entity>(entity: E, records: readonly EntityRecords[E][]): Promise<BulkResult> {
    const total = emptyResult();
    for (const chunk of chunks(records, options.chunkSize)) {
      const part = await inTransaction(pool, (connection) => applyRecords(connection, SPECS[entity], chunk, { mode: 'upsert', now: clock() }), options.retry);
      add(total, part);
    }
    return total;
  }

  /** One attempt at a page: `NOT_YET` when the page follows a cursor the run has not reached. */
  function applyPage<E extends Entity>(entity: E, records: readonly EntityRecords[E][], sync: BulkSyncContext): Promise<BulkResult | typeof NOT_YET> {
    return inTransaction(
      pool,
      async (connection) => {
        const now = clock();
        const cursor = await lockRun(connection, sync.runId);
        if (await pageApplied(connection, sync)) return { ...emptyResult(), duplicatePage: true };
        if (sync.after !== undefined && cursor !== sync.after) return NOT_YET;
        const total = emptyResult();
        for (const chunk of chunks(records, options.chunkSize)) {
          add(total, await applyRecords(connection, SPECS[entity], chunk, { mode: 'upsert', now }));
        }
        const byId = new Map(records.map((r) => [r.id, r]));
        const failedRecords: RejectedRecord[] = total.failed.map((f) => ({ entity, sourceId: f.id, reason: f.reason, payload: byId.get(f.id) ?? null }));
        await insertQuarantine(connection, sync.runId, [...(sync.rejected ?? []), ...failedRecords], now);
        await recordPage(connection, entity, sync, total, now);
        return total;
      },
      options.retry,
    );
  }

  /** A page sent before its predecessor answered waits for it: pages of a run land in order. */
  async function writePage<E extends Entity>(entity: E, records: readonly EntityRecords[E][], sync: BulkSyncContext): Promise<BulkResult> {
    const deadline = Date.now() + (options.orderWaitMs ?? DEFAULT_ORDER_WAIT_MS);
    for (;;) {
      const result = await applyPage(entity, records, sync);
      if (result !== NOT_YET) return result;
      if (Date.now() >= deadline) {
        throw unavailable(`page ${sync.pageKey} of run ${sync.runId} follows a page that has not landed; send that one first`);
      }
      await sleep(ORDER_POLL_MS);
    }
  }

  return {
    write(entity, request) {
      return request.sync ? writePage(entity, request.records, request.sync) : writeChunks(entity, request.records);
    },
    writeOne(entity, record, mode) {
      return inTransaction(pool, (connection) => applyRecords(connection, SPECS[entity], [record], { mode, now: clock() }), options.retry);
    },
  };
}
