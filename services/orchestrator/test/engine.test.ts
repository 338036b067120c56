import { describe, expect, it } from 'vitest';
import type { FixtureState, SyncRun, SyncRunPatch } from '@insightxi/contracts';
import { DependencyError, RunConflictError } from '../src/engine/errors.ts';
import { RunManager, RunNotFoundError, RunStateError } from '../src/engine/manager.ts';
import { unsettledQueries } from '../src/engine/recheck.ts';
import { FakeFetcher, FakeWriter, collectingLog, runSettings, silentLog, world, type Rec } from './fakes.ts';

// One page per writer call (pages hold 3 records), unless a test says otherwise; no waits for a spent budget.
const settings = runSettings({ HEARTBEAT_MS: 20, STALE_AFTER_MS: 200, RETRY_ATTEMPTS: 3, RETRY_INITIAL_DELAY_MS: 1, RETRY_MAX_DELAY_MS: 5, RATE_LIMIT_MAX_WAIT_MS: 0, BULK_CHUNK_SIZE: 3 });

function setup(
  opts: { fixtures?: number; pageSize?: number; reject?: number[]; chunkSize?: number; readAheadPages?: number; readAheadRecords?: number; stepsAhead?: number; writesInFlight?: number } = {},
) {
  const data = world(opts.fixtures ?? 10);
  const fetcher = new FakeFetcher(data, opts.pageSize ?? 3, new Set(opts.reject ?? []));
  const writer = new FakeWriter();
  const log = collectingLog();
  const tuning = {
    BULK_CHUNK_SIZE: opts.chunkSize ?? settings.BULK_CHUNK_SIZE,
    ...(opts.readAheadPages === undefined ? {} : { READ_AHEAD_PAGES: opts.readAheadPages }),
    ...(opts.readAheadRecords === undefined ? {} : { READ_AHEAD_RECORDS: opts.readAheadRecords }),
    ...(opts.stepsAhead === undefined ? {} : { STEPS_AHEAD: opts.stepsAhead }),
    ...(opts.writesInFlight === undefined ? {} : { WRITES_IN_FLIGHT: opts.writesInFlight }),
  };
  const manager = new RunManager({ fetcher, writer, log, settings: { ...settings, ...tuning } });
  return { data, fetcher, writer, manager, log };
}

const ids = (writer: FakeWriter, entity: Parameters<FakeWriter['tables']['get']>[0]) => [...(writer.tables.get(entity)?.keys() ?? [])].sort((a, b) => a - b);
const idsOf = (rows: Rec[] | undefined, pred: (r: Rec) => boolean = () => true) => (rows ?? []).filter(pred).map((r) => r.id).sort((a, b) => a - b);

/** The counters of the same run done without interruption, to compare a resumed run with. */
async function uninterrupted(target: 'all' | 'fixtures', fixtures = 10) {
  const { manager } = setup({ fixtures });
  const { done } = await manager.start(target, {}, {});
  return (await done).counters;
}

