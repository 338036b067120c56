import { describe, expect, it } from 'vitest';
import type { FetchPage, FetchQuery, Fixture, FixtureListQuery } from '@insightxi/contracts';
import { loadConfig } from '@insightxi/service-kit';
import { LiveSettings } from '../src/config.ts';
import { LivePoller } from '../src/engine/live-poller.ts';
import { FakeWriter, silentLog, type Rec } from './fakes.ts';

const settings = loadConfig(LiveSettings, {});

function setup(kickoffs: string[], overrides: Partial<typeof settings> = {}) {
  let now = Date.parse('2026-03-01T15:30:00Z');
  const writer = new FakeWriter();
  const listQueries: FixtureListQuery[] = [];
  writer.listFixtures = (query: FixtureListQuery) => {
    listQueries.push(query);
    const from = query.from ?? '';
    const to = query.to ?? '';
    const items = kickoffs.filter((k) => k >= from && k < to).map((k, i) => ({ id: i + 1, startingAt: k }) as unknown as Fixture);
    return Promise.resolve({ items, next: null });
  };
  let feed: Rec[] = [];
  // What a sweep of the fixtures that can be on returns (kick-offs), and the ones deleted.
  let swept: Rec[] = [];
  let deleted: Rec[] = [];
  let failing = false;
  const calls: string[] = [];
  const fetcher = {
    fetchPage: (_entity: string, query: FetchQuery): Promise<FetchPage<unknown>> => {
      expect(query.priority).toBe('live');
      const withDetail = query.detail === true ? ' with detail' : '';
      const call = query.updated !== undefined ? `${query.updated}${withDetail}` : `${query.deleted === true ? 'deleted' : 'sweep'}${withDetail} ${query.from ?? ''}..${query.to ?? ''}`;
      calls.push(call);
      if (failing) return Promise.reject(new Error('fetcher unavailable'));
      const data = query.updated === 'latest' ? feed : query.deleted === true ? deleted : swept;
      if (query.updated === 'latest') feed = [];
      return Promise.resolve({ data, rejected: [], next: null, upstream: { calls: 1, rateLimitRemaining: 100, resetsInSeconds: 60, waitedMs: 0 } });
    },
  };
  const poller = new LivePoller({ fetcher, writer, log: silentLog, settings: { ...settings, ...overrides }, now: () => now });
  return {
    poller,
    writer,
    calls,
    listQueries,
    advance: (ms: number) => (now += ms),
    setFeed: (records: Rec[]) => (feed = records),
    setSwept: (records: Rec[], gone: Rec[] = []) => {
      swept = records;
      deleted = gone;
    },
    setFailing: (value: boolean) => (failing = value),
  };
}

