// The writer (services/database) over HTTP: bulk upserts with the run's checkpoint, sync runs.
import { BulkResult, Fixture, Page, SeasonSyncList, SyncRun, SyncRunList, type BulkRequest, type FixtureListQuery, type RejectedRecord, type SyncRunCreate, type SyncRunPatch } from '@insightxi/contracts';

const FixturePage = Page(Fixture);
import { ServiceCallError, type ServiceClient } from '@insightxi/http-client';
import { RunConflictError } from '../engine/errors.ts';
import type { CallContext, EntityName, RunListFilter, Writer } from '../engine/ports.ts';
import { toDependencyError } from './errors.ts';

const callOptions = (ctx: CallContext) => ({
  ...(ctx.requestId === undefined ? {} : { requestId: ctx.requestId }),
  ...(ctx.signal === undefined ? {} : { signal: ctx.signal }),
});

/** The writer's 409 body may name the active run; otherwise it is looked up by scope key. */
function activeRunIdFrom(body: unknown): number | null {
  if (typeof body !== 'object' || body === null) return null;
  const record = body as Record<string, unknown>;
  for (const key of ['activeRunId', 'runId']) {
    if (typeof record[key] === 'number') return record[key];
  }
  return null;
}

export function httpWriter(client: ServiceClient): Writer {
  const listRuns = async (filter: RunListFilter, ctx: CallContext) => {
    try {
      return await client.request({ method: 'GET', path: '/sync-runs', query: { ...filter }, responseSchema: SyncRunList, ...callOptions(ctx) });
    } catch (error) {
      throw toDependencyError(error, 'database');
    }
  };

  const conflict = async (error: ServiceCallError, scopeKey: string | null, ctx: CallContext): Promise<RunConflictError> => {
    let active = activeRunIdFrom(error.body);
    if (active === null && scopeKey !== null) {
      const running = await listRuns({ status: 'running', limit: 200 }, ctx).catch(() => null);
      active = running?.items.find((run) => run.scopeKey === scopeKey)?.id ?? null;
    }
    return new RunConflictError(active);
  };

  return {
    async bulk(entity: EntityName, body: BulkRequest<unknown>, ctx: CallContext) {
      try {
        // Safe to retry: the writer applies a (run, page key) once.
        return await client.request({ method: 'POST', path: `/${entity}/bulk`, body, responseSchema: BulkResult, idempotent: true, ...callOptions(ctx) });
      } catch (error) {
        throw toDependencyError(error, 'database');
      }
    },

    async createRun(body: SyncRunCreate, ctx: CallContext) {
      try {
        return await client.request({ method: 'POST', path: '/sync-runs', body, responseSchema: SyncRun, ...callOptions(ctx) });
      } catch (error) {
        if (error instanceof ServiceCallError && error.status === 409) throw await conflict(error, body.scopeKey, ctx);
        throw toDependencyError(error, 'database');
      }
    },

    async patchRun(id: number, patch: SyncRunPatch, ctx: CallContext) {
      try {
        return await client.request({ method: 'PATCH', path: `/sync-runs/${id}`, body: patch, responseSchema: SyncRun, idempotent: true, ...callOptions(ctx) });
      } catch (error) {
        if (error instanceof ServiceCallError && error.status === 409) {
          const run = await this.getRun(id, ctx).catch(() => null);
          throw await conflict(error, run?.scopeKey ?? null, ctx);
        }
        throw toDependencyError(error, 'database');
      }
    },

    async getRun(id: number, ctx: CallContext) {
      try {
        return await client.request({ method: 'GET', path: `/sync-runs/${id}`, responseSchema: SyncRun, ...callOptions(ctx) });
      } catch (error) {
        if (error instanceof ServiceCallError && error.status === 404) return null;
        throw toDependencyError(error, 'database');
      }
    },

    listRuns,

    async quarantine(records: RejectedRecord[], ctx: CallContext) {
      try {
        await client.request({ method: 'POST', path: '/quarantine/bulk', body: { records }, ...callOptions(ctx) });
      } catch (error) {
        throw toDependencyError(error, 'database');
      }
    },

    async seasonSyncs(ctx: CallContext) {
      try {
        return (await client.request({ method: 'GET', path: '/season-syncs', responseSchema: SeasonSyncList, ...callOptions(ctx) })).items;
      } catch (error) {
        throw toDependencyError(error, 'database');
      }
    },

    async listFixtures(query: FixtureListQuery, ctx: CallContext) {
      try {
        return await client.request({ method: 'GET', path: '/fixtures', query: { ...query }, responseSchema: FixturePage, ...callOptions(ctx) });
      } catch (error) {
        throw toDependencyError(error, 'database');
      }
    },
  };
}