describe('a full run', () => {
  it('lands every entity of the current seasons in dependency order with exact counters', async () => {
    const { data, fetcher, writer, manager, log } = setup();
    const { run, done } = await manager.start('all', {}, { requestId: 'req-1' });
    expect(run.status).toBe('running');
    const final = await done;

    expect(final.status).toBe('succeeded');
    const current = (r: Rec) => r.seasonId === 101 || r.seasonId === 201;
    expect(ids(writer, 'fixtures')).toEqual(idsOf(data.fixtures, current));
    expect(ids(writer, 'standings')).toEqual(idsOf(data.standings, current));
    expect(ids(writer, 'teams')).toEqual(idsOf(data.teams, current));
    expect(ids(writer, 'seasons')).toEqual(idsOf(data.seasons));
    expect(ids(writer, 'states')).toEqual(idsOf(data.states));

    // Pages may be fetched ahead, but they land in dependency order.
    // The dictionaries first; the season structure rides with the fixtures' schedules (no steps of its own).
    // Players come with the squads and lineups, referees with the fixtures they officiated: no steps of their own.
    expect([...new Set(writer.bulkEntities)]).toEqual(['types', 'countries', 'states', 'leagues', 'seasons', 'venues', 'teams', 'fixtures', 'squads', 'standings', 'topscorers']);
    // A season's squads: one call per team of its fixtures, the teams known before the fixtures are stored.
    expect(fetcher.calls.filter((c) => c.entity === 'squads').map((c) => c.query)).toEqual([
      { seasons: '101', teams: '10100,10101,10102,10103' },
      { seasons: '201', teams: '20100,20101,20102,20103' },
    ]);

    const stored = writer.runs.get(run.id);
    // The referees the fixture calls describe are the writer's nested records: not counted here.
    const fetched = 5 + 2 + 4 + 2 * 2 + 2 * 4 + 2 * 10 + 2 * 1 + 2 * 4 + 2 * 1;
    expect(stored?.counters).toMatchObject({ fetched, created: fetched, updated: 0, unchanged: 0, quarantined: 0 });
    // The season look-up before planning is an upstream call too.
    expect(stored?.counters.upstreamCalls).toBe(fetcher.calls.length);
    expect(final.counters).toEqual(stored?.counters);

    const pageLines = log.lines.filter((l) => l.msg === 'page synced');
    expect(pageLines).toHaveLength(stored?.counters.pages ?? -1);
    expect(pageLines.find((l) => l.obj.entity === 'states')?.obj).toMatchObject({ runId: run.id, entity: 'states', page: 0, records: 3, budgetLeft: 1000 });
    expect(log.lines.filter((l) => l.msg === 'run finished')).toHaveLength(1);
  });

  it("reads the squads of every team in the season's team list, also one that no fixture names yet", async () => {
    const { data, fetcher, manager } = setup();
    // A play-off's finalist enters later: in the season's teams, in none of its fixtures yet.
    data.teams?.push({ id: 10104, seasonId: 101, leagueId: 8 });
    const { done } = await manager.start('all', {}, {});
    expect((await done).status).toBe('succeeded');
    expect(fetcher.calls.filter((c) => c.entity === 'squads').map((c) => c.query)).toEqual([
      { seasons: '101', teams: '10100,10101,10102,10103,10104' },
      { seasons: '201', teams: '20100,20101,20102,20103' },
    ]);
  });

  it("looks a season's squads up only once every page of its fixtures is read, even when that step is the one before", async () => {
    const { data, fetcher, manager } = setup({ stepsAhead: 2 });
    // The season's last fixture page names a team no earlier page does.
    const last = data.fixtures?.filter((f) => f.seasonId === 101).at(-1) as Rec;
    data.fixtures?.push({ ...last, id: 101_999, homeTeamId: 10109 });
    const { done } = await manager.start('all', { seasons: [101] }, {});
    expect((await done).status).toBe('succeeded');
    expect(fetcher.calls.filter((c) => c.entity === 'squads').map((c) => c.query)).toEqual([{ seasons: '101', teams: '10100,10101,10102,10103,10109' }]);
  });

  it('sends rejected records to quarantine with the page and counts them', async () => {
    const { writer, manager } = setup({ reject: [101_000, 101_005] });
    const final = await (await manager.start('fixtures', {}, {})).done;
    expect(final.status).toBe('succeeded');
    expect(final.counters.quarantined).toBe(2);
    expect(writer.quarantined.map((q) => q.sourceId).sort()).toEqual([101_000, 101_005]);
    expect(ids(writer, 'fixtures')).not.toContain(101_000);
    expect(final.counters.fetched).toBe(18);
  });

  it('syncs a date range in windows of at most 100 days', async () => {
    const { fetcher, manager } = setup();
    for (const f of fetcher.data.fixtures ?? []) f.startingAt = '2025-05-01T12:00:00.000Z';
    const final = await (await manager.start('fixtures', { from: '2025-01-01', to: '2025-12-31' }, {})).done;
    expect(final.status).toBe('succeeded');
    const windows = fetcher.calls.filter((c) => c.query.cursor === undefined).map((c) => `${c.query.from}..${c.query.to}`);
    expect(windows.sort()).toEqual(['2025-01-01..2025-04-10', '2025-04-11..2025-07-19', '2025-07-20..2025-10-27', '2025-10-28..2025-12-31']);
  });

  it('a second sync of unchanged data counts everything unchanged', async () => {
    const { writer, manager } = setup();
    await (await manager.start('fixtures', { seasons: [101] }, {})).done;
    const second = await (await manager.start('fixtures', { seasons: [101] }, {})).done;
    expect(second.counters).toMatchObject({ fetched: 10, created: 0, updated: 0, unchanged: 10 });
    expect(ids(writer, 'fixtures')).toHaveLength(10);
  });
});

describe('batches', () => {
  it('writes small pages of one entity together, with the same counts', async () => {
    const { writer, manager } = setup({ chunkSize: 10 });
    const final = await (await manager.start('all', {}, {})).done;
    expect(final.counters).toEqual(await uninterrupted('all'));
    // 24 pages of 1 to 3 records, never mixing entities in a call.
    expect(writer.bulkCalls).toBeLessThan(final.counters.pages / 2);
  });

  it('never puts a record twice in one call, so every fetched record is counted', async () => {
    const { data, writer, manager } = setup({ chunkSize: 100 });
    // The same teams play in both seasons of a league, as in real data.
    data.teams = (data.teams ?? []).map((t) => ({ ...t, id: (t.id % 100) + 1 }));
    const final = await (await manager.start('teams', { seasons: [100, 101] }, {})).done;
    // Each season's copy differs (seasonId): the second season's four are updates.
    expect(final.counters).toMatchObject({ fetched: 8, created: 4, updated: 4 });
    expect(writer.bulkCalls).toBe(2);
  });

  it('splits a page bigger than a writer call into chunks and resumes a half-written page exactly', async () => {
    const { writer, manager } = setup({ pageSize: 10, chunkSize: 4, fixtures: 20 });
    let bulks = 0;
    writer.beforeBulk = () => {
      bulks++;
      if (bulks === 6) return Promise.reject(new DependencyError('database', 'connect ECONNREFUSED', { transient: false }));
      return Promise.resolve();
    };
    const failed = await (await manager.start('fixtures', {}, {})).done;
    expect(failed.status).toBe('failed');
    writer.beforeBulk = () => Promise.resolve();
    const resumed = await (await manager.resume(failed.id, {})).done;
    expect(resumed.status).toBe('succeeded');
    const reference = setup({ pageSize: 10, chunkSize: 4, fixtures: 20 });
    const expected = (await (await reference.manager.start('fixtures', {}, {})).done).counters;
    expect(resumed.counters).toEqual({ ...expected, upstreamCalls: resumed.counters.upstreamCalls });
    expect(resumed.counters).toMatchObject({ pages: 4, fetched: 40, created: 40 });
    expect(ids(writer, 'fixtures')).toHaveLength(40);
  });

  it('resumes a run that died between batches to the exact counts', async () => {
    const first = setup({ chunkSize: 10 });
    let writes = 0;
    first.writer.beforeBulk = () => (++writes === 4 ? Promise.reject(new DependencyError('database', 'gone', { transient: false })) : Promise.resolve());
    const failed = await (await first.manager.start('all', {}, {})).done;
    expect(failed.status).toBe('failed');
    first.writer.beforeBulk = () => Promise.resolve();
    const resumed = await (await first.manager.resume(failed.id, {})).done;
    expect(resumed.counters).toEqual({ ...(await uninterrupted('all')), upstreamCalls: resumed.counters.upstreamCalls });
  });
});

