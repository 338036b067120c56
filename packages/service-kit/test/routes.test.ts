import { afterEach, describe, expect, it } from 'vitest';
import { Type } from '@sinclair/typebox';
import { buildService, type App } from '@insightxi/service-kit';
import { registeredRoutes } from '@insightxi/service-kit/testing';

const apps: App[] = [];
afterEach(async () => {
  await Promise.all(apps.splice(0).map((app) => app.close()));
});

async function app(): Promise<App> {
  const service = await buildService({ name: 'routes-test', logger: { level: 'silent' } });
  const Query = Type.Object({ league: Type.Optional(Type.Integer()) }, { additionalProperties: false });
  const Body = Type.Object({ name: Type.String() }, { additionalProperties: false });
  service.get('/fixtures', { schema: { querystring: Query } }, (request) => request.query);
  await service.register((scope, _options, done) => {
    scope.post('/teams', { schema: { body: Body } }, (request) => request.body);
    done();
  });
  apps.push(service);
  return service;
}

describe('closed schemas', () => {
  it('refuse an unknown query parameter or body property instead of dropping it', async () => {
    const service = await app();
    const typo = await service.inject({ url: '/fixtures?leauge=8' });
    expect(typo.statusCode).toBe(400);
    expect(typo.json()).toMatchObject({ fields: [{ field: 'querystring.leauge' }] });
    expect((await service.inject({ url: '/fixtures?league=8' })).json()).toEqual({ league: 8 });
    const extra = await service.inject({ method: 'POST', url: '/teams', payload: { name: 'Ajax', admin: true } });
    expect(extra.statusCode).toBe(400);
    expect(extra.json()).toMatchObject({ fields: [{ field: 'body.admin' }] });
  });
});

describe('registeredRoutes', () => {
  it('lists every route and method, those of nested plugins and the hidden ones included', async () => {
    const service = await app();
    await service.ready();
    const list = registeredRoutes(service).map((r) => `${r.method} ${r.url}`);
    expect(list).toEqual(expect.arrayContaining(['GET /fixtures', 'HEAD /fixtures', 'POST /teams', 'GET /metrics', 'GET /health/live', 'GET /docs/json']));
    expect(registeredRoutes(service).find((r) => r.url === '/teams')?.schema?.body).toBeDefined();
  });
});
