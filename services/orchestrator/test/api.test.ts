import { afterEach, describe, expect, it } from 'vitest';
import { readConfig } from '../src/config.ts';
import { buildApp, type Orchestrator } from '../src/app.ts';
import { FakeFetcher, FakeWriter, world } from './fakes.ts';

const TOKEN = 'operator-secret-token';
const auth = { authorization: `Bearer ${TOKEN}` };
let current: Orchestrator | null = null;

async function setup() {
  const fetcher = new FakeFetcher(world(10), 3);
  const writer = new FakeWriter();
  const config = readConfig({ OPERATOR_TOKEN: TOKEN, INTERNAL_TOKEN: 'internal', LOG_LEVEL: 'silent', RETRY_ATTEMPTS: '2', RETRY_INITIAL_DELAY_MS: '1', HEARTBEAT_MS: '50' });
  current = await buildApp(config, { fetcher, writer });
  return { ...current, fetcher, writer };
}

afterEach(async () => {
  await current?.app.close();
  current = null;
});

describe('POST /sync/:entity', () => {
  it('needs the operator token', async () => {
    const { app, writer } = await setup();
    const none = await app.inject({ method: 'POST', url: '/sync/fixtures' });
    expect(none.statusCode).toBe(401);
    const wrong = await app.inject({ method: 'POST', url: '/sync/fixtures', headers: { authorization: 'Bearer nope' } });
    expect(wrong.statusCode).toBe(401);
    expect(writer.runs.size).toBe(0);
  });

  it('accepts a run with 202, a Location and the run id, and the run completes', async () => {
    const { app, runs, writer } = await setup();
    const res = await app.inject({ method: 'POST', url: '/sync/fixtures?leagues=8&seasons=101', headers: auth });
    expect(res.statusCode).toBe(202);
    const body = res.json<{ runId: number; status: string; links: { self: string } }>();
    expect(body).toEqual({ runId: 1, status: 'running', links: { self: '/sync/runs/1' } });
    expect(res.headers.location).toBe('/sync/runs/1');
    expect(writer.runs.get(1)?.scope).toEqual({ mode: 'full', leagues: [8], seasons: [101] });
    await runs.wait(1);
    const summary = await app.inject({ method: 'GET', url: '/sync/runs/1', headers: auth });
    expect(summary.statusCode).toBe(200);
    expect(summary.json()).toMatchObject({
      runId: 1,
      entity: 'fixtures',
      status: 'succeeded',
      percentDone: 100,
      counters: { fetched: 10, created: 10, pages: 4 },
      steps: { done: 1, total: 1 },
      error: null,
    });
  });

  it('with ?wait=true replies with the final summary; the body scope wins over the query', async () => {
    const { app } = await setup();
    const res = await app.inject({ method: 'POST', url: '/sync/standings?wait=true&seasons=201', headers: auth, payload: { seasons: [101] } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'succeeded', scope: { seasons: [101] }, counters: { fetched: 4, created: 4 }, error: null });
  });

  it('answers 409 naming the active run for a second identical request', async () => {
    const { app, fetcher, runs } = await setup();
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    fetcher.beforePage = () => gate;
    const [a, b] = await Promise.all([
      app.inject({ method: 'POST', url: '/sync/teams', headers: auth, payload: { seasons: [101] } }),
      app.inject({ method: 'POST', url: '/sync/teams', headers: auth, payload: { seasons: [101] } }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([202, 409]);
    const accepted = (a.statusCode === 202 ? a : b).json<{ runId: number }>();
    const conflict = (a.statusCode === 409 ? a : b).json<{ activeRunId: number; message: string; links: { active: string } }>();
    expect(conflict.activeRunId).toBe(accepted.runId);
    expect(conflict.message).toContain(`run ${accepted.runId}`);
    expect(conflict.links.active).toBe(`/sync/runs/${accepted.runId}`);
    release();
    await runs.wait(accepted.runId);
  });

  it('rejects a bad scope with 400', async () => {
    const { app, writer } = await setup();
    const res = await app.inject({ method: 'POST', url: '/sync/teams?from=2025-01-01&to=2025-02-01', headers: auth });
    expect(res.statusCode).toBe(400);
    expect(res.json<{ message: string }>().message).toMatch(/from\/to only apply to fixtures/);
    const unknown = await app.inject({ method: 'POST', url: '/sync/players', headers: auth });
    expect(unknown.statusCode).toBe(400);
    expect(writer.runs.size).toBe(0);
  });
});

describe('run control', () => {
  it('cancels a running run, resumes it, and lists runs newest first with filters', async () => {
    const { app, fetcher, runs } = await setup();
    let release!: () => void;
    let gate = new Promise<void>((resolve) => (release = resolve));
    fetcher.beforePage = () => gate;
    const started = await app.inject({ method: 'POST', url: '/sync/fixtures', headers: auth });
    const { runId } = started.json<{ runId: number }>();

    const cancelPromise = app.inject({ method: 'POST', url: `/sync/runs/${runId}/cancel`, headers: auth });
    release();
    const cancelled = await cancelPromise;
    expect(cancelled.statusCode).toBe(200);
    expect(cancelled.json()).toMatchObject({ runId, status: 'cancelled' });

    gate = Promise.resolve();
    const resumed = await app.inject({ method: 'POST', url: `/sync/runs/${runId}/resume`, headers: auth });
    expect(resumed.statusCode).toBe(202);
    expect(resumed.headers.location).toBe(`/sync/runs/${runId}`);
    const final = await runs.wait(runId);
    expect(final).toMatchObject({ status: 'succeeded', counters: { fetched: 20, created: 20 } });

    const again = await app.inject({ method: 'POST', url: `/sync/runs/${runId}/resume`, headers: auth });
    expect(again.statusCode).toBe(409);
    const cancelDone = await app.inject({ method: 'POST', url: `/sync/runs/${runId}/cancel`, headers: auth });
    expect(cancelDone.statusCode).toBe(409);

    await app.inject({ method: 'POST', url: '/sync/states?wait=true', headers: auth });
    const list = await app.inject({ method: 'GET', url: '/sync/runs', headers: auth });
    expect(list.json<{ items: { runId: number }[] }>().items.map((r) => r.runId)).toEqual([2, 1]);
    const filtered = await app.inject({ method: 'GET', url: '/sync/runs?entity=states&status=succeeded', headers: auth });
    expect(filtered.json<{ items: { entity: string }[] }>().items.map((r) => r.entity)).toEqual(['states']);
    const missing = await app.inject({ method: 'GET', url: '/sync/runs/99', headers: auth });
    expect(missing.statusCode).toBe(404);
  });

  it('reports the live poller', async () => {
    const { app } = await setup();
    const res = await app.inject({ method: 'GET', url: '/sync/live', headers: auth });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ enabled: false, matchesOn: false, polls: 0, gaps: [] });
    expect((await app.inject({ method: 'GET', url: '/sync/live' })).statusCode).toBe(401);
  });

  it('serves the OpenAPI document with the sync routes', async () => {
    const { app } = await setup();
    const res = await app.inject({ method: 'GET', url: '/docs/json' });
    expect(res.statusCode).toBe(200);
    expect(Object.keys(res.json<{ paths: Record<string, unknown> }>().paths)).toEqual(
      expect.arrayContaining(['/sync/{entity}', '/sync/runs', '/sync/runs/{id}', '/sync/runs/{id}/cancel', '/sync/runs/{id}/resume']),
    );
  });
});
