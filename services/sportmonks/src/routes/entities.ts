// GET /{entity}: one page of normalized records for the scope in the query.
import { ENTITIES, ErrorBody, FetchErrorBody, FetchPage, FetchQuery, RECORD_SCHEMAS } from '@insightxi/contracts';
import { HttpError, type RoutePlugin } from '@insightxi/service-kit';
import type { Fetcher } from '../fetcher.ts';
import { FetchError, UpstreamRefusedError } from '../upstream/errors.ts';

export function toHttpError(error: unknown): unknown {
  if (!(error instanceof FetchError)) return error;
  return new HttpError(error.statusCode, error.message, {
    cause: error,
    ...(error.headers ? { headers: error.headers } : {}),
    // Lets the orchestrator tell a refusal (fail the run now) from an outage (retry).
    ...(error instanceof UpstreamRefusedError ? { details: { upstreamStatus: error.upstreamStatus } } : {}),
  });
}

export const entityRoutes: RoutePlugin<{ fetcher: Fetcher }> = (app, { fetcher }) => {
  for (const entity of ENTITIES) {
    app.get(
      `/${entity}`,
      {
        schema: {
          summary: `One page of ${entity} from SportMonks, normalized`,
          description:
            'Scope in the query; pass `next` back as `cursor` to continue (the cursor carries the scope). 503 with Retry-After when the SportMonks budget is spent for longer than the fetcher waits.',
          tags: ['fetch'],
          querystring: FetchQuery,
          response: { 200: FetchPage(RECORD_SCHEMAS[entity]), 400: ErrorBody, 502: FetchErrorBody, 503: ErrorBody, 504: ErrorBody },
        },
        // Every record of a page was checked against its contract schema as it was normalized
        // (mapping/normalize.ts); a schema-driven serializer would walk thousands of them again.
        serializerCompiler: () => (data) => JSON.stringify(data),
      },
      async (request) => {
        try {
          return await fetcher.page(entity, request.query);
        } catch (error) {
          throw toHttpError(error);
        }
      },
    );
  }
  return Promise.resolve();
};
