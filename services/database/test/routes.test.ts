import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BulkResult, Fixture } from '@insightxi/contracts';
import type { App } from '@insightxi/service-kit';
import { createTestDatabase, type TestDatabase } from '@insightxi/mysql';
import { AUTH, testApp } from './app-helpers.ts';
import { fixture, league, MIGRATIONS_DIR, REFERENCE, season, state, STATES, team, venue } from './helpers.ts';

let testDb: TestDatabase;
let app: App;

beforeAll(async () => {
  testDb = await createTestDatabase({ prefix: 'routes', migrationsDir: MIGRATIONS_DIR });
  app = await testApp(testDb.url, { chunkSize: 50 });
  await bulk('countries', { records: REFERENCE.countries });
  await bulk('types', { records: REFERENCE.types });
});
afterAll(async () => {
  await app.close();
  await testDb.drop();
});

async function call(method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, payload?: unknown) {
  const response = await app.inject({ method, url, headers: AUTH, ...(payload === undefined ? {} : { payload: payload as object }) });
  return { status: response.statusCode, body: response.body === '' ? null : response.json<Record<string, unknown>>() };
}

async function bulk(entity: string, payload: unknown): Promise<BulkResult> {
  const response = await call('POST', `/${entity}/bulk`, payload);
  expect(response.status).toBe(200);
  return response.body as unknown as BulkResult;
}

describe('auth and health', () => {
  it('needs the internal token everywhere but health', async () => {
    expect((await app.inject({ method: 'GET', url: '/leagues' })).statusCode).toBe(401);
    expect((await app.inject({ method: 'GET', url: '/leagues', headers: { authorization: 'Bearer wrong-token-0123456789' } })).statusCode).toBe(401);
    expect((await app.inject({ method: 'GET', url: '/health/ready' })).statusCode).toBe(200);
  });

  it('documents every route in the OpenAPI document', async () => {
    const response = await app.inject({ method: 'GET', url: '/docs/json' });
    expect(response.statusCode).toBe(200);
    const paths = Object.keys(response.json<{ paths: Record<string, unknown> }>().paths);
    expect(paths).toEqual(expect.arrayContaining(['/fixtures', '/fixtures/{id}', '/fixtures/bulk', '/standings/bulk', '/sync-runs', '/sync-runs/{id}', '/quarantine', '/quarantine/bulk']));
  });
});

describe('CRUD', () => {
  it('creates, reads, replaces and deletes with the right status codes and bodies', async () => {
    const created = await call('POST', '/leagues', league(8, 'Premier League'));
    expect(created).toEqual({ status: 201, body: league(8, 'Premier League') });
    expect((await call('POST', '/leagues', league(8))).status).toBe(409);
    expect(await call('GET', '/leagues/8')).toEqual({ status: 200, body: league(8, 'Premier League') });
    const missing = await call('GET', '/leagues/9');
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ statusCode: 404, error: 'Not Found', message: 'leagues 9 does not exist' });

    expect(await call('PUT', '/leagues/8', { ...league(8), name: 'EPL' })).toEqual({ status: 200, body: { ...league(8), name: 'EPL' } });
    expect((await call('PUT', '/leagues/9', league(9))).status).toBe(404);
    expect((await call('PUT', '/leagues/8', league(7))).status).toBe(422);
    expect((await call('POST', '/leagues', { ...league(10), name: '' })).status).toBe(400);

    const orphan = await call('POST', '/seasons', season(100, 999));
    expect(orphan.status).toBe(422);
    expect(orphan.body).toMatchObject({ message: 'league 999 does not exist' });
    expect((await call('POST', '/seasons', season(100, 8))).status).toBe(201);

    const referenced = await call('DELETE', '/leagues/8');
    expect(referenced.status).toBe(409);
    expect(await call('DELETE', '/seasons/100')).toEqual({ status: 204, body: null });
    expect((await call('DELETE', '/seasons/100')).status).toBe(404);
    expect((await call('GET', '/seasons/100')).status).toBe(404);
  });

  it('pages lists with limit and cursor', async () => {
    await bulk('venues', { records: [venue(1), venue(2), venue(3), venue(4), venue(5)] });
    const first = await call('GET', '/venues?limit=2');
    expect(first.body).toEqual({ items: [venue(1), venue(2)], next: '2' });
    const second = await call('GET', '/venues?limit=2&cursor=2');
    expect((second.body?.items as { id: number }[]).map((v) => v.id)).toEqual([3, 4]);
    const last = await call('GET', '/venues?limit=2&cursor=4');
    expect(last.body).toEqual({ items: [venue(5)], next: null });
  });
});

