// GET /rate-limits: each SportMonks entity's budget as last reported, and pauses in force.
import { ErrorBody, RateLimitsResponse } from '@insightxi/contracts';
import type { RoutePlugin } from '@insightxi/service-kit';
import type { RateLimits } from '../upstream/rate-limits.ts';

export const rateLimitRoutes: RoutePlugin<{ rateLimits: RateLimits }> = (app, { rateLimits }) => {
  app.get(
    '/rate-limits',
    {
      schema: {
        summary: 'SportMonks budget per entity',
        tags: ['fetch'],
        response: { 200: RateLimitsResponse, 401: ErrorBody },
      },
    },
    () => Promise.resolve({ entities: rateLimits.snapshot() }),
  );
  return Promise.resolve();
};
