// Run history and control: GET /sync/runs, GET /sync/runs/:id, cancel, resume.
import { ErrorBody, IdParams, LiveStatus, SyncAccepted, SyncConflict, SyncRunSummary, SyncRunSummaryList, SyncRunsQuery } from '@insightxi/contracts';
import { HttpError, bearerAuth, type RoutePlugin } from '@insightxi/service-kit';
import { runLink, toSummary } from '../engine/summary.ts';
import { mapEngineErrors } from './engine-errors.ts';
import type { RunManager } from '../engine/manager.ts';
import type { LivePoller } from '../engine/live-poller.ts';

export const runRoutes: RoutePlugin<{ operatorToken: string; runs: RunManager; live: LivePoller }> = (app, options) => {
  app.addHook('onRequest', bearerAuth(options.operatorToken));
  const security = [{ bearerAuth: [] }];

  app.get(
    '/sync/runs',
    {
      schema: {
        tags: ['runs'],
        summary: 'Runs, newest first',
        security,
        querystring: SyncRunsQuery,
        response: { 200: SyncRunSummaryList, 401: ErrorBody },
      },
    },
    async (request) => {
      const page = await mapEngineErrors(request, null, () => options.runs.list({ limit: 50, ...request.query }, { requestId: request.id }));
      const now = Date.now();
      return { items: (page?.items ?? []).map((run) => toSummary(run, now)), next: page?.next ?? null };
    },
  );

  app.get(
    '/sync/live',
    {
      schema: {
        tags: ['runs'],
        summary: 'The live poller of the latest-updated feed: on or off, polls, records, gaps it could not cover',
        security,
        response: { 200: LiveStatus, 401: ErrorBody },
      },
    },
    () => options.live.status(),
  );

  app.get(
    '/sync/runs/:id',
    {
      schema: {
        tags: ['runs'],
        summary: 'One run: status, scope, counters, progress, ETA, error',
        security,
        params: IdParams,
        response: { 200: SyncRunSummary, 401: ErrorBody, 404: ErrorBody },
      },
    },
    async (request) => {
      const run = await mapEngineErrors(request, null, () => options.runs.get(request.params.id, { requestId: request.id }));
      if (!run) throw new HttpError(404, `run ${request.params.id} not found`);
      return toSummary(run, Date.now());
    },
  );

  app.post(
    '/sync/runs/:id/cancel',
    {
      schema: {
        tags: ['runs'],
        summary: 'Stop a running run after the page in hand (it can be resumed)',
        security,
        params: IdParams,
        response: { 200: SyncRunSummary, 401: ErrorBody, 404: ErrorBody, 409: SyncConflict },
      },
    },
    async (request, reply) => {
      const run = await mapEngineErrors(request, reply, () => options.runs.cancel(request.params.id, { requestId: request.id }));
      if (run === null) return reply;
      return toSummary(run, Date.now());
    },
  );

  app.post(
    '/sync/runs/:id/resume',
    {
      schema: {
        tags: ['runs'],
        summary: 'Continue a failed or cancelled run from its checkpoint',
        security,
        params: IdParams,
        response: { 202: SyncAccepted, 401: ErrorBody, 404: ErrorBody, 409: SyncConflict },
      },
    },
    async (request, reply) => {
      const launched = await mapEngineErrors(request, reply, () => options.runs.resume(request.params.id, { requestId: request.id }));
      if (launched === null) return reply;
      const self = runLink(launched.run.id);
      return reply.code(202).header('location', self).send({ runId: launched.run.id, status: launched.run.status, links: { self } });
    },
  );
  return Promise.resolve();
};