describe('fixtures', () => {
  const all: Fixture[] = [];

  beforeAll(async () => {
    await bulk('states', { records: Object.values(STATES) });
    await bulk('leagues', { records: [league(8), league(9)] });
    await bulk('seasons', { records: [season(100, 8), season(200, 9)] });
    await bulk('teams', { records: [team(1), team(2), team(3), team(4)] });
    for (let i = 0; i < 120; i++) {
      all.push(
        fixture({
          id: 5000 + i,
          leagueId: i % 2 === 0 ? 8 : 9,
          seasonId: i % 2 === 0 ? 100 : 200,
          home: (i % 4) + 1,
          away: ((i + 1) % 4) + 1,
          goals: i < 60 ? [i % 3, 1] : null,
          startingAt: new Date(Date.UTC(2024, 7, 1) + i * 86_400_000).toISOString(),
        }),
      );
    }
  });

  it('counts exactly over first load, changed reload and identical reload, in chunks', async () => {
    expect(await bulk('fixtures', { records: all })).toEqual({ created: 120, updated: 0, unchanged: 0, failed: [], duplicatePage: false });
    const changed = all.map((f, i) => (i % 10 === 0 ? { ...f, resultInfo: 'changed', scores: f.scores.map((s) => ({ ...s, goals: s.goals + 1 })) } : f));
    expect(await bulk('fixtures', { records: changed })).toEqual({ created: 0, updated: 12, unchanged: 108, failed: [], duplicatePage: false });
    expect(await bulk('fixtures', { records: changed })).toEqual({ created: 0, updated: 0, unchanged: 120, failed: [], duplicatePage: false });
    const stored = await call('GET', '/fixtures/5000');
    expect(stored.body).toEqual(changed[0]);
    await bulk('fixtures', { records: all });
  });

  it('filters by league, season, team, date range and state', async () => {
    const ids = async (query: string) => ((await call('GET', `/fixtures?limit=1000&${query}`)).body?.items as Fixture[]).map((f) => f.id);
    expect(await ids('season=100')).toEqual(all.filter((f) => f.seasonId === 100).map((f) => f.id));
    expect(await ids('league=9')).toEqual(all.filter((f) => f.leagueId === 9).map((f) => f.id));
    expect(await ids('team=3')).toEqual(all.filter((f) => f.homeTeamId === 3 || f.awayTeamId === 3).map((f) => f.id));
    expect(await ids(`state=${STATES.NS.id}`)).toEqual(all.slice(60).map((f) => f.id));
    expect(await ids('from=2024-08-03&to=2024-08-05')).toEqual([5002, 5003, 5004]);
    expect(await ids('from=2024-08-03T00:00:00Z&to=2024-08-05T00:00:00Z')).toEqual([5002, 5003]);
    expect(await ids('league=8&team=1&to=2024-08-10')).toEqual([5000, 5004, 5008]);
  });

  it('reports missing references per record and lands the rest', async () => {
    const result = await bulk('fixtures', {
      records: [
        fixture({ id: 6001, leagueId: 8, seasonId: 100, home: 1, away: 2 }),
        fixture({ id: 6002, leagueId: 8, seasonId: 555, home: 1, away: 2 }),
        fixture({ id: 6003, leagueId: 8, seasonId: 100, home: 1, away: 99, venueId: 77 }),
      ],
    });
    expect(result).toEqual({
      created: 1,
      updated: 0,
      unchanged: 0,
      failed: [
        { id: 6002, reason: 'season 555 does not exist' },
        { id: 6003, reason: 'venue 77 does not exist; team 99 does not exist' },
      ],
      duplicatePage: false,
    });
    expect((await call('GET', '/fixtures/6001')).status).toBe(200);
    expect((await call('GET', '/fixtures/6002')).status).toBe(404);
  });

  it('tombstones deleted fixtures and lists them apart', async () => {
    const target = all[119];
    if (!target) throw new Error('no fixture');
    expect((await bulk('fixtures', { records: [{ ...target, deleted: true }] })).updated).toBe(1);
    const tombstones = await call('GET', '/fixtures?deleted=true');
    expect((tombstones.body?.items as Fixture[]).map((f) => f.id)).toEqual([target.id]);
    expect((await call('GET', `/fixtures/${target.id}`)).body).toMatchObject({ deleted: true });
  });

  it('survives concurrent bulk calls on overlapping ids with exact totals', async () => {
    const batch = (from: number) =>
      Array.from({ length: 200 }, (_, i) => fixture({ id: 7000 + from + i, leagueId: 8, seasonId: 100, home: 1 + ((from + i) % 4), away: 1 + ((from + i + 2) % 4), goals: [1, 1] }));
    const calls = [0, 100, 50, 150, 0, 100].map((from) => app.inject({ method: 'POST', url: '/fixtures/bulk', headers: AUTH, payload: { records: batch(from) } }));
    const responses = await Promise.all(calls);
    expect(responses.map((r) => r.statusCode)).toEqual([200, 200, 200, 200, 200, 200]);
    const results = responses.map((r) => r.json<BulkResult>());
    const created = results.reduce((n, r) => n + r.created, 0);
    const unchanged = results.reduce((n, r) => n + r.unchanged, 0);
    expect(created).toBe(350);
    expect(unchanged).toBe(6 * 200 - 350);
    expect(results.every((r) => r.updated === 0 && r.failed.length === 0)).toBe(true);
  });

  it("lists the teams of a season's stored fixtures, tombstones left out, for the squads a sync reads", async () => {
    await bulk('seasons', { records: [season(300, 9, '2025/2026')] });
    await bulk('fixtures', {
      records: [
        fixture({ id: 9301, leagueId: 9, seasonId: 300, home: 2, away: 1 }),
        fixture({ id: 9302, leagueId: 9, seasonId: 300, home: 3, away: null }),
        { ...fixture({ id: 9303, leagueId: 9, seasonId: 300, home: 4, away: 1 }), deleted: true },
      ],
    });
    expect(await call('GET', '/seasons/300/teams')).toEqual({ status: 200, body: { items: [1, 2, 3] } });
    expect(await call('GET', '/seasons/999/teams')).toEqual({ status: 200, body: { items: [] } });
  });
});

