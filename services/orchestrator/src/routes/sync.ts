// POST /sync/{entity}: start a run (202 + Location), or with ?wait=true hold until it ends.
import { ErrorBody, SyncAccepted, SyncConflict, SyncQuery, SyncRunSummary, SyncScope, SyncTargetParams } from '@insightxi/contracts';
import type { RoutePlugin } from '@insightxi/service-kit';
import { accepted, toSummary } from '../engine/summary.ts';
import { security } from './operator.ts';
import { scopeFromRequest } from './scope-input.ts';

export const syncRoutes: RoutePlugin = (app) => {  // `curl -X POST …/sync/fixtures` sends no body: that is the empty scope, not a bad request.
  app.addHook('preValidation', (request, _reply, done) => {
    request.body ??= {};
    done();
  });

  app.post(
    '/sync/:entity',
    {
      schema: {
        tags: ['sync'],
        summary: 'Start a sync run (scope in the body or the query)',
        description:
          'Replies 202 with the run id and a Location header at once. `?wait=true` holds the request until the run ends and replies 200 with its summary: for local use only (API Gateway cuts requests at 30 s).',
        security,
        params: SyncTargetParams,
        querystring: SyncQuery,
        body: SyncScope,
        response: { 200: SyncRunSummary, 202: SyncAccepted, 400: ErrorBody, 401: ErrorBody, 409: SyncConflict, 503: ErrorBody },
      },
    },
    async (request, reply) => {
      const scope = scopeFromRequest(request.query, request.body);
      if (request.query.wait === true) {
        // A long run outlasts service-kit's connectionTimeout, which would close the socket under the
        // reply; off before the first await (starting the run is a writer call that may be slow too).
        // Injected requests (tests) have a socket without timers.
        const socket: { setTimeout?: (ms: number) => unknown } = request.raw.socket;
        socket.setTimeout?.(0);
      }
      const launched = await app.runs.start(request.params.entity, scope, { requestId: request.id });
      if (request.query.wait === true) {
        const final = await launched.done;
        return reply.code(200).send(toSummary(final, Date.now()));
      }
      const body = accepted(launched.run);
      return reply.code(202).header('location', body.links.self).send(body);
    },
  );
  return Promise.resolve();
};
