import { ErrorBody, QuarantineBulkRequest, QuarantineBulkResult, QuarantineList, QuarantineListQuery } from '@insightxi/contracts';
import type { RoutePlugin } from '@insightxi/service-kit';

const tags = ['quarantine'];

export const quarantineRoutes: RoutePlugin = (app) => {
  const { quarantine } = app;

  app.post(
    '/quarantine/bulk',
    {
      schema: {
        tags,
        summary: 'Store records that could not be accepted, with their reason and raw payload',
        body: QuarantineBulkRequest,
        response: { 200: QuarantineBulkResult, 404: ErrorBody },
      },
    },
    async (request) => ({ quarantined: await quarantine.add(request.body.runId ?? null, request.body.records) }),
  );

  app.get(
    '/quarantine',
    { schema: { tags, summary: 'Quarantined records (filters: runId, entity)', querystring: QuarantineListQuery, response: { 200: QuarantineList, 422: ErrorBody } } },
    (request) => quarantine.list(request.query),
  );
  return Promise.resolve();
};
