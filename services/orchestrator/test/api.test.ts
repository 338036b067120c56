import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { readConfig } from '../src/config.ts';
import type { App } from '@insightxi/service-kit';
import { buildApp, type AppOverrides } from '../src/app.ts';
import { FakeFetcher, FakeWriter, world } from './fakes.ts';

const TOKEN = 'operator-secret-token';
const auth = { authorization: `Bearer ${TOKEN}` };
let current: App | null = null;

async function setup(overrides: Pick<AppOverrides, 'limits'> = {}) {
  const fetcher = new FakeFetcher(world(10), 3);
  const writer = new FakeWriter();
  const config = readConfig({ OPERATOR_TOKEN: TOKEN, INTERNAL_TOKEN: 'internal-token-0123', LOG_LEVEL: 'silent', RETRY_ATTEMPTS: '2', RETRY_INITIAL_DELAY_MS: '1', HEARTBEAT_MS: '50' });
  current = await buildApp(config, { fetcher, writer, ...overrides });
  return { app: current, runs: current.runs, fetcher, writer };
}

/** A stand-in fetcher on a local port answering every call with `answer`; the app it is built into writes to a FakeWriter. */
async function withStubFetcher(answer: (req: IncomingMessage, res: ServerResponse) => void, env: Record<string, string>, test: (app: App) => Promise<void>) {
  const stubFetcher = createServer(answer);
  await new Promise<void>((resolve) => stubFetcher.listen(0, '127.0.0.1', resolve));
  try {
    const url = `http://127.0.0.1:${(stubFetcher.address() as AddressInfo).port}`;
    current = await buildApp(readConfig({ OPERATOR_TOKEN: TOKEN, INTERNAL_TOKEN: 'internal-token-0123', LOG_LEVEL: 'silent', SPORTMONKS_SERVICE_URL: url, ...env }), { writer: new FakeWriter() });
    await test(current);
  } finally {
    stubFetcher.close();
  }
}

