// Resolves "the current seasons" (or all seasons) of a scope's leagues by walking the
// fetcher's seasons list: the plan is made before anything is written.
import type { FetchPage, FetchQuery } from '@insightxi/contracts';
import type { CallContext, Fetcher } from './ports.ts';
import type { SeasonResolution, SeasonResolver } from './plan.ts';
import { withRetry, type RetrySettings } from './retry.ts';

interface SeasonLike {
  id: number;
  isCurrent: boolean;
}

const isSeasonLike = (value: unknown): value is SeasonLike =>
  typeof value === 'object' && value !== null && typeof (value as SeasonLike).id === 'number' && typeof (value as SeasonLike).isCurrent === 'boolean';

export function fetcherSeasonResolver(fetcher: Fetcher, settings: RetrySettings, ctx: CallContext): SeasonResolver {
  return async (leagues, all): Promise<SeasonResolution> => {
    const seasons = new Set<number>();
    let upstreamCalls = 0;
    let rateLimitWaitMs = 0;
    let cursor: string | null = null;
    do {
      const query: FetchQuery = { ...(leagues ? { leagues: leagues.join(',') } : {}), ...(cursor === null ? {} : { cursor }) };
      const page: FetchPage<unknown> = await withRetry(() => fetcher.fetchPage('seasons', query, ctx), settings, ctx.signal ? { signal: ctx.signal } : {});
      upstreamCalls += page.upstream.calls;
      rateLimitWaitMs += page.upstream.waitedMs;
      for (const season of page.data) {
        if (isSeasonLike(season) && (all || season.isCurrent)) seasons.add(season.id);
      }
      // All seasons means this one too, though its record came malformed (it goes to quarantine):
      // left out, its rows would be missing with nothing saying why; read, each names the season.
      if (all) for (const rejected of page.rejected) if (rejected.sourceId !== null) seasons.add(rejected.sourceId);
      cursor = page.next;
    } while (cursor !== null);
    return { seasons: [...seasons].sort((a, b) => a - b), upstreamCalls, rateLimitWaitMs };
  };
}