describe('concurrency', () => {
  it('refuses a second run with the same scope while one is active, naming it', async () => {
    const { fetcher, manager } = setup();
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    fetcher.beforePage = () => gate;
    const first = await manager.start('fixtures', { leagues: [9, 8] }, {});
    const second = manager.start('fixtures', { leagues: [8, 9] }, {});
    await expect(second).rejects.toBeInstanceOf(RunConflictError);
    await expect(second).rejects.toMatchObject({ activeRunId: first.run.id });
    // A different scope is a different run.
    const other = await manager.start('fixtures', { leagues: [8] }, {});
    release();
    expect((await first.done).status).toBe('succeeded');
    expect((await other.done).status).toBe('succeeded');
  });
});

describe('read-ahead', () => {
  it.each([
    { readAheadPages: 1, readAheadRecords: 1000, ahead: 1 },
    { readAheadPages: 4, readAheadRecords: 1000, ahead: 4 },
    // Pages of 2 records weigh 3: the third one fetched ahead reaches 9 ≥ 7 and stops the read-ahead.
    { readAheadPages: 32, readAheadRecords: 7, ahead: 3 },
  ])('fetches up to $ahead pages ahead while the writer works, never more ($readAheadPages pages, $readAheadRecords records)', async ({ readAheadPages, readAheadRecords, ahead }) => {
    const { fetcher, writer, manager } = setup({ fixtures: 30, pageSize: 2, readAheadPages, readAheadRecords, stepsAhead: 0, writesInFlight: 1 });
    let pagesFetched = 0;
    let pagesWritten = 0;
    let maxAhead = 0;
    let overlapped = false;
    const tick = () => new Promise((resolve) => setTimeout(resolve, 1));
    let fetching = false;
    fetcher.beforePage = async () => {
      fetching = true;
      await tick();
      fetching = false;
      pagesFetched++;
    };
    writer.beforeBulk = async () => {
      maxAhead = Math.max(maxAhead, pagesFetched - pagesWritten);
      for (let i = 0; i < 8; i++) {
        await tick();
        if (fetching) overlapped = true;
      }
      pagesWritten++;
    };
    const final = await (await manager.start('fixtures', { seasons: [101, 201] }, {})).done;
    expect(final.status).toBe('succeeded');
    expect(final.counters.pages).toBe(30);
    expect(overlapped).toBe(true);
    // The page being written, the one waiting to join a batch, and the read-ahead.
    expect(maxAhead).toBe(ahead + 2);
  });
});

describe('steps ahead', () => {
  it.each([0, 2])('with %i steps ahead, has at most that many more fetcher requests in flight and lands the same data', async (stepsAhead) => {
    const { fetcher, writer, manager } = setup({ pageSize: 50, stepsAhead });
    let maxInFlight = 0;
    fetcher.beforePage = async () => {
      maxInFlight = Math.max(maxInFlight, fetcher.inFlight);
      await new Promise((resolve) => setTimeout(resolve, 2));
    };
    const final = await (await manager.start('all', { allSeasons: true }, {})).done;
    expect(final.status).toBe('succeeded');
    expect(maxInFlight).toBe(stepsAhead + 1);
    // states, leagues, seasons, venues, teams, fixtures (their referees nested), squads, standings, top scorers of four seasons
    expect(final.counters).toMatchObject({ fetched: 5 + 2 + 4 + 8 + 16 + 40 + 4 + 16 + 4, created: 99 });
    expect(ids(writer, 'standings')).toHaveLength(16);
  });
});

