import { afterEach, describe, expect, it } from 'vitest';
import { Type } from '@sinclair/typebox';
import { buildService, Counter, Gauge, type App } from '@insightxi/service-kit';

const apps: App[] = [];
afterEach(async () => {
  await Promise.all(apps.splice(0).map((app) => app.close()));
});

async function app(name = 'metrics-test', internalToken?: string): Promise<App> {
  const service = await buildService({ name, logger: { level: 'silent' }, ...(internalToken ? { internalTokens: [internalToken] } : {}) });
  service.get('/teams/:id', { schema: { params: Type.Object({ id: Type.Integer() }) } }, (request) => ({ id: request.params.id }));
  apps.push(service);
  return service;
}

/** The value of one sample line, e.g. `http_requests_total{method="GET",route="/teams/:id",...}`. */
function sample(text: string, name: string, labels: Record<string, string>): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${name}{`) && Object.entries(labels).every(([k, v]) => l.includes(`${k}="${v}"`)));
  return line === undefined ? undefined : Number(line.slice(line.lastIndexOf(' ') + 1));
}

describe('GET /metrics', () => {
  it('counts requests by route pattern and status code, not by raw URL', async () => {
    const service = await app();
    for (const id of [1, 2, 3]) await service.inject({ url: `/teams/${id}` });
    await service.inject({ url: '/teams/abc' });
    await service.inject({ url: '/no/such/route' });

    const res = await service.inject({ url: '/metrics' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/plain; version=0.0.4');
    const text = res.body;
    expect(sample(text, 'http_requests_total', { route: '/teams/:id', status_code: '200', method: 'GET', service: 'metrics-test' })).toBe(3);
    expect(sample(text, 'http_requests_total', { route: '/teams/:id', status_code: '400' })).toBe(1);
    expect(sample(text, 'http_requests_total', { route: 'unmatched', status_code: '404' })).toBe(1);
    expect(text).not.toContain('/teams/1');
    expect(sample(text, 'http_request_duration_seconds_count', { route: '/teams/:id', status_code: '200' })).toBe(3);
    expect(sample(text, 'http_request_duration_seconds_bucket', { route: '/teams/:id', status_code: '200', le: '+Inf' })).toBe(3);
    expect(text).toMatch(/^process_cpu_user_seconds_total\{service="metrics-test"\} /m);
    expect(text).toMatch(/^nodejs_eventloop_lag_seconds\{service="metrics-test"\} /m);
  });

  it('serves the metrics a service registers in app.metrics, each app its own', async () => {
    const first = await app('first');
    const second = await app('second');
    // The same metric name in two apps of one process: a shared global registry would throw here.
    const [firstRuns] = [first, second].map(
      (service) => new Counter({ name: 'sync_runs_total', help: 'runs by status', labelNames: ['status'], registers: [service.metrics] }),
    );
    firstRuns?.inc({ status: 'succeeded' }, 2);
    let budget = 2999;
    new Gauge({
      name: 'budget_remaining',
      help: 'calls left',
      registers: [first.metrics],
      collect() {
        this.set(budget);
      },
    });
    budget = 1500;

    const firstText = (await first.inject({ url: '/metrics' })).body;
    expect(sample(firstText, 'sync_runs_total', { status: 'succeeded' })).toBe(2);
    expect(sample(firstText, 'budget_remaining', { service: 'first' })).toBe(1500);
    const secondText = (await second.inject({ url: '/metrics' })).body;
    expect(secondText).toContain('# TYPE sync_runs_total counter');
    expect(sample(secondText, 'sync_runs_total', { status: 'succeeded' })).toBeUndefined();
    expect(secondText).not.toContain('budget_remaining');
  });

  it('stays open without the internal token, like /health, while other routes need it', async () => {
    const service = await app('auth-metrics', 'internal-secret');
    expect((await service.inject({ url: '/teams/1' })).statusCode).toBe(401);
    const res = await service.inject({ url: '/metrics' });
    expect(res.statusCode).toBe(200);
    expect(sample(res.body, 'http_requests_total', { route: '/teams/:id', status_code: '401' })).toBe(1);
    expect(res.body).not.toContain('internal-secret');
  });

  it('is left out of the OpenAPI document', async () => {
    const service = await app();
    const doc = (await service.inject({ url: '/docs/json' })).json<{ paths: Record<string, unknown> }>();
    expect(Object.keys(doc.paths)).toContain('/teams/{id}');
    expect(Object.keys(doc.paths)).not.toContain('/metrics');
  });
});
