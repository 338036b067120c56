import { ErrorBody, IdParams, SeasonSyncList, SeasonSyncsQuery, SeasonTeamList, SyncConflict, SyncRun, SyncRunCreate, SyncRunList, SyncRunPatch, SyncRunsQuery } from '@insightxi/contracts';
import type { RoutePlugin } from '@insightxi/service-kit';
import { notFound } from '../errors.ts';

const tags = ['sync-runs'];

export const syncRunRoutes: RoutePlugin = (app) => {
  const { syncRuns: runs, seasonSyncs } = app;

  app.post(
    '/sync-runs',
    {
      schema: {
        tags,
        summary: 'Start a run (409 with activeRunId while a run with the same scopeKey is running)',
        body: SyncRunCreate,
        response: { 201: SyncRun, 409: SyncConflict },
      },
    },
    async (request, reply) => reply.status(201).send(await runs.start(request.body)),
  );

  app.patch(
    '/sync-runs/:id',
    {
      schema: {
        tags,
        summary: 'Checkpoint (cursor + counters), heartbeat, finish, fail, cancel or resume a run',
        params: IdParams,
        body: SyncRunPatch,
        response: { 200: SyncRun, 404: ErrorBody, 409: SyncConflict },
      },
    },
    (request) => runs.update(request.params.id, request.body),
  );

  app.get(
    '/sync-runs',
    { schema: { tags, summary: 'Runs, newest first (filters: entity, status)', querystring: SyncRunsQuery, response: { 200: SyncRunList, 422: ErrorBody } } },
    (request) => runs.list(request.query),
  );

  app.get(
    '/sync-runs/:id',
    { schema: { tags, summary: 'One run', params: IdParams, response: { 200: SyncRun, 404: ErrorBody } } },
    async (request) => {
      const run = await runs.get(request.params.id);
      if (!run) throw notFound(`sync run ${request.params.id} does not exist`);
      return run;
    },
  );

  app.get(
    '/season-syncs',
    {
      schema: {
        tags,
        summary: 'When a run last read each entity of each season completely, with the season\'s finished flag and end date',
        querystring: SeasonSyncsQuery,
        response: { 200: SeasonSyncList },
      },
    },
    async (request) => ({ items: await seasonSyncs.list(request.query) }),
  );

  app.get(
    '/seasons/:id/teams',
    {
      schema: {
        tags,
        summary: "The teams of the season's stored fixtures (tombstones left out), lowest id first: whose squads a sync reads",
        params: IdParams,
        response: { 200: SeasonTeamList },
      },
    },
    async (request) => ({ items: await seasonSyncs.teams(request.params.id) }),
  );
  return Promise.resolve();
};