describe('writes in flight', () => {
  it('sends the next batch before the last one answers, and the pages still land in order with exact counts', async () => {
    const { writer, manager } = setup({ pageSize: 2, chunkSize: 2, writesInFlight: 2 });
    let busy = 0;
    let overlapped = 0;
    writer.beforeBulk = async () => {
      busy++;
      if (busy > 1) overlapped++;
      await new Promise((resolve) => setTimeout(resolve, 2));
      busy--;
    };
    const cursors: (string | null)[] = [];
    const bulk = writer.bulk.bind(writer);
    writer.bulk = async (entity, body) => {
      const result = await bulk(entity, body);
      if (body.sync) cursors.push(writer.runs.get(body.sync.runId)?.cursor ?? null);
      return result;
    };
    const final = await (await manager.start('all', {}, {})).done;
    expect(final.status).toBe('succeeded');
    expect(overlapped).toBeGreaterThan(0);
    const oneAtATime = setup({ pageSize: 2, chunkSize: 2, writesInFlight: 1 });
    const reference = await (await oneAtATime.manager.start('all', {}, {})).done;
    expect(final.counters).toEqual({ ...reference.counters, upstreamCalls: final.counters.upstreamCalls });
    // Each stored cursor is further along than the one before: no page landed before its predecessor.
    const positions = cursors.map((c) => JSON.parse(c ?? '{}') as { step: number; page: number });
    expect(positions.every((p, i) => i === 0 || p.step > (positions[i - 1]?.step ?? 0) || (p.step === positions[i - 1]?.step && p.page >= (positions[i - 1]?.page ?? 0)))).toBe(true);
  });
});

describe('frozen seasons', () => {
  const DAY = 86_400_000;
  const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  /** Seasons 100 and 200 finished long ago, 101 and 201 are current. */
  function finishedWorld(endedDaysAgo = 400) {
    const ctx = setup();
    for (const id of [100, 200]) ctx.writer.seasons.set(id, { finished: true, endingAt: isoDay(Date.now() - endedDaysAgo * DAY) });
    for (const id of [101, 201]) ctx.writer.seasons.set(id, { finished: false, endingAt: isoDay(Date.now() + 100 * DAY) });
    return ctx;
  }
  const seasonsRead = (fetcher: FakeFetcher, from: number) =>
    [...new Set(fetcher.calls.slice(from).flatMap((c) => (c.entity !== 'seasons' && c.query.seasons !== undefined ? [Number(c.query.seasons)] : [])))].sort((a, b) => a - b);

  it('a finished season read completely after it ended is left out of the next seasons=all sync', async () => {
    const { fetcher, writer, manager } = finishedWorld();
    const first = await (await manager.start('all', { allSeasons: true }, {})).done;
    expect(first.status).toBe('succeeded');
    expect(seasonsRead(fetcher, 0)).toEqual([100, 101, 200, 201]);
    // venues, teams, fixtures (their referees with them), squads, standings and top scorers of four seasons
    expect(writer.seasonNotes.size).toBe(24);

    const callsBefore = fetcher.calls.length;
    const second = await (await manager.start('all', { allSeasons: true }, {})).done;
    expect(second.status).toBe('succeeded');
    expect(seasonsRead(fetcher, callsBefore)).toEqual([101, 201]);
    // Six per-season steps of the two finished seasons.
    expect((second.plan as { skipped: number }).skipped).toBe(12);
    expect(second.counters.fetched).toBeLessThan(first.counters.fetched);
    expect(second.counters.created).toBe(0);
  });

  it('reads frozen seasons again when they are named or the run is forced', async () => {
    const { fetcher, manager } = finishedWorld();
    await (await manager.start('all', { allSeasons: true }, {})).done;
    let from = fetcher.calls.length;
    await (await manager.start('fixtures', { seasons: [100] }, {})).done;
    expect(seasonsRead(fetcher, from)).toEqual([100]);
    from = fetcher.calls.length;
    const forced = await (await manager.start('all', { allSeasons: true, force: true }, {})).done;
    expect(seasonsRead(fetcher, from)).toEqual([100, 101, 200, 201]);
    expect(forced.scope).toMatchObject({ force: true });
  });

  it('does not freeze a season that ended days ago, nor one whose read sent records to quarantine', async () => {
    const recent = finishedWorld(3);
    await (await recent.manager.start('all', { allSeasons: true }, {})).done;
    const from = recent.fetcher.calls.length;
    await (await recent.manager.start('all', { allSeasons: true }, {})).done;
    expect(seasonsRead(recent.fetcher, from)).toEqual([100, 101, 200, 201]);

    const rejecting = setup({ reject: [100_000] });
    rejecting.writer.seasons.set(100, { finished: true, endingAt: '2020-05-31' });
    await (await rejecting.manager.start('all', { allSeasons: true }, {})).done;
    expect(rejecting.writer.seasonNotes.has('fixtures/100')).toBe(false);
    expect(rejecting.writer.seasonNotes.has('teams/100')).toBe(true);
  });
});

