// The live poller's sweep: every fixture that can be on now (kick-off from LIVE_AFTER_KICKOFF_MS
// ago to LIVE_BEFORE_KICKOFF_MS ahead, as whole UTC days), read through `between` windows, and
// the ones deleted in those days through `deleted=true`, all in the fetcher's live lane. The
// latest-updated feed only covers its last seconds and never reports a deletion (a deleted
// fixture vanishes from it): the sweep covers what the feed cannot. After a gap the fixtures come
// with their match detail: a card shown while the poller was away is in no later feed.
import type { FetchPage, FetchQuery } from '@insightxi/contracts';
import type { LiveSettings } from '../config.ts';
import type { CallContext, Fetcher } from './ports.ts';

const day = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

export function liveSweepQueries(now: number, settings: LiveSettings, detail = false): FetchQuery[] {
  const from = day(now - settings.LIVE_AFTER_KICKOFF_MS);
  const to = day(now + settings.LIVE_BEFORE_KICKOFF_MS);
  return [
    { from, to, priority: 'live', ...(detail ? { detail: true } : {}) },
    { from, to, deleted: true, priority: 'live' },
  ];
}

/** Walks each query to its last page, handing every page to `land` before the next is fetched. */
export async function sweepLive(
  fetcher: Fetcher,
  queries: FetchQuery[],
  ctx: CallContext,
  land: (page: FetchPage<unknown>) => Promise<void>,
): Promise<void> {
  for (const query of queries) {
    let cursor: string | null = null;
    do {
      const page: FetchPage<unknown> = await fetcher.fetchPage('fixtures', cursor === null ? query : { cursor, priority: 'live' }, ctx);
      await land(page);
      cursor = page.next;
    } while (cursor !== null);
  }
}
