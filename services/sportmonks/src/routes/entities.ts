// GET /{entity}: one page of normalized records for the scope in the query.
import { ENTITIES, ErrorBody, FetchErrorBody, FetchPage, FetchQuery, RECORD_SCHEMAS } from '@insightxi/contracts';
import type { RoutePlugin } from '@insightxi/service-kit';

export const entityRoutes: RoutePlugin = (app) => {
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
      (request) => app.fetcher.page(entity, request.query),
    );
  }
  return Promise.resolve();
};