describe('failures and resume', () => {
  it('retries a dependency that is briefly down and ends with the exact counts', async () => {
    const { fetcher, writer, manager } = setup();
    fetcher.failNext = 2;
    writer.failNextBulk = 2;
    const final = await (await manager.start('all', {}, {})).done;
    expect(final.status).toBe('succeeded');
    expect(final.counters).toEqual({ ...(await uninterrupted('all')), upstreamCalls: final.counters.upstreamCalls });
  });

  it('waits for a spent SportMonks budget to resume without using up its attempts', async () => {
    const { fetcher, manager, log } = setup();
    fetcher.failNext = 4;
    fetcher.failure = () =>
      new DependencyError('sportmonks', 'SportMonks budget for Fixture is spent', { status: 503, transient: true, retryAt: Date.now() + 20 });
    const limited = new RunManager({ fetcher, writer: new FakeWriter(), log, settings: { ...settings, RATE_LIMIT_MAX_WAIT_MS: 60_000 } });
    const final = await (await limited.start('fixtures', { seasons: [101] }, {})).done;
    expect(final.status).toBe('succeeded');
    expect(final.counters.rateLimitWaitMs).toBeGreaterThanOrEqual(40);
    expect(log.lines.filter((l) => l.msg.includes('waiting until the dependency can serve again'))).toHaveLength(3);
    // Without the scheduled waits, four failures in a row exceed the three attempts.
    fetcher.failNext = 4;
    const failed = await (await manager.start('fixtures', { seasons: [101] }, {})).done;
    expect(failed.status).toBe('failed');
  });

  it('counts a page once when the writer committed it but the reply was lost', async () => {
    const { writer, manager } = setup();
    writer.commitThenFail = true;
    writer.failNextBulk = 1;
    const final = await (await manager.start('all', {}, {})).done;
    expect(final.status).toBe('succeeded');
    expect(final.counters).toEqual(await uninterrupted('all'));
  });

  it('fails with a clear error when the writer stays down, then resumes to the exact counts', async () => {
    const { fetcher, writer, manager } = setup({ writesInFlight: 1 });
    let bulks = 0;
    // Three transient failures in a row exhaust the policy's attempts.
    writer.beforeBulk = () => {
      bulks++;
      if (bulks >= 8 && bulks <= 10) {
        throw new DependencyError('database', 'connect ECONNREFUSED 127.0.0.1:8001', { status: null, requestId: 'req-w', transient: true });
      }
      return Promise.resolve();
    };
    const failed = await (await manager.start('all', {}, { requestId: 'req-9' })).done;
    expect(failed.status).toBe('failed');
    expect(failed.error).toMatch(/database unavailable after 3 attempts: connect ECONNREFUSED/);
    expect(failed.error).toMatch(new RegExp(`POST /sync/runs/${failed.id}/resume`));
    expect(failed.errorRequestId).toBe('req-w');
    expect(failed.counters.pages).toBe(7);

    const callsBefore = fetcher.calls.length;
    const resumed = await (await manager.resume(failed.id, {})).done;
    expect(resumed.status).toBe('succeeded');
    expect(resumed.error).toBeNull();
    const expected = await uninterrupted('all');
    // Resuming re-fetches only the page that was not committed.
    expect(resumed.counters).toEqual({ ...expected, upstreamCalls: resumed.counters.upstreamCalls });
    expect(fetcher.calls.length - callsBefore).toBe(expected.pages - 7);
    await expect(manager.resume(failed.id, {})).rejects.toBeInstanceOf(RunStateError);
  });

  it('cancels a run between pages and resumes it to the exact counts', async () => {
    const { writer, manager } = setup({ fixtures: 20 });
    const { run, done } = await manager.start('fixtures', {}, {});
    let writes = 0;
    // cancel() awaits the run's end, which awaits this bulk: don't block on it inside the hook.
    writer.beforeBulk = () => {
      if (++writes === 3) void manager.cancel(run.id, {});
      return Promise.resolve();
    };
    const cancelled = await done;
    expect(cancelled.status).toBe('cancelled');
    expect(cancelled.counters.pages).toBeGreaterThanOrEqual(3);
    expect(cancelled.counters.pages).toBeLessThan(14);
    writer.beforeBulk = () => Promise.resolve();
    const resumed = await (await manager.resume(run.id, {})).done;
    expect(resumed.status).toBe('succeeded');
    expect(resumed.counters).toEqual({ ...(await uninterrupted('fixtures', 20)), upstreamCalls: resumed.counters.upstreamCalls });
    expect(resumed.counters.created).toBe(40);
  });

  it('takes over a run a dead process left running once its heartbeat is stale', async () => {
    const first = setup();
    // A process that dies after five pages: its run stays `running` with that checkpoint.
    let writes = 0;
    let die!: () => void;
    const died = new Promise<void>((resolve) => (die = resolve));
    first.writer.beforeBulk = () => (++writes > 5 ? (die(), new Promise<void>(() => undefined)) : Promise.resolve());
    const { run } = await first.manager.start('all', {}, {});
    await died;
    const orphan = first.writer.runs.get(run.id) as SyncRun;
    expect(orphan.status).toBe('running');
    expect(orphan.counters.pages).toBe(5);

    // A new process over the same stores; the old heartbeat is 1 s old.
    const writer = first.writer;
    writer.beforeBulk = () => Promise.resolve();
    const later = Date.now() + 1000;
    const manager = new RunManager({ fetcher: first.fetcher, writer, log: silentLog, settings, now: () => later });
    orphan.heartbeatAt = new Date(Date.now()).toISOString();
    expect(await manager.recoverStale()).toEqual([run.id]);
    const final = await manager.wait(run.id);
    expect(final?.status).toBe('succeeded');
    expect(final?.counters).toEqual({ ...(await uninterrupted('all')), upstreamCalls: final?.counters.upstreamCalls });
    // A fresh heartbeat is not taken over.
    const fresh = new RunManager({ fetcher: first.fetcher, writer, log: silentLog, settings });
    const live = await writer.createRun({ entity: 'states', mode: 'full', scope: {}, scopeKey: 'k' });
    expect(await fresh.recoverStale()).toEqual([]);
    expect(writer.runs.get(live.id)?.status).toBe('running');
  });

  it('lets only one of two processes take over the same stale run', async () => {
    const { fetcher, writer } = setup();
    const orphan = await writer.createRun({ entity: 'states', mode: 'full', scope: {}, scopeKey: 'states|full' });
    // Its process died a second ago.
    (writer.runs.get(orphan.id) as SyncRun).heartbeatAt = new Date(Date.now() - 1000).toISOString();
    // Both sweeps read the run before either claims it.
    const listRuns = writer.listRuns.bind(writer);
    let bothReadIt!: () => void;
    const bothRead = new Promise<void>((resolve) => (bothReadIt = resolve));
    let reads = 0;
    writer.listRuns = async (filter) => {
      const page = await listRuns(filter);
      if (++reads === 2) bothReadIt();
      await bothRead;
      return page;
    };
    const a = new RunManager({ fetcher, writer, log: silentLog, settings });
    const b = new RunManager({ fetcher, writer, log: silentLog, settings });
    const [byA, byB] = await Promise.all([a.recoverStale(), b.recoverStale()]);
    expect([...byA, ...byB]).toEqual([orphan.id]);
    const final = await (byA.length > 0 ? a : b).wait(orphan.id);
    expect(final?.status).toBe('succeeded');
  });
});

