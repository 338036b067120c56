// GET /sync/live: the live poller of the latest-updated feed.
import { ErrorBody, LiveStatus } from '@insightxi/contracts';
import type { RoutePlugin } from '@insightxi/service-kit';
import { security } from './operator.ts';

export const liveRoutes: RoutePlugin = (app) => {
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
  return Promise.resolve();
};