describe('sync runs and pages', () => {
  const create = { entity: 'fixtures', mode: 'full', scope: { seasons: [100] }, scopeKey: 'fixtures:season=100' };

  it('lets one of two concurrent starts with the same scope win', async () => {
    const [a, b] = await Promise.all([call('POST', '/sync-runs', create), call('POST', '/sync-runs', create)]);
    expect([a.status, b.status].sort()).toEqual([201, 409]);
    const winner = a.status === 201 ? a : b;
    const loser = a.status === 201 ? b : a;
    expect(winner.body).toMatchObject({ status: 'running', scopeKey: create.scopeKey, cursor: null, finishedAt: null });
    expect(loser.body).toMatchObject({ statusCode: 409, activeRunId: winner.body?.id });

    const finished = await call('PATCH', `/sync-runs/${String(winner.body?.id)}`, { status: 'succeeded' });
    expect(finished.status).toBe(200);
    expect(finished.body?.finishedAt).not.toBeNull();
    const next = await call('POST', '/sync-runs', create);
    expect(next.status).toBe(201);
    // Resuming the finished run while another runs with its scope is refused.
    expect((await call('PATCH', `/sync-runs/${String(winner.body?.id)}`, { status: 'running' })).status).toBe(409);
    await call('PATCH', `/sync-runs/${String(next.body?.id)}`, { status: 'failed', error: 'boom' });
    const listed = await call('GET', '/sync-runs?entity=fixtures');
    expect((listed.body?.items as { id: number }[]).map((r) => r.id)).toEqual([next.body?.id, winner.body?.id]);
    const failed = await call('GET', '/sync-runs?status=failed');
    expect(failed.body?.items).toEqual([expect.objectContaining({ id: next.body?.id, error: 'boom' })]);
    expect((await call('GET', '/sync-runs/999999')).status).toBe(404);
    expect((await call('GET', '/sync-runs?cursor=abc')).status).toBe(422);
    expect((await call('PATCH', '/sync-runs/999999', { heartbeat: true })).status).toBe(404);
  });

  it('lets exactly one of two processes claim a stale run (compare-and-set on the heartbeat)', async () => {
    const run = await call('POST', '/sync-runs', { ...create, scopeKey: 'fixtures:claim-test' });
    const id = run.body?.id as number;
    const seen = run.body?.heartbeatAt as string;
    const first = await call('PATCH', `/sync-runs/${id}`, { heartbeat: true, ifHeartbeatAt: seen });
    expect(first.status).toBe(200);
    const second = await call('PATCH', `/sync-runs/${id}`, { heartbeat: true, ifHeartbeatAt: seen });
    expect(second.status).toBe(409);
    expect(second.body).toMatchObject({ activeRunId: id });
    expect((await call('PATCH', `/sync-runs/${id}`, { status: 'succeeded', ifHeartbeatAt: first.body?.heartbeatAt as string })).status).toBe(200);
  });

  it('commits a page, its quarantine and the checkpoint together, once per page key', async () => {
    const run = await call('POST', '/sync-runs', { ...create, scopeKey: 'fixtures:page-test' });
    const runId = run.body?.id as number;
    const counters = { pages: 1, fetched: 3, created: 0, updated: 0, unchanged: 0, quarantined: 1, upstreamCalls: 1, rateLimitWaitMs: 0 };
    const page = {
      records: [fixture({ id: 8001, leagueId: 8, seasonId: 100, home: 1, away: 2 }), fixture({ id: 8002, leagueId: 8, seasonId: 404, home: 1, away: 2 })],
      sync: {
        runId,
        pageKey: 'season=100/page=1',
        checkpoint: { cursor: 'page=2', add: counters },
        rejected: [{ entity: 'fixtures', sourceId: 8003, reason: 'starting_at missing', payload: { id: 8003 } }],
        seasonsCompleted: [100, 404],
      },
    };
    expect(await bulk('fixtures', page)).toEqual({ created: 1, updated: 0, unchanged: 0, failed: [{ id: 8002, reason: 'season 404 does not exist' }], duplicatePage: false });
    expect(await bulk('fixtures', page)).toEqual({ created: 0, updated: 0, unchanged: 0, failed: [], duplicatePage: true });

    // The checkpoint as sent plus the page's own results: 1 created, 1 more quarantined (season 404).
    const stored = await call('GET', `/sync-runs/${runId}`);
    expect(stored.body).toMatchObject({ cursor: 'page=2', counters: { ...counters, created: 1, quarantined: 2 } });
    // A page with a record that could not land does not note its seasons as completely read.
    expect((await call('GET', '/season-syncs?entity=fixtures')).body?.items).toEqual([]);
    const lastPage = { records: [fixture({ id: 8004, leagueId: 8, seasonId: 100, home: 2, away: 1 })], sync: { ...page.sync, pageKey: 'season=100/page=2', rejected: [] } };
    expect((await bulk('fixtures', lastPage)).created).toBe(1);
    // Season 404 is not stored: only season 100 is noted, and the note is not a failure.
    const seasonSyncs = await call('GET', '/season-syncs?entity=fixtures');
    expect(seasonSyncs.body?.items).toEqual([
      { seasonId: 100, entity: 'fixtures', runId, completedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) as unknown, seasonFinished: false, seasonEndingAt: '2025-05-25' },
    ]);
    expect((await call('GET', '/season-syncs?entity=standings')).body?.items).toEqual([]);
    expect((await call('GET', '/season-syncs?entity=nope')).status).toBe(400);
    const quarantined = await call('GET', `/quarantine?runId=${runId}`);
    expect((quarantined.body?.items as { sourceId: number; reason: string }[]).map((q) => [q.sourceId, q.reason])).toEqual([
      [8003, 'starting_at missing'],
      [8002, 'season 404 does not exist'],
    ]);

    const unknownRun = await call('POST', '/fixtures/bulk', { ...page, sync: { ...page.sync, runId: 999999 } });
    expect(unknownRun.status).toBe(404);
  });

  it('lands the pages of a run in the order of their cursors, even when the later one is sent first', async () => {
    const run = await call('POST', '/sync-runs', { ...create, scopeKey: 'fixtures:order-test' });
    const runId = run.body?.id as number;
    const add = { pages: 1, fetched: 1, created: 0, updated: 0, unchanged: 0, quarantined: 0, upstreamCalls: 1, rateLimitWaitMs: 5 };
    const page = (id: number, after: string | null, cursor: string) => ({
      records: [fixture({ id, leagueId: 8, seasonId: 100, home: 1, away: 2 })],
      sync: { runId, pageKey: cursor, after, checkpoint: { cursor, add } },
    });
    const [second, first] = await Promise.all([bulk('fixtures', page(8102, 'p1', 'p2')), bulk('fixtures', page(8101, null, 'p1'))]);
    expect([first.created, second.created]).toEqual([1, 1]);
    const stored = await call('GET', `/sync-runs/${runId}`);
    // Out of order, the stored cursor would be p1 and a resume would start again at the second page.
    expect(stored.body).toMatchObject({ cursor: 'p2', counters: { pages: 2, fetched: 2, created: 2, upstreamCalls: 2, rateLimitWaitMs: 10 } });
  });

  it('stores and lists quarantined records by run and entity', async () => {
    const run = await call('POST', '/sync-runs', { ...create, entity: 'teams', scopeKey: 'teams:all' });
    const runId = run.body?.id as number;
    const stored = await call('POST', '/quarantine/bulk', {
      runId,
      records: [
        { entity: 'teams', sourceId: 1, reason: 'no name', payload: { id: 1 } },
        { entity: 'teams', sourceId: null, reason: 'no id', payload: null },
      ],
    });
    expect(stored).toEqual({ status: 200, body: { quarantined: 2 } });
    const listed = await call('GET', `/quarantine?runId=${runId}&entity=teams`);
    expect(listed.body?.items).toEqual([
      expect.objectContaining({ runId, entity: 'teams', sourceId: 1, reason: 'no name', payload: { id: 1 } }),
      expect.objectContaining({ runId, entity: 'teams', sourceId: null, reason: 'no id', payload: null }),
    ]);
    expect((await call('GET', '/quarantine?entity=standings')).body?.items).toEqual([]);
    expect((await call('POST', '/quarantine/bulk', { runId: 999999, records: [{ entity: 'teams', sourceId: 1, reason: 'x', payload: {} }] })).status).toBe(404);
  });
});