describe('run control', () => {
  /** A run held at its first page until `release` is called. */
  async function heldRun(opts: Parameters<typeof setup>[0] = {}) {
    const ctx = setup(opts);
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    ctx.fetcher.beforePage = () => gate;
    const launched = await ctx.manager.start('fixtures', { seasons: [101] }, {});
    return { ...ctx, ...launched, release };
  }

  it('refuses to resume a run that does not exist, that succeeded, or that runs fresh elsewhere', async () => {
    const { writer, manager } = setup();
    await expect(manager.resume(404, {})).rejects.toBeInstanceOf(RunNotFoundError);
    const done = await (await manager.start('states', {}, {})).done;
    await expect(manager.resume(done.id, {})).rejects.toThrow(/already succeeded/);
    const elsewhere = await writer.createRun({ entity: 'teams', mode: 'full', scope: {}, scopeKey: 'teams|elsewhere' });
    await expect(manager.resume(elsewhere.id, {})).rejects.toThrow(/running in another process/);
    await expect(manager.cancel(404, {})).rejects.toBeInstanceOf(RunNotFoundError);
    await expect(manager.cancel(done.id, {})).rejects.toThrow(/already ended \(succeeded\)/);
  });

  it('cancels a run another process runs by its status, and that process stops at its next heartbeat', async () => {
    const { run, done, writer, release, log } = await heldRun();
    const other = new RunManager({ fetcher: new FakeFetcher(world()), writer, log: silentLog, settings });
    const cancelled = await other.cancel(run.id, {});
    expect(cancelled.status).toBe('cancelled');
    await expect.poll(() => log.lines.some((l) => l.msg === 'run stopped from elsewhere')).toBe(true);
    release();
    expect((await done).status).toBe('cancelled');
  });

  it('on close stops its runs without marking them, so the next process resumes them; then refuses new ones', async () => {
    const { run, done, manager, writer, release } = await heldRun();
    const closing = manager.close();
    release();
    await closing;
    expect((await done).status).toBe('running');
    expect(writer.runs.get(run.id)?.status).toBe('running');
    await expect(manager.start('states', {}, {})).rejects.toThrow(/shutting down/);
    await expect(manager.resume(run.id, {})).rejects.toThrow(/shutting down/);
  });

  it('sweeps for stale runs at once and then on its interval, and a failed sweep only warns', async () => {
    const { fetcher, writer, log } = setup();
    const orphan = await writer.createRun({ entity: 'states', mode: 'full', scope: {}, scopeKey: 'states|orphan' });
    (writer.runs.get(orphan.id) as SyncRun).heartbeatAt = new Date(Date.now() - 1000).toISOString();
    const listRuns = writer.listRuns.bind(writer);
    let sweeps = 0;
    writer.listRuns = (filter) => (++sweeps === 2 ? Promise.reject(new Error('writer unreachable')) : listRuns(filter));
    const manager = new RunManager({ fetcher, writer, log, settings });
    manager.startRecovery(20);
    await expect.poll(() => writer.runs.get(orphan.id)?.status).toBe('succeeded');
    await expect.poll(() => log.lines.some((l) => l.msg === 'stale-run sweep failed')).toBe(true);
    await manager.close();
    const after = sweeps;
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(sweeps).toBe(after);
  });

  it('logs a run it could not record as finished, and leaves it for the next sweep', async () => {
    const { writer, manager, log } = setup();
    const patchRun = writer.patchRun.bind(writer);
    writer.patchRun = (id: number, patch: SyncRunPatch) =>
      patch.status === 'succeeded' ? Promise.reject(new DependencyError('database', 'connect ECONNREFUSED', { transient: true })) : patchRun(id, patch);
    const final = await (await manager.start('states', {}, {})).done;
    expect(final.counters.fetched).toBe(5);
    expect(writer.runs.get(final.id)?.status).toBe('running');
    expect(log.lines.some((l) => l.msg === 'could not record the run state' && l.level === 'error')).toBe(true);
  });
});

