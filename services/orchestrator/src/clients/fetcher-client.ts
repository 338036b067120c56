// The fetcher (services/sportmonks) over HTTP: GET /{entity} → one page of normalized records.
import { FetchPage, type FetchQuery } from '@insightxi/contracts';
import type { ServiceClient } from '@insightxi/http-client';
import { Type } from '@sinclair/typebox';
import type { CallContext, EntityName, Fetcher } from '../engine/ports.ts';
import { toDependencyError } from './errors.ts';

const AnyPage = FetchPage(Type.Unknown());

export function httpFetcher(client: ServiceClient): Fetcher {
  return {
    async fetchPage(entity: EntityName, query: FetchQuery, ctx: CallContext) {
      try {
        return await client.request({
          method: 'GET',
          path: `/${entity}`,
          query: { ...query },
          responseSchema: AnyPage,
          ...(ctx.requestId === undefined ? {} : { requestId: ctx.requestId }),
          ...(ctx.signal === undefined ? {} : { signal: ctx.signal }),
        });
      } catch (error) {
        throw toDependencyError(error, 'sportmonks');
      }
    },
  };
}
