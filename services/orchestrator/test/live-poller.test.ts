import { describe, expect, it } from 'vitest';
import type { FetchPage, Fixture, FixtureListQuery } from '@insightxi/contracts';
import { loadConfig } from '@insightxi/service-kit';
import { LiveSettings } from '../src/config.ts';
import { LivePoller } from '../src/engine/live-poller.ts';
import { FakeWriter, silentLog, type Rec } from './fakes.ts';

const settings = loadConfig(LiveSettings, {});

function setup(kickoffs: string[]) {
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
  const calls: string[] = [];
  const fetcher = {
    fetchPage: (_entity: string, query: { updated?: string }): Promise<FetchPage<unknown>> => {
      calls.push(query.updated ?? '');
      const page = { data: feed, rejected: [], next: null, upstream: { calls: 1, rateLimitRemaining: 100, resetsInSeconds: 60, waitedMs: 0 } };
      feed = [];
      return Promise.resolve(page);
    },
  };
  const poller = new LivePoller({ fetcher, writer, log: silentLog, settings, now: () => now });
  return {
    poller,
    writer,
    calls,
    listQueries,
    advance: (ms: number) => (now += ms),
    setFeed: (records: Rec[]) => (feed = records),
  };
}

describe('the live poller', () => {
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
    expect(calls).toEqual(['latest', 'latest']);
    expect(writer.tables.get('fixtures')?.get(7)).toBe(JSON.stringify({ id: 7, v: 2 }));
    expect(poller.status()).toMatchObject({ matchesOn: true, polls: 2, records: 2, created: 1, updated: 1, gaps: [] });
  });

  it('records the span it could not cover when a poll comes later than the feed window', async () => {
    const { poller, advance } = setup(['2026-03-01T15:00:00.000Z']);
    await poller.tick();
    advance(25_000);
    await poller.tick();
    expect(poller.status().gaps).toEqual([{ from: '2026-03-01T15:30:00.000Z', to: '2026-03-01T15:30:15.000Z' }]);
    advance(6_000);
    await poller.tick();
    expect(poller.status().gaps).toHaveLength(1);
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
});
