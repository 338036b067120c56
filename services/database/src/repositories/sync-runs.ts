// Sync runs: at most one running run per scope key, enforced by the UNIQUE active_scope_key
// column (set while running, null otherwise), never by a check-then-insert.
import type { SyncRun, SyncRunCreate, SyncRunPatch, SyncRunsQuery } from '@insightxi/contracts';
import { Prisma, type PrismaClient, type SyncRun as Row } from '../generated/prisma/client.ts';
import { conflict, notFound } from '../errors.ts';
import { cursorId, toPage, type PageOf } from './paging.ts';

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
    error: row.error,
    errorRequestId: row.errorRequestId,
    startedAt: row.startedAt.toISOString(),
    heartbeatAt: row.heartbeatAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
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
      const now = clock();
      const data: Prisma.SyncRunUpdateInput = { heartbeatAt: now };
      if (patch.status !== undefined && patch.status !== run.status) {
        data.status = patch.status;
        if (patch.status === 'running') {
          data.activeScopeKey = run.scopeKey;
          data.finishedAt = null;
        } else {
          data.activeScopeKey = null;
          data.finishedAt = now;
        }
      }
      if (patch.cursor !== undefined) data.cursor = patch.cursor;
      if (patch.plan !== undefined) data.plan = json(patch.plan);
      if (patch.error !== undefined) data.error = clip(patch.error, ERROR_MAX_CHARS);
      if (patch.errorRequestId !== undefined) data.errorRequestId = clip(patch.errorRequestId, ERROR_REQUEST_ID_MAX_CHARS);
      if (patch.counters !== undefined) {
        const c = patch.counters;
        Object.assign(data, {
          pages: c.pages,
          fetched: c.fetched,
          created: c.created,
          updated: c.updated,
          unchanged: c.unchanged,
          quarantined: c.quarantined,
          upstreamCalls: c.upstreamCalls,
          rateLimitWaitMs: c.rateLimitWaitMs,
        });
      }
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
      const limit = query.limit ?? DEFAULT_RUN_LIMIT;
      const before = cursorId(query.cursor);
      const rows = await prisma.syncRun.findMany({
        where: {
          ...(query.entity === undefined ? {} : { entity: query.entity }),
          ...(query.status === undefined ? {} : { status: query.status }),
          ...(before === undefined ? {} : { id: { lt: before } }),
        },
        orderBy: { id: 'desc' },
        take: limit + 1,
      });
      return toPage(rows, limit, syncRunRecord);
    },
  };
}
