// Sync runs and their pages (sync_runs, sync_run_pages): at most one running run per scope key,
// enforced by the UNIQUE active_scope_key column (set while running, null otherwise), never by a
// check-then-insert. Through Prisma, and inside a bulk page's transaction (syncPageSteps) on the
// bulk writer's connection.
import { addRunDetail, RunDetail, type BulkResult, type BulkSyncContext, type SyncRun, SyncRunCreate, SyncRunPatch, SyncRunsQuery } from '@insightxi/contracts';
import { Value } from '@sinclair/typebox/value';
import type { Connection } from '../db.ts';
import type { Entity } from '../entity.ts';
import { Prisma, type PrismaClient, type SyncRun as Row } from '../generated/prisma/client.ts';
import { conflict, notFound } from '../errors.ts';
import { pageQuery, toPage, type PageOf } from './paging.ts';

const DEFAULT_RUN_LIMIT = 50;
// A failure report must always land, or the run stays 'running': over-long diagnostics are cut
// to their columns (error is TEXT, 65,535 bytes: 16,000 UTF-16 units are at most 48,000 bytes).
const ERROR_MAX_CHARS = 16_000;
const ERROR_REQUEST_ID_MAX_CHARS = 191;
const clip = (value: string | null, max: number): string | null => (value === null ? null : value.slice(0, max));

export interface SyncRunRepository {
  start(input: SyncRunCreate): Promise<SyncRun>;
  update(id: number, patch: SyncRunPatch): Promise<SyncRun>;
  get(id: number): Promise<SyncRun | null>;
  /** Newest first. */
  list(query: SyncRunsQuery): Promise<PageOf<SyncRun>>;
}

