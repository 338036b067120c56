// Bulk upserts: chunked, each chunk in its own transaction; or, for a sync run's page, the
// whole page, its quarantined records and the run's checkpoint in one transaction, applied
// once per (run, page key).
import { setTimeout as sleep } from 'node:timers/promises';
import type { Pool } from 'mariadb';
import {
  RELATED_ENTITIES,
  STRUCTURE_ENTITIES,
  addDetailCounts,
  chunks,
  type BulkRequest,
  type BulkResult,
  type BulkSyncContext,
  type EntityRecords,
  type RejectedRecord,
  type RelatedRecords,
} from '@insightxi/contracts';
import type { Entity } from '../entity.ts';
import { SPECS } from '../entities/index.ts';
import { unavailable } from '../errors.ts';
import { insertQuarantine, resolveQuarantine } from '../repositories/quarantine.ts';
import { noteSeasonsCompleted } from '../repositories/season-syncs.ts';
import { syncPageSteps } from '../repositories/sync-runs.ts';
import { inTransaction, type RetryOptions } from '../transaction.ts';
import type { Connection } from '../db.ts';
import type { EntitySpec } from '../entities/spec.ts';
import { addNested, applyRecords, failedPart, type ApplyMode, type ApplyResult } from './apply.ts';

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

function emptyResult(): BulkResult {
  return { created: 0, updated: 0, unchanged: 0, failed: [], duplicatePage: false };
}

function add(total: BulkResult, part: ApplyResult, related?: Entity): void {
  total.created += part.created;
  total.updated += part.updated;
  total.unchanged += part.unchanged;
  total.failed.push(...(related === undefined ? part.failed : part.failed.map((f) => ({ ...f, entity: related }))));
  for (const [entity, counts] of Object.entries(part.nested)) addNested((total.nested ??= {}), entity, counts);
  if (part.details !== undefined) total.details = addDetailCounts(total.details ?? {}, part.details);
}

/**
 * What came with a page (stages, then rounds, groups and ties: each names the ones before; then
 * the players and referees its detail describes), landed before the page's records name them.
 * The structure is counted with the page's records; the people, like a squad's players, as
 * nested records: a player in every match of a season would otherwise count once per page.
 */
async function landRelated(connection: Connection, related: RelatedRecords | undefined, total: BulkResult, now: Date): Promise<void> {
  if (related === undefined) return;
  for (const entity of RELATED_ENTITIES) {
    const records = related[entity] ?? [];
    if (records.length === 0) continue;
    const part = await land(connection, entity, records, 'upsert', now);
    if ((STRUCTURE_ENTITIES as readonly string[]).includes(entity)) {
      add(total, part, entity);
    } else {
      addNested((total.nested ??= {}), entity, part);
      total.failed.push(...part.failed.map((f) => ({ ...f, entity })));
    }
  }
}

/** The failures of a page as quarantine rows, each with its own entity and the record it was. */
function failedRecords<E extends Entity>(entity: E, records: readonly EntityRecords[E][], related: RelatedRecords | undefined, failed: BulkResult['failed']): RejectedRecord[] {
  const payloadOf = (failure: BulkResult['failed'][number]): unknown => {
    const list: readonly { id: number }[] = failure.entity === undefined ? records : (related?.[failure.entity as keyof RelatedRecords] ?? []);
    const record = list.find((r) => r.id === failure.id);
    // A part that failed alone (a team's squad) is quarantined as that part, not as its whole record.
    return (record && failedPart(SPECS[failure.entity ?? entity] as EntitySpec<{ id: number }>, record, failure.reason)) ?? record ?? null;
  };
  return failed.map((f) => ({ entity: f.entity ?? entity, sourceId: f.id, reason: f.reason, payload: payloadOf(f) }));
}

/** Applies records and, in the same transaction, resolves the quarantine rows of those that landed. */
async function land<E extends Entity>(connection: Connection, entity: E, records: readonly EntityRecords[E][], mode: ApplyMode, now: Date): Promise<ApplyResult> {
  const result = await applyRecords(connection, SPECS[entity], records, { mode, now });
  const failed = new Set(result.failed.map((f) => f.id));
  await resolveQuarantine(connection, entity, records.map((r) => r.id).filter((id) => !failed.has(id)), now);
  return result;
}

export function createBulkWriter(pool: Pool, options: BulkWriterOptions): BulkWriter {
  const clock = options.clock ?? (() => new Date());

  async function writeChunks<E extends Entity>(entity: E, records: readonly EntityRecords[E][], related: RelatedRecords | undefined): Promise<BulkResult> {
    const total = emptyResult();
    if (related !== undefined) await inTransaction(pool, (connection) => landRelated(connection, related, total, clock()), options.retry);
    for (const chunk of chunks(records, options.chunkSize)) {
      const part = await inTransaction(pool, (connection) => land(connection, entity, chunk, 'upsert', clock()), options.retry);
      add(total, part);
    }
    return total;
  }

  /** One attempt at a page: `NOT_YET` when the page follows a cursor the run has not reached. */
  function applyPage<E extends Entity>(entity: E, records: readonly EntityRecords[E][], related: RelatedRecords | undefined, sync: BulkSyncContext): Promise<BulkResult | typeof NOT_YET> {
    return inTransaction(
      pool,
      async (connection) => {
        const now = clock();
        const cursor = await syncPageSteps.lockRun(connection, sync.runId);
        if (await syncPageSteps.pageApplied(connection, sync)) return { ...emptyResult(), duplicatePage: true };
        if (sync.after !== undefined && cursor !== sync.after) return NOT_YET;
        const total = emptyResult();
        await landRelated(connection, related, total, now);
        for (const chunk of chunks(records, options.chunkSize)) {
          add(total, await land(connection, entity, chunk, 'upsert', now));
        }
        await insertQuarantine(connection, sync.runId, [...(sync.rejected ?? []), ...failedRecords(entity, records, related, total.failed)], now);
        await syncPageSteps.recordPage(connection, entity, sync, total, now);
        // A page with records that could not land leaves its seasons to be read again.
        if (total.failed.length === 0) await noteSeasonsCompleted(connection, entity, sync.runId, sync.seasonsCompleted ?? [], now);
        return total;
      },
      options.retry,
    );
  }

  /** A page sent before its predecessor answered waits for it: pages of a run land in order. */
  async function writePage<E extends Entity>(entity: E, records: readonly EntityRecords[E][], related: RelatedRecords | undefined, sync: BulkSyncContext): Promise<BulkResult> {
    const deadline = Date.now() + (options.orderWaitMs ?? DEFAULT_ORDER_WAIT_MS);
    for (;;) {
      const result = await applyPage(entity, records, related, sync);
      if (result !== NOT_YET) return result;
      if (Date.now() >= deadline) {
        throw unavailable(`page ${sync.pageKey} of run ${sync.runId} follows a page that has not landed; send that one first`);
      }
      await sleep(ORDER_POLL_MS);
    }
  }

  return {
    write(entity, request) {
      return request.sync ? writePage(entity, request.records, request.related, request.sync) : writeChunks(entity, request.records, request.related);
    },
    writeOne(entity, record, mode) {
      return inTransaction(pool, (connection) => land(connection, entity, [record], mode, clock()), options.retry);
    },
  };
}