describe('the live poller', () => {
  it('reports how long it has gone without a successful poll while matches are on (the stalled-poller alarm)', async () => {
    const { poller, advance, setFailing } = setup(['2026-03-01T15:00:00.000Z']);
    expect(poller.pollAgeMs()).toBe(0);
    poller.start();
    try {
      await poller.tick();
      expect(poller.pollAgeMs()).toBe(0);
      advance(30_000);
      expect(poller.pollAgeMs()).toBe(30_000);
      setFailing(true);
      await poller.tick();
      advance(60_000);
      expect(poller.pollAgeMs()).toBe(90_000);
      setFailing(false);
      await poller.tick();
      expect(poller.pollAgeMs()).toBe(0);
    } finally {
      await poller.stop();
    }
    expect(poller.pollAgeMs()).toBe(0);
  });

  it('counts from when matches came on if no poll has succeeded yet, and reports 0 while none is on', async () => {
    const on = setup(['2026-03-01T15:00:00.000Z']);
    on.setFailing(true);
    on.poller.start();
    await on.poller.tick();
    on.advance(45_000);
    expect(on.poller.pollAgeMs()).toBe(45_000);
    await on.poller.stop();
    const off = setup(['2026-03-01T20:00:00.000Z']);
    off.poller.start();
    await off.poller.tick();
    off.advance(600_000);
    expect(off.poller.pollAgeMs()).toBe(0);
    await off.poller.stop();
  });

  it('stays quiet while no match is on', async () => {
    const { poller, calls } = setup(['2026-03-01T20:00:00.000Z']);
    await poller.tick();
    await poller.tick();
    expect(calls).toEqual([]);
    expect(poller.status()).toMatchObject({ matchesOn: false, polls: 0 });
  });

  it('polls the latest feed while a match is on and lands what changed', async () => {
    const { poller, writer, calls, advance, setFeed } = setup(['2026-03-01T15:00:00.000Z']);
    setFeed([{ id: 7, v: 1 }]);
    await poller.tick();
    advance(5_000);
    setFeed([{ id: 7, v: 2 }]);
    await poller.tick();
    // The first poll since matches came on sweeps first, with detail: what changed before it is not in the feed.
    expect(calls).toEqual(['sweep with detail 2026-03-01..2026-03-01', 'deleted 2026-03-01..2026-03-01', 'latest with detail', 'latest with detail']);
    expect(writer.tables.get('fixtures')?.get(7)).toBe(JSON.stringify({ id: 7, v: 2 }));
    expect(poller.status()).toMatchObject({ matchesOn: true, polls: 2, sweeps: 1, records: 2, created: 1, updated: 1, gaps: [] });
  });

  it('after a pause longer than the feed window, records the gap and sweeps before reading the feed again', async () => {
    const { poller, writer, calls, advance, setFeed, setSwept } = setup(['2026-03-01T15:00:00.000Z'], { LIVE_SWEEP_MS: 0 });
    await poller.tick();
    advance(5_000);
    await poller.tick();
    calls.length = 0;
    // The poller is paused (no tick: a deploy, a 429 pause) for 25 s; meanwhile fixture 7 scores
    // and 9 is deleted. By the time it is back, the feed's 10 s no longer show the goal.
    advance(25_000);
    setSwept([{ id: 7, v: 2 }], [{ id: 9, stateId: 20 }]);
    setFeed([{ id: 8, v: 1 }]);
    await poller.tick();
    expect(poller.status().gaps).toEqual([{ from: '2026-03-01T15:30:05.000Z', to: '2026-03-01T15:30:20.000Z' }]);
    // A card shown while it was away is in no later feed: the gap's sweep brings the match detail.
    expect(calls).toEqual(['sweep with detail 2026-03-01..2026-03-01', 'deleted 2026-03-01..2026-03-01', 'latest with detail']);
    expect(writer.tables.get('fixtures')?.get(7)).toBe(JSON.stringify({ id: 7, v: 2 }));
    expect(writer.tables.get('fixtures')?.get(9)).toBe(JSON.stringify({ id: 9, stateId: 20 }));
    expect(writer.tables.get('fixtures')?.get(8)).toBe(JSON.stringify({ id: 8, v: 1 }));
    // Back within the window: the feed alone again, no new gap.
    calls.length = 0;
    advance(6_000);
    await poller.tick();
    expect(calls).toEqual(['latest with detail']);
    expect(poller.status()).toMatchObject({ sweeps: 2, gaps: [{ from: '2026-03-01T15:30:05.000Z', to: '2026-03-01T15:30:20.000Z' }] });
  });

  it('reads only the feed after a failed poll that left no gap, and sweeps every LIVE_SWEEP_MS for the deletions the feed never shows', async () => {
    const { poller, calls, advance, setFailing } = setup(['2026-03-01T15:00:00.000Z'], { LIVE_SWEEP_MS: 60_000 });
    await poller.tick();
    setFailing(true);
    advance(5_000);
    await poller.tick();
    setFailing(false);
    advance(5_000);
    calls.length = 0;
    await poller.tick();
    expect(calls).toEqual(['latest with detail']);
    // Every 5 s the feed alone, until LIVE_SWEEP_MS after the last sweep; that sweep is no gap's:
    // it looks for deletions and brings no detail.
    for (let second = 15; second < 60; second += 5) {
      advance(5_000);
      calls.length = 0;
      await poller.tick();
      expect(calls, `at ${String(second)} s`).toEqual(['latest with detail']);
    }
    advance(5_000);
    calls.length = 0;
    await poller.tick();
    expect(calls).toEqual(['sweep 2026-03-01..2026-03-01', 'deleted 2026-03-01..2026-03-01', 'latest with detail']);
    expect(poller.status().gaps).toEqual([]);
  });

  it('asks the writer whether matches are on at most once a minute', async () => {
    const { poller, listQueries, advance } = setup(['2026-03-01T15:00:00.000Z']);
    for (let i = 0; i < 6; i++) {
      await poller.tick();
      advance(5_000);
    }
    expect(listQueries).toHaveLength(1);
    advance(60_000);
    await poller.tick();
    expect(listQueries).toHaveLength(2);
  });

  it('keeps the records the writer refuses, with the feed’s own rejects, in quarantine', async () => {
    const { poller, writer, setFeed } = setup(['2026-03-01T15:00:00.000Z']);
    writer.bulk = () => Promise.resolve({ created: 1, updated: 0, unchanged: 0, failed: [{ id: 8, reason: 'season 9 does not exist' }], duplicatePage: false });
    setFeed([{ id: 7 }, { id: 8 }]);
    await poller.tick();
    expect(writer.quarantined.map((q) => q.sourceId)).toEqual([8]);
    expect(poller.status()).toMatchObject({ polls: 1, records: 2, created: 1 });
  });

  it('notes a failed poll and carries on at the next tick; a tick during a poll waits for it', async () => {
    const { poller, writer, setFeed } = setup(['2026-03-01T15:00:00.000Z']);
    const bulk = writer.bulk.bind(writer);
    writer.bulk = () => Promise.reject(new Error('writer unreachable'));
    setFeed([{ id: 7 }]);
    const [first, second] = [poller.tick(), poller.tick()];
    await Promise.all([first, second]);
    expect(poller.status()).toMatchObject({ polls: 0, lastError: 'writer unreachable' });
    writer.bulk = bulk;
    setFeed([{ id: 7 }]);
    await poller.tick();
    expect(poller.status()).toMatchObject({ polls: 1, lastError: null });
  });

  it('runs on its interval once started, and stops', async () => {
    const { poller, calls } = setup(['2026-03-01T15:00:00.000Z'], { LIVE_POLL_MS: 5 });
    poller.start();
    poller.start();
    expect(poller.status().enabled).toBe(true);
    await expect.poll(() => calls.length).toBeGreaterThanOrEqual(2);
    await poller.stop();
    const after = calls.length;
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(calls.length).toBe(after);
    expect(poller.status().enabled).toBe(false);
  });
});
