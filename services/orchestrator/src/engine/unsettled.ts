// Fixtures we hold that have not settled: not started although kick-off has passed,
// postponed, suspended, to be announced, delayed, interrupted, awaiting updates. They are
// re-fetched by id until the source gives them a final state (or a new date).
import type { FixtureListQuery } from '@insightxi/contracts';
import type { CallContext, Writer } from './ports.ts';

const NOT_STARTED = 1;
/** POSTPONED, SUSPENDED, TBA, DELAYED, INTERRUPTED, AWAITING_UPDATES. */
const UNSETTLED_STATES = [10, 11, 13, 16, 18, 19];
/** Ids per fetcher walk: the fetcher asks SportMonks 50 at a time; this keeps the URL short. */
export const MAX_RECHECK_IDS = 500;

export async function unsettledFixtureIds(writer: Writer, now: number, leagues: number[] | null, ctx: CallContext): Promise<number[]> {
  const queries: FixtureListQuery[] = [
    { state: NOT_STARTED, to: new Date(now).toISOString(), deleted: false },
    ...UNSETTLED_STATES.map((state) => ({ state, deleted: false })),
  ];
  const wanted = leagues === null ? null : new Set(leagues);
  const ids = new Set<number>();
  for (const query of queries) {
    let cursor: string | undefined;
    do {
      const page = await writer.listFixtures({ ...query, limit: 1000, ...(cursor === undefined ? {} : { cursor }) }, ctx);
      for (const fixture of page.items) {
        if (wanted === null || wanted.has(fixture.leagueId)) ids.add(fixture.id);
      }
      cursor = page.next ?? undefined;
    } while (cursor !== undefined && ids.size < MAX_RECHECK_IDS);
  }
  return [...ids].sort((a, b) => a - b).slice(0, MAX_RECHECK_IDS);
}

/** The live (not tombstoned) fixtures we hold with a kick-off in from..to (dates, inclusive). */
export async function storedFixtureIds(writer: Writer, from: string, to: string, leagues: number[] | null, ctx: CallContext): Promise<number[]> {
  const wanted = leagues === null ? null : new Set(leagues);
  const ids: number[] = [];
  let cursor: string | undefined;
  do {
    const page = await writer.listFixtures({ from, to, deleted: false, limit: 1000, ...(cursor === undefined ? {} : { cursor }) }, ctx);
    for (const fixture of page.items) if (wanted === null || wanted.has(fixture.leagueId)) ids.push(fixture.id);
    cursor = page.next ?? undefined;
  } while (cursor !== undefined);
  return ids;
}
