// GET /freshness: the data_freshness view, one row per league.
import { ErrorBody, FreshnessList, FreshnessQuery } from '@insightxi/contracts';
import type { RoutePlugin } from '@insightxi/service-kit';

export const freshnessRoutes: RoutePlugin = (app) => {
  app.get(
    '/freshness',
    {
      schema: {
        tags: ['freshness'],
        summary: 'How fresh each league is: last full and incremental sync, last change, last live change, unsettled fixtures',
        querystring: FreshnessQuery,
        response: { 200: FreshnessList, 400: ErrorBody },
      },
    },
    async (request) => ({ leagues: await app.freshness.list(request.query.leagues === undefined ? null : request.query.leagues.split(',').map(Number)) }),
  );
  return Promise.resolve();
};