describe('values that do not fit a column', () => {
  it('refuses ids past the INT range and impossible dates with 400, before the database', async () => {
    expect((await call('GET', '/fixtures/2147483648')).status).toBe(400);
    expect((await call('DELETE', '/teams/99999999999999999999')).status).toBe(400);
    expect((await call('GET', '/fixtures?league=2147483648')).status).toBe(400);
    expect((await call('POST', '/states', state(2_147_483_648, 'XX'))).status).toBe(400);
    expect((await call('GET', '/fixtures?from=2024-02-30')).status).toBe(400);
    expect((await call('GET', '/fixtures?from=2024-13-45')).status).toBe(400);
    expect((await call('POST', '/seasons/bulk', { records: [{ ...season(300, 8), startingAt: '2024-02-30' }] })).status).toBe(400);
  });

  it('answers 422 to a string longer than its column and stores nothing', async () => {
    const tooLong = await call('POST', '/states', state(900, 'X'.repeat(100_000)));
    expect(tooLong.status).toBe(422);
    expect(tooLong.body).toMatchObject({ statusCode: 422, error: 'Unprocessable Entity' });
    expect((await call('GET', '/states/900')).status).toBe(404);
  });

  it('stores a failure report even when its text is longer than the column, cut to fit', async () => {
    const run = await call('POST', '/sync-runs', { entity: 'teams', mode: 'full', scope: {}, scopeKey: 'teams:long-error' });
    const failed = await call('PATCH', `/sync-runs/${String(run.body?.id)}`, { status: 'failed', error: 'E'.repeat(100_000), errorRequestId: 'r'.repeat(500) });
    expect(failed.status).toBe(200);
    expect((failed.body?.error as string).length).toBe(16_000);
    expect((failed.body?.errorRequestId as string).length).toBe(191);
    expect((await call('PATCH', `/sync-runs/${String(run.body?.id)}`, { cursor: 'c'.repeat(16_001) })).status).toBe(400);
  });
});