function isScope(value: Prisma.JsonValue): value is Prisma.JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function syncRunRecord(row: Row): SyncRun {
  return {
    id: row.id,
    entity: row.entity as SyncRun['entity'],
    mode: row.mode as SyncRun['mode'],
    scope: isScope(row.scope) ? row.scope : {},
    scopeKey: row.scopeKey,
    status: row.status as SyncRun['status'],
    cursor: row.cursor,
    plan: row.plan,
    counters: {
      pages: row.pages,
      fetched: row.fetched,
      created: row.created,
      updated: row.updated,
      unchanged: row.unchanged,
      quarantined: row.quarantined,
      upstreamCalls: row.upstreamCalls,
      rateLimitWaitMs: row.rateLimitWaitMs,
    },
    ...(isRunDetail(row.detail) ? { detail: row.detail } : {}),
    error: row.error,
    errorRequestId: row.errorRequestId,
    startedAt: row.startedAt.toISOString(),
    heartbeatAt: row.heartbeatAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}

function isRunDetail(value: Prisma.JsonValue): value is Prisma.JsonObject & RunDetail {
  return Value.Check(RunDetail, value);
}

function json(value: unknown): Prisma.InputJsonValue | typeof Prisma.DbNull {
  return value === null || value === undefined ? Prisma.DbNull : value;
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002';
}

/** An update whose where clause matched no row (here: the heartbeat moved on). */
function isNotFound(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2025';
}

/** The columns a patch sets: the heartbeat always; leaving `running` frees the scope key and sets finishedAt. */
function patchData(run: Row, patch: SyncRunPatch, now: Date): Prisma.SyncRunUpdateInput {
  const data: Prisma.SyncRunUpdateInput = { heartbeatAt: now };
  if (patch.status !== undefined && patch.status !== run.status) {
    data.status = patch.status;
    const running = patch.status === 'running';
    data.activeScopeKey = running ? run.scopeKey : null;
    data.finishedAt = running ? null : now;
  }
  if (patch.cursor !== undefined) data.cursor = patch.cursor;
  if (patch.plan !== undefined) data.plan = json(patch.plan);
  if (patch.error !== undefined) data.error = clip(patch.error, ERROR_MAX_CHARS);
  if (patch.errorRequestId !== undefined) data.errorRequestId = clip(patch.errorRequestId, ERROR_REQUEST_ID_MAX_CHARS);
  if (patch.counters !== undefined) {
    const { pages, fetched, created, updated, unchanged, quarantined, upstreamCalls, rateLimitWaitMs } = patch.counters;
    Object.assign(data, { pages, fetched, created, updated, unchanged, quarantined, upstreamCalls, rateLimitWaitMs });
  }
  return data;
}

export function syncRunRepository(prisma: PrismaClient, clock: () => Date = () => new Date()): SyncRunRepository {
  async function scopeBusy(scopeKey: string): Promise<Error> {
    const active = await prisma.syncRun.findUnique({ where: { activeScopeKey: scopeKey }, select: { id: true } });
    return conflict(`a run with scope ${scopeKey} is already running${active ? ` (run ${active.id})` : ''}`, { activeRunId: active?.id ?? null });
  }

  return {
    async start(input) {
      const now = clock();
      try {
        const row = await prisma.syncRun.create({
          data: {
            entity: input.entity,
            mode: input.mode,
            scope: input.scope as Prisma.InputJsonObject,
            scopeKey: input.scopeKey,
            activeScopeKey: input.scopeKey,
            status: 'running',
            plan: json(input.plan),
            startedAt: now,
            heartbeatAt: now,
          },
        });
        return syncRunRecord(row);
      } catch (error) {
        if (isUniqueViolation(error)) throw await scopeBusy(input.scopeKey);
        throw error;
      }
    },

    async update(id, patch) {
      const run = await prisma.syncRun.findUnique({ where: { id } });
      if (!run) throw notFound(`sync run ${id} does not exist`);
      const data = patchData(run, patch, clock());
      const expected = patch.ifHeartbeatAt === undefined ? {} : { heartbeatAt: new Date(patch.ifHeartbeatAt) };
      try {
        return syncRunRecord(await prisma.syncRun.update({ where: { id, ...expected }, data }));
      } catch (error) {
        if (isUniqueViolation(error)) throw await scopeBusy(run.scopeKey);
        if (isNotFound(error)) throw conflict(`sync run ${id} changed since heartbeat ${patch.ifHeartbeatAt ?? '?'}: another process holds it`, { activeRunId: id });
        throw error;
      }
    },

    async get(id) {
      const row = await prisma.syncRun.findUnique({ where: { id } });
      return row && syncRunRecord(row);
    },

    async list(query) {
      // Newest first: the cursor is the last id seen, the next page holds lower ones.
      const page = pageQuery(query, 'desc', DEFAULT_RUN_LIMIT);
      const filters = { ...(query.entity === undefined ? {} : { entity: query.entity }), ...(query.status === undefined ? {} : { status: query.status }) };
      const rows = await prisma.syncRun.findMany({ where: { ...filters, ...page.idWhere }, orderBy: page.orderBy, take: page.take });
      return toPage(rows, page.limit, syncRunRecord);
    },
  };
}

/** What a sync page's transaction reads and writes of its run, on the transaction's connection. */
export const syncPageSteps = {
  /** Locks the run row and returns its stored cursor: the pages of one run are serialised, so the checks after it are safe. */
  async lockRun(connection: Connection, runId: number): Promise<string | null> {
    const rows = await connection.query<{ resume_cursor: string | null }[]>('SELECT resume_cursor FROM sync_runs WHERE id = ? FOR UPDATE', [runId]);
    const row = rows[0];
    if (row === undefined) throw notFound(`sync run ${runId} does not exist`);
    return row.resume_cursor;
  },

  async pageApplied(connection: Connection, sync: BulkSyncContext): Promise<boolean> {
    const rows = await connection.query<unknown[]>('SELECT 1 FROM sync_run_pages WHERE run_id = ? AND page_key = ?', [sync.runId, sync.pageKey]);
    return rows.length > 0;
  },

  /**
   * Notes the page applied and moves the run's checkpoint: the cursor, and the counters plus
   * what the page adds and its own results, in the page's transaction, so the stored counters
   * are exact whatever happens to the caller after the commit.
   */
  async recordPage(connection: Connection, entity: Entity, sync: BulkSyncContext, result: BulkResult, now: Date): Promise<void> {
    await connection.query(
      'INSERT INTO sync_run_pages (run_id, page_key, entity, created, updated, unchanged, failed, applied_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      [sync.runId, sync.pageKey, entity, result.created, result.updated, result.unchanged, result.failed.length, now],
    );
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
    if (result.details !== undefined || (sync.checkpoint.unavailableIncludes ?? []).length > 0) await addPageDetail(connection, sync, result);
  },
};

/** Adds a page's detail rows and unavailable includes to its run's (the page's transaction holds the run row). */
async function addPageDetail(connection: Connection, sync: BulkSyncContext, result: BulkResult): Promise<void> {
  const rows = await connection.query<{ detail: string | object | null }[]>('SELECT detail FROM sync_runs WHERE id = ?', [sync.runId]);
  const stored: unknown = typeof rows[0]?.detail === 'string' ? JSON.parse(rows[0].detail) : rows[0]?.detail;
  const detail = addRunDetail(Value.Check(RunDetail, stored) ? stored : undefined, result.details, sync.checkpoint.unavailableIncludes);
  await connection.query('UPDATE sync_runs SET detail = ? WHERE id = ?', [JSON.stringify(detail), sync.runId]);
}
