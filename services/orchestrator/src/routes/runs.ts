// Run history and control: GET /sync/runs, GET /sync/runs/:id, cancel, resume.
import { ErrorBody, IdParams, LiveStatus, SyncAccepted, SyncConflict, SyncRunSummary, SyncRunSummaryList, SyncRunsQuery } from '@insightxi/contracts';
import { HttpError, acceptedTokens, requireBearer, type RoutePlugin } from '@insightxi/service-kit';
import type { OrchestratorConfig } from '../config.ts';
import { accepted, toSummary } from '../engine/summary.ts';

export const runRoutes: RoutePlugin<{ config: OrchestratorConfig }> = (app, { config }) => {
  requireBearer(app, acceptedTokens(config.OPERATOR_TOKEN, config.OPERATOR_TOKEN_PREVIOUS));
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
      const page = await app.runs.list({ limit: 50, ...request.query }, { requestId: request.id });
      const now = Date.now();
      return { items: page.items.map((run) => toSummary(run, now)), next: page.next };
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
    () => app.live.status(),
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
      const run = await app.runs.get(request.params.id, { requestId: request.id });
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
    async (request) => toSummary(await app.runs.cancel(request.params.id, { requestId: request.id }), Date.now()),
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
      const launched = await app.runs.resume(request.params.id, { requestId: request.id });
      const body = accepted(launched.run);
      return reply.code(202).header('location', body.links.self).send(body);
    },
  );
  return Promise.resolve();
};