describe('seasons to read', () => {
  it('all seasons: reads a season whose record came malformed too, so its rows are quarantined rather than silently missing', async () => {
    const { fetcher, manager } = setup({ reject: [100] });
    const final = await (await manager.start('fixtures', { allSeasons: true }, {})).done;
    expect(final.status).toBe('succeeded');
    expect(fetcher.calls.filter((c) => c.entity === 'fixtures' && c.query.cursor === undefined).map((c) => c.query.seasons).sort()).toEqual(['100', '101', '200', '201']);
  });
});

describe('people named by match detail', () => {
  it('fetches by id, after every other step has landed, only the players and referees the detail named that nothing described', async () => {
    const { data, fetcher, writer, manager } = setup();
    const seasonReferee = data.referees?.find((r) => r.seasonId === 101)?.id ?? 0;
    // The last fixture of season 101 names two players no squad lists, its season's referee and one from elsewhere.
    const named = data.fixtures?.filter((f) => f.seasonId === 101).at(-1);
    if (!named) throw new Error('no fixture');
    Object.assign(named, {
      detail: {
        lineups: [{ id: 1, fixtureId: named.id, playerId: 7001 }],
        events: [{ id: 2, fixtureId: named.id, playerId: 7002, relatedPlayerId: 7001 }],
        referees: [{ id: 3, fixtureId: named.id, refereeId: seasonReferee }, { id: 4, fixtureId: named.id, refereeId: 9002 }],
      },
    });
    data.players = [{ id: 7001 }, { id: 7002 }, { id: 7003 }];
    data.referees?.push({ id: 9002 });
    // A slow writer: the look-up of the stubs must wait for the fixture pages to land.
    writer.beforeBulk = (entity) => new Promise((resolve) => setTimeout(resolve, entity === 'fixtures' ? 20 : 0));
    const final = await (await manager.start('all', {}, {})).done;
    expect(final.status).toBe('succeeded');

    const byId = fetcher.calls.filter((c) => c.query.ids !== undefined && (c.entity === 'players' || c.entity === 'referees'));
    expect(byId.map((c) => [c.entity, c.query.ids])).toEqual([
      ['players', '7001,7002'],
      ['referees', '9002'],
    ]);
    expect(ids(writer, 'players')).toEqual([7001, 7002]);
    expect(ids(writer, 'referees')).toContain(9002);
    expect(writer.bulkEntities.slice(-2)).toEqual(['players', 'referees']);
    // Counted like any other step's records (the season referees the fixture calls describe are nested records).
    const fetched = 5 + 2 + 4 + 2 * 2 + 2 * 4 + 2 * 10 + 2 * 1 + 2 * 4 + 2 * 1 + 3;
    expect(final.counters).toMatchObject({ fetched, created: fetched, updated: 0, quarantined: 0 });

    // Filled, they cost nothing the next time.
    fetcher.calls = [];
    const again = await (await manager.start('all', { force: true }, {})).done;
    expect(again.status).toBe('succeeded');
    expect(fetcher.calls.filter((c) => c.query.ids !== undefined && (c.entity === 'players' || c.entity === 'referees'))).toEqual([]);
  });

  it('plans no such step when the fixtures come without detail', async () => {
    const { fetcher, writer, manager } = setup();
    writer.stubIds = () => Promise.reject(new Error('not asked'));
    const final = await (await manager.start('fixtures', { mode: 'incremental', windowDays: 1, detail: false }, {})).done;
    expect(final.status).toBe('succeeded');
    expect(fetcher.calls.filter((c) => c.entity !== 'fixtures')).toEqual([]);
  });
});

