// Shared by the fetcher benchmarks: a fetcher built in-process against a simulator, and a
// walker that follows `next` to the end of a scope.
import type { FetchPage, FetchQuery } from '@insightxi/contracts';
import { buildApp, followingClock, readConfig } from '@insightxi/sportmonks';
import type { Simulator } from '@insightxi/sportmonks-sim';

export const INTERNAL_TOKEN = 'bench-internal-token';

export type FetcherApp = Awaited<ReturnType<typeof buildApp>>;

export async function benchFetcher(sim: Simulator, speed: number | null, env: Record<string, string> = {}): Promise<FetcherApp> {
  const config = readConfig({
    SPORTMONKS_API_TOKEN: 'demo',
    SPORTMONKS_BASE_URL: sim.url,
    INTERNAL_TOKEN,
    LOG_LEVEL: 'warn',
    RATE_LIMIT_ID_PREFIX: `bench-${String(process.pid)}`,
    ...env,
  });
  return buildApp(config, speed === null ? {} : { clock: followingClock(() => sim.now(), speed) });
}

export interface PageResult {
  status: number;
  page: FetchPage<{ id: number }> | null;
}

export async function fetchPage(app: FetcherApp, entity: string, query: FetchQuery): Promise<PageResult> {
  const response = await app.inject({
    method: 'GET',
    url: `/${entity}`,
    query: Object.fromEntries(Object.entries(query).map(([k, v]) => [k, String(v)])),
    headers: { authorization: `Bearer ${INTERNAL_TOKEN}` },
  });
  return { status: response.statusCode, page: response.statusCode === 200 ? response.json<FetchPage<{ id: number }>>() : null };
}

export interface WalkTotals {
  pages: number;
  records: number;
  rejected: number;
  calls: number;
  failedPages: number;
}

/** Walks a scope to its end; `stop()` ends it early between pages. */
export async function walkScope(app: FetcherApp, entity: string, query: FetchQuery, stop: () => boolean = () => false): Promise<WalkTotals> {
  const totals: WalkTotals = { pages: 0, records: 0, rejected: 0, calls: 0, failedPages: 0 };
  let cursor: string | null = null;
  while (!stop()) {
    const { status, page } = await fetchPage(app, entity, cursor === null ? query : { ...query, cursor });
    if (page === null) {
      totals.failedPages += 1;
      console.error(`GET /${entity} answered ${String(status)}`);
      return totals;
    }
    totals.pages += 1;
    totals.records += page.data.length;
    totals.rejected += page.rejected.length;
    totals.calls += page.upstream.calls;
    if (page.next === null) break;
    cursor = page.next;
  }
  return totals;
}

export const ratio = (value: number): string => value.toFixed(3);
