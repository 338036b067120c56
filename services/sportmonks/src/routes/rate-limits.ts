// GET /rate-limits: each SportMonks entity's budget as last reported, pauses in force, and the
// detail includes the plan lacks.
import { ErrorBody, RateLimitsResponse } from '@insightxi/contracts';
import type { RoutePlugin } from '@insightxi/service-kit';

export const rateLimitRoutes: RoutePlugin = (app) => {
  app.get(
    '/rate-limits',
    {
      schema: {
        summary: 'SportMonks budget per entity',
        tags: ['fetch'],
        response: { 200: RateLimitsResponse, 401: ErrorBody },
      },
    },
    () => Promise.resolve({ unavailableIncludes: app.fetcher.detailIncludes.unavailable(), entities: app.rateLimits.snapshot() }),
  );
  return Promise.resolve();
};
