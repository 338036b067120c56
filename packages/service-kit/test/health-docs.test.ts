import { afterEach, describe, expect, it } from 'vitest';
import { Type } from '@sinclair/typebox';
import { buildService, errorResponses, HttpError, type App, type RoutePlugin } from '@insightxi/service-kit';

const apps: App[] = [];
afterEach(async () => {
  await Promise.all(apps.splice(0).map((app) => app.close()));
});

describe('health', () => {
  it('is ready when every check passes, and names the failing one with 503 when not', async () => {
    let mysqlUp = true;
    const app = await buildService({
      name: 'health-test',
      logger: { level: 'silent' },
      readiness: {
        mysql: () => (mysqlUp ? Promise.resolve() : Promise.reject(new Error('connect ECONNREFUSED 127.0.0.1:3306'))),
        redis: () => Promise.resolve('PONG'),
      },
    });
    apps.push(app);
    const ready = await app.inject({ url: '/health/ready' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({ status: 'ok', checks: { mysql: { ok: true }, redis: { ok: true } } });

    mysqlUp = false;
    const notReady = await app.inject({ url: '/health/ready' });
    expect(notReady.statusCode).toBe(503);
    expect(notReady.json()).toEqual({
      status: 'unavailable',
      checks: { mysql: { ok: false, message: 'connect ECONNREFUSED 127.0.0.1:3306' }, redis: { ok: true } },
    });
    expect((await app.inject({ url: '/health/live' })).json()).toEqual({ status: 'ok' });

    mysqlUp = true;
    expect((await app.inject({ url: '/health/ready' })).statusCode).toBe(200);
  });

  it('fails a check that hangs after the readiness timeout', async () => {
    const app = await buildService({
      name: 'health-test',
      logger: { level: 'silent' },
      readinessTimeoutMs: 50,
      readiness: { downstream: () => new Promise(() => undefined) },
    });
    apps.push(app);
    const res = await app.inject({ url: '/health/ready' });
    expect(res.statusCode).toBe(503);
    expect(res.json()).toEqual({ status: 'unavailable', checks: { downstream: { ok: false, message: 'timed out after 50 ms' } } });
  });
});

describe('docs', () => {
  it('serves the OpenAPI document built from route schemas, and the UI', async () => {
    const app = await buildService({ name: 'docs-test', version: '1.2.3', internalTokens: ['x'], logger: { level: 'silent' } });
    apps.push(app);
    const routes: RoutePlugin = (scope) => {
      scope.get(
        '/teams/:id',
        {
          schema: {
            summary: 'One team',
            params: Type.Object({ id: Type.Integer({ minimum: 1 }) }),
            response: { 200: Type.Object({ id: Type.Integer(), name: Type.String() }), ...errorResponses(400, 404) },
          },
        },
        (request) => {
          if (request.params.id === 404) throw new HttpError(404, 'no team 404');
          return { id: request.params.id, name: 'Arsenal' };
        },
      );
      return Promise.resolve();
    };
    await app.register(routes);

    const doc = (await app.inject({ url: '/docs/json' })).json<{
      info: { title: string; version: string };
      paths: Record<string, { get?: { summary?: string } }>;
      security: unknown[];
    }>();
    expect(doc.info).toEqual({ title: 'docs-test', version: '1.2.3' });
    expect(doc.paths['/teams/{id}']?.get?.summary).toBe('One team');
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/health/live', '/health/ready']));
    expect(doc.security).toEqual([{ bearerAuth: [] }]);

    const ui = await app.inject({ url: '/docs/' });
    expect(ui.statusCode).toBe(200);
    expect(ui.headers['content-type']).toContain('text/html');

    const res = await app.inject({ url: '/teams/7', headers: { authorization: 'Bearer x' } });
    expect(res.json()).toEqual({ id: 7, name: 'Arsenal' });
    const missing = await app.inject({ url: '/teams/404', headers: { authorization: 'Bearer x', 'x-request-id': 'r404' } });
    expect(missing.json()).toEqual({ statusCode: 404, error: 'Not Found', message: 'no team 404', requestId: 'r404' });
    const responses = (doc.paths['/teams/{id}']?.get as { responses: Record<string, unknown> }).responses;
    expect(Object.keys(responses).sort()).toEqual(['200', '400', '404']);
  });
});
