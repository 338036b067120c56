// The writer (services/database) over HTTP: bulk upserts with the run's checkpoint, sync runs,
// the stored fixtures and states the re-checks look up, and how fresh each league is.
import {
  BulkResult,
  Fixture,
  FreshnessList,
  FixtureState,
  MAX_PAGE_SIZE,
  Page,
  SeasonSyncList,
  SeasonTeamList,
  SyncRun,
  SyncRunList,
  type BulkRequest,
  type FixtureListQuery,
  type RejectedRecord,
  type SyncRunCreate,
  type SyncRunPatch,
} from '@insightxi/contracts';
import { ServiceCallError, type RequestOptions, type ResponseOf, type ServiceClient } from '@insightxi/http-client';
import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { RunConflictError } from '../engine/errors.ts';
import type { CallContext, RunListFilter, Writer } from '../engine/ports.ts';
import { toDependencyError } from './errors.ts';

const FixturePage = Page(Fixture);
/** Only the ids of a person list are read: the stubs' other columns are empty. */
const IdPage = Page(Type.Object({ id: Type.Integer() }));
const StatePage = Page(FixtureState);

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
  /** One call with the caller's request id and signal; a failure is the engine's DependencyError. */
  async function call<S extends TSchema | undefined = undefined>(request: RequestOptions<S>, ctx: CallContext): Promise<ResponseOf<S>> {
    try {
      return await client.request({
        ...request,
        ...(ctx.requestId === undefined ? {} : { requestId: ctx.requestId }),
        ...(ctx.signal === undefined ? {} : { signal: ctx.signal }),
      });
    } catch (error) {
      throw toDependencyError(error, 'database');
    }
  }
  /** A 409 of the writer as the engine's RunConflictError, naming the active run when it can. */
  async function conflictOr(error: unknown, scopeKey: () => Promise<string | null>, ctx: CallContext): Promise<unknown> {
    const cause = error instanceof Error ? error.cause : undefined;
    if (!(cause instanceof ServiceCallError) || cause.status !== 409) return error;
    let active = activeRunIdFrom(cause.body);
    const key = active === null ? await scopeKey() : null;
    if (key !== null) {
      const running = await writer.listRuns({ status: 'running', limit: 200 }, ctx).catch(() => null);
      active = running?.items.find((run) => run.scopeKey === key)?.id ?? null;
    }
    return new RunConflictError(active);
  }

  const writer: Writer = {
    // Safe to retry: the writer applies a (run, page key) once.
    bulk: (entity, body: BulkRequest<unknown>, ctx) => call({ method: 'POST', path: `/${entity}/bulk`, body, responseSchema: BulkResult, idempotent: true }, ctx),

    async createRun(body: SyncRunCreate, ctx) {
      try {
        return await call({ method: 'POST', path: '/sync-runs', body, responseSchema: SyncRun }, ctx);
      } catch (error) {
        throw await conflictOr(error, () => Promise.resolve(body.scopeKey), ctx);
      }
    },

    async patchRun(id: number, patch: SyncRunPatch, ctx) {
      try {
        return await call({ method: 'PATCH', path: `/sync-runs/${id}`, body: patch, responseSchema: SyncRun, idempotent: true }, ctx);
      } catch (error) {
        throw await conflictOr(error, async () => (await writer.getRun(id, ctx).catch(() => null))?.scopeKey ?? null, ctx);
      }
    },

    async getRun(id: number, ctx) {
      try {
        return await call({ method: 'GET', path: `/sync-runs/${id}`, responseSchema: SyncRun }, ctx);
      } catch (error) {
        if (error instanceof Error && error.cause instanceof ServiceCallError && error.cause.status === 404) return null;
        throw error;
      }
    },

    listRuns: (filter: RunListFilter, ctx) => call({ method: 'GET', path: '/sync-runs', query: { ...filter }, responseSchema: SyncRunList }, ctx),

    async quarantine(records: RejectedRecord[], ctx) {
      await call({ method: 'POST', path: '/quarantine/bulk', body: { records } }, ctx);
    },

    seasonSyncs: async (ctx) => (await call({ method: 'GET', path: '/season-syncs', responseSchema: SeasonSyncList }, ctx)).items,
    seasonTeams: async (season, ctx) => (await call({ method: 'GET', path: `/seasons/${String(season)}/teams`, responseSchema: SeasonTeamList }, ctx)).items,

    listFixtures: (query: FixtureListQuery, ctx) => call({ method: 'GET', path: '/fixtures', query: { ...query }, responseSchema: FixturePage }, ctx),

    async stubIds(entity, limit, ctx) {
      const ids: number[] = [];
      let cursor: string | null = null;
      do {
        const query = { stub: true, limit: Math.min(MAX_PAGE_SIZE, limit - ids.length), ...(cursor === null ? {} : { cursor }) };
        const page: Static<typeof IdPage> = await call({ method: 'GET', path: `/${entity}`, query, responseSchema: IdPage }, ctx);
        ids.push(...page.items.map((item) => item.id));
        cursor = page.next;
      } while (cursor !== null && ids.length < limit);
      return ids;
    },

    // SportMonks has 26 states: one page holds them all.
    listStates: async (ctx) => (await call({ method: 'GET', path: '/states', query: { limit: MAX_PAGE_SIZE }, responseSchema: StatePage }, ctx)).items,
    freshness: async (leagues, ctx) =>
      (await call({ method: 'GET', path: '/freshness', query: leagues === null ? {} : { leagues: leagues.join(',') }, responseSchema: FreshnessList }, ctx)).leagues,
  };
  return writer;
}