afterEach(async () => {
  await current?.close();
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
      // The season's fixtures, then the players and referees their detail named (none here).
      steps: { done: 3, total: 3 },
      error: null,
    });
  });

  it('with ?wait=true replies with the final summary; the body scope wins over the query', async () => {
    const { app } = await setup();
    const res = await app.inject({ method: 'POST', url: '/sync/standings?wait=true&seasons=201', headers: auth, payload: { seasons: [101] } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'succeeded', scope: { seasons: [101] }, counters: { fetched: 4, created: 4 }, error: null });
  });

  it('with ?wait=true keeps the connection open past the connection timeout until the run ends', async () => {
    const { app, fetcher } = await setup({ limits: { connectionTimeout: 200 } });
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    fetcher.beforePage = () => gate;
    const address = await app.listen({ port: 0, host: '127.0.0.1' });
    const pending = fetch(`${address}/sync/standings?wait=true&seasons=101`, { method: 'POST', headers: auth });
    await new Promise((resolve) => setTimeout(resolve, 600));
    release();
    const res = await pending;
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'succeeded', counters: { created: 4 } });
  });

  it('fails the run at once when SportMonks refuses the token (fetcher 502 naming an upstream 401)', async () => {
    let calls = 0;
    const refuse = (_req: IncomingMessage, res: ServerResponse) => {
      calls++;
      res.writeHead(502, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ statusCode: 502, error: 'Bad Gateway', message: 'SportMonks refused the API token (401); check SPORTMONKS_API_TOKEN', requestId: 'r', upstreamStatus: 401 }));
    };
    await withStubFetcher(refuse, { RETRY_ATTEMPTS: '4', RETRY_INITIAL_DELAY_MS: '1' }, async (app) => {
      const res = await app.inject({ method: 'POST', url: '/sync/states?wait=true', headers: auth });
      const summary = res.json<{ status: string; error: { message: string } }>();
      expect(summary.status).toBe('failed');
      expect(summary.error.message).toContain('SportMonks refused the API token (401)');
      expect(summary.error.message).not.toMatch(/unavailable after/);
      // One page call: a refusal is not retried.
      expect(calls).toBe(1);
    });
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
    const unknown = await app.inject({ method: 'POST', url: '/sync/planets', headers: auth });
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
    const cancelAgain = await app.inject({ method: 'POST', url: `/sync/runs/${runId}/cancel`, headers: auth });
    expect(cancelAgain.statusCode).toBe(409);
    expect(cancelAgain.json<{ message: string }>().message).toBe(`run ${runId} has already ended (cancelled)`);

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

  it('counts runs, records and the rate-limit wait in GET /metrics', async () => {
    const { app, runs, fetcher } = await setup();
    const serve = fetcher.fetchPage.bind(fetcher);
    // Each page says the fetcher waited half a second for the SportMonks budget.
    fetcher.fetchPage = async (entity, query, ctx) => {
      const page = await serve(entity, query, ctx);
      return { ...page, upstream: { ...page.upstream, waitedMs: 500 } };
    };
    const started = await app.inject({ method: 'POST', url: '/sync/fixtures?leagues=8&seasons=101', headers: auth });
    await runs.wait(started.json<{ runId: number }>().runId);
    const text = (await app.inject({ method: 'GET', url: '/metrics' })).body;
    const value = (name: string, labels: Record<string, string>) =>
      text
        .split('\n')
        .filter((line) => line.startsWith(`${name}{`) && Object.entries(labels).every(([k, v]) => line.includes(`${k}="${v}"`)))
        .reduce((sum, line) => sum + Number(line.split(' ').at(-1)), 0);
    expect(value('orchestrator_runs_total', { entity: 'fixtures', status: 'succeeded' })).toBe(1);
    expect(value('orchestrator_records_total', { entity: 'fixtures', outcome: 'fetched' })).toBe(10);
    expect(value('orchestrator_records_total', { entity: 'fixtures', outcome: 'created' })).toBe(10);
    expect(value('orchestrator_records_total', { entity: 'fixtures', outcome: 'updated' })).toBe(0);
    expect(value('orchestrator_rate_limit_wait_seconds_total', { entity: 'fixtures' })).toBe(2);
    // The stalled-poller alarm's figure: 0 while the poller is off or no match is on.
    expect(text).toMatch(/^orchestrator_live_poll_age_seconds\{service="orchestrator"\} 0$/m);
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

describe('token rotation', () => {
  const OLD = 'operator-token-being-replaced';

  it('accepts the previous operator token while OPERATOR_TOKEN_PREVIOUS names it, and refuses it once it is unset', async () => {
    const rotating = await buildApp(readConfig({ OPERATOR_TOKEN: TOKEN, OPERATOR_TOKEN_PREVIOUS: OLD, INTERNAL_TOKEN: 'internal-token-0123', LOG_LEVEL: 'silent' }), {
      fetcher: new FakeFetcher(world(1)),
      writer: new FakeWriter(),
    });
    try {
      expect((await rotating.inject({ method: 'GET', url: '/sync/runs', headers: { authorization: `Bearer ${OLD}` } })).statusCode).toBe(200);
      expect((await rotating.inject({ method: 'GET', url: '/sync/runs', headers: auth })).statusCode).toBe(200);
    } finally {
      await rotating.close();
    }
    const { app } = await setup();
    expect((await app.inject({ method: 'GET', url: '/sync/runs', headers: { authorization: `Bearer ${OLD}` } })).statusCode).toBe(401);
  });

  it('sends the fetcher the current internal token, never the previous one', async () => {
    const seen: (string | undefined)[] = [];
    const emptyPage = (req: IncomingMessage, res: ServerResponse) => {
      seen.push(req.headers.authorization);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ data: [], rejected: [], next: null, upstream: { calls: 1, rateLimitRemaining: 10, resetsInSeconds: 60, waitedMs: 0 } }));
    };
    await withStubFetcher(emptyPage, { INTERNAL_TOKEN: 'internal-token-current', INTERNAL_TOKEN_PREVIOUS: 'internal-token-previous' }, async (app) => {
      const res = await app.inject({ method: 'POST', url: '/sync/states?wait=true', headers: auth });
      expect(res.json()).toMatchObject({ status: 'succeeded' });
      expect(seen.length).toBeGreaterThan(0);
      expect(new Set(seen)).toEqual(new Set(['Bearer internal-token-current']));
    });
  });
});