describe('incremental', () => {
  it('polls the latest feed, sweeps the window around today and asks for deletions', async () => {
    const { fetcher, manager } = setup();
    const final = await (await manager.start('fixtures', { mode: 'incremental', windowDays: 1 }, {})).done;
    expect(final.status).toBe('succeeded');
    const firsts = fetcher.calls.filter((c) => c.query.cursor === undefined).map((c) => c.query);
    expect(firsts[0]).toEqual({ updated: 'latest', detail: true });
    const sweep = firsts.find((q) => q.from !== undefined && q.deleted === undefined);
    expect(sweep).toMatchObject({ detail: true });
    // Deletions need no detail.
    expect(firsts).toContainEqual({ deleted: true, from: sweep?.from, to: sweep?.to });
  });

  it('asks for no match detail when the scope turns it off, and keys that run apart', async () => {
    const { fetcher, manager } = setup();
    const run = await manager.start('fixtures', { mode: 'incremental', windowDays: 1, detail: false }, {});
    const final = await run.done;
    expect(final.status).toBe('succeeded');
    expect(fetcher.calls.filter((c) => c.query.detail !== undefined)).toEqual([]);
    expect(final.scope).toMatchObject({ detail: false });
  });

  it('re-fetches by id a stored fixture that is gone from the swept window: it was moved to another date', async () => {
    const { data, fetcher, writer, manager } = setup();
    const today = new Date().toISOString().slice(0, 10);
    const fixtures = data.fixtures ?? [];
    fixtures.forEach((f) => {
      f.stateId = 5;
      f.startingAt = '2020-01-01T15:00:00.000Z';
    });
    const moved = fixtures[11];
    if (!moved) throw new Error('no fixture');
    moved.startingAt = `${today}T15:00:00.000Z`;
    await (await manager.start('fixtures', { seasons: [101] }, {})).done;
    expect(writer.tables.get('fixtures')?.get(moved.id)).toContain(today);

    moved.startingAt = '2031-05-01T15:00:00.000Z';
    fetcher.calls = [];
    const final = await (await manager.start('fixtures', { mode: 'incremental' }, {})).done;
    expect(final.status).toBe('succeeded');
    expect(fetcher.calls.some((c) => c.query.ids === String(moved.id))).toBe(true);
    expect(writer.tables.get('fixtures')?.get(moved.id)).toContain('2031-05-01');
    expect(final.counters.updated).toBe(1);
  });

  it('re-fetches by id the stored fixtures that have not settled, wherever their date', async () => {
    const { data, fetcher, manager } = setup();
    const fixtures = data.fixtures ?? [];
    fixtures.forEach((f, i) => {
      f.stateId = i % 7 === 0 ? 10 : 5;
      f.startingAt = '2020-01-01T15:00:00.000Z';
    });
    const notStarted = fixtures[12];
    if (notStarted) notStarted.stateId = 1;
    // Which states are settled is read from the states table, with their flags.
    await (await manager.start('states', {}, {})).done;
    await (await manager.start('fixtures', { seasons: [101, 201] }, {})).done;
    const postponed = fixtures.filter((f) => f.stateId === 10 && (f.seasonId === 101 || f.seasonId === 201)).map((f) => f.id);
    expect(postponed.length).toBeGreaterThan(0);

    fetcher.calls = [];
    const final = await (await manager.start('fixtures', { mode: 'incremental' }, {})).done;
    expect(final.status).toBe('succeeded');
    const byId = fetcher.calls.find((c) => c.query.ids !== undefined);
    expect(byId?.query.ids?.split(',').map(Number)).toEqual([...postponed, notStarted?.id ?? 0].sort((a, b) => a - b));
    expect(final.counters.unchanged).toBe(postponed.length + 1);
  });
  it('re-checks only the fixtures of the leagues the scope names', async () => {
    const { data, fetcher, manager } = setup();
    for (const f of data.fixtures ?? []) {
      f.stateId = 10;
      f.startingAt = '2020-01-01T15:00:00.000Z';
    }
    await (await manager.start('states', {}, {})).done;
    await (await manager.start('fixtures', { seasons: [101, 201] }, {})).done;
    fetcher.calls = [];
    const final = await (await manager.start('fixtures', { mode: 'incremental', leagues: [8] }, {})).done;
    expect(final.status).toBe('succeeded');
    const byId = fetcher.calls.find((c) => c.query.ids !== undefined);
    const league8 = (data.fixtures ?? []).filter((f) => f.seasonId === 101).map((f) => f.id);
    expect(byId?.query.ids?.split(',').map(Number)).toEqual(league8);
  });
});

describe('which stored fixtures count as not settled', () => {
  const state = (id: number, flags: { isLive?: boolean; isFinalState?: boolean; isNotStarted?: boolean }) =>
    ({ id, state: String(id), name: String(id), shortName: 'x', developerName: String(id), isFinalStandingState: false, isCancelled: false, isCompleted: false, isDeleted: false, isLive: false, isFinalState: false, isNotStarted: false, ...flags }) as FixtureState;
  const now = Date.parse('2026-03-01T12:00:00Z');

  it('asks for every state that is neither live nor final, the not-started ones only past their kick-off', () => {
    const queries = unsettledQueries(
      [state(1, { isNotStarted: true }), state(2, { isLive: true }), state(5, { isFinalState: true }), state(10, { isNotStarted: true }), state(11, {}), state(12, { isFinalState: true })],
      now,
    );
    expect(queries).toEqual([
      { state: 1, to: '2026-03-01T12:00:00.000Z', deleted: false },
      { state: 10, to: '2026-03-01T12:00:00.000Z', deleted: false },
      { state: 11, deleted: false },
    ]);
  });
});
