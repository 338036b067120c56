import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorBody, QuarantineBulkRequest, QuarantineBulkResult, QuarantineList, QuarantineListQuery } from '@insightxi/contracts';
import type { QuarantineRepository } from '../repositories/quarantine.ts';
import { answerDomainErrors } from './domain-errors.ts';
import { validateWithTypeBox } from './validation.ts';

const tags = ['quarantine'];

export const quarantineRoutes: FastifyPluginAsyncTypebox<{ quarantine: QuarantineRepository }> = (app, { quarantine }) => {
  answerDomainErrors(app);
  validateWithTypeBox(app);

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
