// GET /freshness: per league, the last successful full and incremental sync, the last change and
// the last live change that landed, the oldest fixture that should have settled and has not, and
// when the schedule runs next.
import { ErrorBody, FreshnessQuery, FreshnessResponse } from '@insightxi/contracts';
import type { RoutePlugin } from '@insightxi/service-kit';
import { freshnessReport } from '../engine/freshness.ts';
import { parseSchedule } from '../engine/schedule.ts';
import { security } from './operator.ts';

export const freshnessRoutes: RoutePlugin<{ schedule: string; now?: (() => number) | undefined }> = (app, { schedule, now = Date.now }) => {
  const runs = parseSchedule(schedule);
  app.get(
    '/freshness',
    {
      schema: {
        tags: ['freshness'],
        summary: 'How fresh each league is, and when the schedule runs next',
        security,
        querystring: FreshnessQuery,
        response: { 200: FreshnessResponse, 400: ErrorBody, 401: ErrorBody, 502: ErrorBody, 503: ErrorBody },
      },
    },
    async (request) => {
      const leagues = request.query.leagues === undefined ? null : request.query.leagues.split(',').map(Number);
      const rows = await app.downstream.writer.freshness(leagues, { requestId: request.id });
      return freshnessReport(rows, runs, now());
    },
  );
  return Promise.resolve();
};
