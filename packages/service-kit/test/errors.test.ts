import { afterEach, describe, expect, it } from 'vitest';
import { Type } from '@sinclair/typebox';
import { buildService, HttpError, type App } from '@insightxi/service-kit';
import { captureLogs } from '@insightxi/service-kit/testing';

const apps: App[] = [];
afterEach(async () => {
  await Promise.all(apps.splice(0).map((app) => app.close()));
});

async function app() {
  const logs = captureLogs();
  const service = await buildService({ name: 'errors-test', logger: { level: 'info', stream: logs.stream } });
  service.post(
    '/teams',
    { schema: { body: Type.Object({ name: Type.String({ minLength: 1 }), founded: Type.Integer() }) } },
    (request) => request.body,
  );
  service.get('/boom', () => {
    throw new Error('SELECT * FROM secret_table failed at db-host-7');
  });
  service.get('/conflict', () => {
    throw new HttpError(409, 'a run with the same scope is running', { details: { activeRunId: 12, requestId: 'not-this-one' } });
  });
  apps.push(service);
  return { service, logs };
}

describe('error format', () => {
  it('answers an unknown route with 404 in the standard body, with the request id', async () => {
    const { service } = await app();
    const res = await service.inject({ method: 'GET', url: '/nope?x=1', headers: { 'x-request-id': 'req-404' } });
    expect(res.statusCode).toBe(404);
    expect(res.headers['x-request-id']).toBe('req-404');
    expect(res.json()).toEqual({ statusCode: 404, error: 'Not Found', message: 'Route GET /nope not found', requestId: 'req-404' });
  });

  it('names every failing field of an invalid body', async () => {
    const { service } = await app();
    const res = await service.inject({ method: 'POST', url: '/teams', payload: { founded: 'long ago' } });
    expect(res.statusCode).toBe(400);
    const body = res.json<{ fields: { field: string }[]; requestId: string; error: string }>();
    expect(body.error).toBe('Bad Request');
    expect(body.requestId).toBe(res.headers['x-request-id']);
    expect(body.fields.map((f) => f.field).sort()).toEqual(['body.founded', 'body.name']);
  });

  it('hides the message of an unexpected error and logs it with the request id', async () => {
    const { service, logs } = await app();
    const res = await service.inject({ method: 'GET', url: '/boom', headers: { 'x-request-id': 'req-boom' } });
    expect(res.statusCode).toBe(500);
    expect(res.json()).toEqual({ statusCode: 500, error: 'Internal Server Error', message: 'Internal Server Error', requestId: 'req-boom' });
    expect(res.body).not.toContain('secret_table');
    const logged = logs.forRequest('req-boom').find((line) => line.msg === 'request failed');
    expect(JSON.stringify(logged)).toContain('secret_table');
  });

  it('passes an HttpError status, message and details through', async () => {
    const { service } = await app();
    const res = await service.inject({ method: 'GET', url: '/conflict' });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toEqual({
      statusCode: 409,
      error: 'Conflict',
      message: 'a run with the same scope is running',
      requestId: res.headers['x-request-id'],
      activeRunId: 12,
    });
  });

  it('generates a request id when none is sent and refuses ids that could forge log lines', async () => {
    const { service } = await app();
    const generated = await service.inject({ method: 'GET', url: '/health/live' });
    expect(generated.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const forged = await service.inject({ method: 'GET', url: '/health/live', headers: { 'x-request-id': 'a\nb' } });
    expect(forged.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('one error path for a service’s own errors', () => {
  class SeasonMissingError extends Error {
    constructor(readonly seasonId: number) {
      super(`season ${seasonId} does not exist`);
    }
  }

  it('answers a typed domain error as the HttpError the service maps it to, from routes and hooks alike', async () => {
    const service = await buildService({
      name: 'errors-test',
      logger: { level: 'silent' },
      mapError: (error) => (error instanceof SeasonMissingError ? new HttpError(404, error.message, { details: { seasonId: error.seasonId } }) : undefined),
    });
    apps.push(service);
    service.get('/seasons/:id', (request) => {
      throw new SeasonMissingError(Number((request.params as { id: string }).id));
    });
    service.get('/guarded', { onRequest: () => Promise.reject(new SeasonMissingError(7)) }, () => ({ ok: true }));
    service.get('/other', () => {
      throw new Error('not a domain error');
    });
    const res = await service.inject({ url: '/seasons/23', headers: { 'x-request-id': 'season-23' } });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ statusCode: 404, error: 'Not Found', message: 'season 23 does not exist', requestId: 'season-23', seasonId: 23 });
    expect((await service.inject({ url: '/guarded' })).json()).toMatchObject({ statusCode: 404, seasonId: 7 });
    expect((await service.inject({ url: '/other' })).statusCode).toBe(500);
  });
});

describe('validation', () => {
  async function counting() {
    const service = await buildService({ name: 'validation-test', logger: { level: 'silent' } });
    apps.push(service);
    service.post(
      '/counts/:id',
      {
        schema: {
          params: Type.Object({ id: Type.Integer() }),
          querystring: Type.Object({ dryRun: Type.Optional(Type.Boolean()) }),
          body: Type.Object({ goals: Type.Union([Type.Integer(), Type.Null()]), note: Type.Union([Type.String(), Type.Null()]) }),
        },
      },
      (request) => ({ id: request.params.id, dryRun: request.query.dryRun ?? null, body: request.body }),
    );
    return service;
  }

  it('converts path parameters and query strings, which are strings on the wire', async () => {
    const service = await counting();
    const res = await service.inject({ method: 'POST', url: '/counts/5?dryRun=true', payload: { goals: 2, note: 'x' } });
    expect(res.json()).toEqual({ id: 5, dryRun: true, body: { goals: 2, note: 'x' } });
  });

  it('keeps a null in a nullable body field null, and refuses a number sent as a string', async () => {
    const service = await counting();
    const kept = await service.inject({ method: 'POST', url: '/counts/5', payload: { goals: null, note: null } });
    expect(kept.json()).toEqual({ id: 5, dryRun: null, body: { goals: null, note: null } });
    const coerced = await service.inject({ method: 'POST', url: '/counts/5', payload: { goals: '2', note: null } });
    expect(coerced.statusCode).toBe(400);
    expect(coerced.json<{ fields: { field: string }[] }>().fields.map((f) => f.field)).toEqual(['body.goals']);
  });
});

describe('error format of Fastify’s own failures', () => {
  it('keeps the standard body for malformed JSON, oversized bodies and wrong content types', async () => {
    const service = await buildService({ name: 'errors-test', logger: { level: 'silent' }, bodyLimit: 64 });
    apps.push(service);
    service.post('/echo', (request) => request.body);
    const malformed = await service.inject({ method: 'POST', url: '/echo', headers: { 'content-type': 'application/json' }, payload: '{"a":' });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json()).toMatchObject({ statusCode: 400, error: 'Bad Request', requestId: malformed.headers['x-request-id'] });
    const large = await service.inject({ method: 'POST', url: '/echo', payload: { text: 'x'.repeat(100) } });
    expect(large.statusCode).toBe(413);
    expect(large.json()).toMatchObject({ statusCode: 413, error: 'Payload Too Large' });
    const unsupported = await service.inject({ method: 'POST', url: '/echo', headers: { 'content-type': 'application/xml' }, payload: '<a/>' });
    expect(unsupported.statusCode).toBe(415);
    expect(unsupported.json()).toMatchObject({ statusCode: 415, error: 'Unsupported Media Type' });
  });

  it('keeps the standard body for a broken percent-encoding and an over-long path parameter', async () => {
    const { service } = await app();
    service.get('/items/:id', (request) => request.params);
    const badUrl = await service.inject({ url: '/items/%E0%A4%A', headers: { 'x-request-id': 'bad-url' } });
    expect(badUrl.statusCode).toBe(400);
    expect(badUrl.headers['x-request-id']).toBe('bad-url');
    expect(badUrl.json()).toEqual({ statusCode: 400, error: 'Bad Request', message: 'The URL is not valid (a bad percent-encoding?)', requestId: 'bad-url' });
    const long = await service.inject({ url: `/items/${'a'.repeat(150)}` });
    expect(long.statusCode).toBe(414);
    expect(long.json()).toEqual({ statusCode: 414, error: 'URI Too Long', message: 'A path parameter is too long', requestId: long.headers['x-request-id'] });
  });

  it('answers 503 in the standard body when under pressure, stays live and reports not ready', async () => {
    const service = await buildService({
      name: 'errors-test',
      logger: { level: 'silent' },
      underPressure: { healthCheck: () => Promise.resolve(false), healthCheckInterval: 5 },
    });
    apps.push(service);
    service.get('/work', () => ({ ok: true }));
    const res = await service.inject({ method: 'GET', url: '/work', headers: { 'x-request-id': 'busy-1' } });
    expect(res.statusCode).toBe(503);
    expect(res.json()).toEqual({ statusCode: 503, error: 'Service Unavailable', message: 'Service Unavailable', requestId: 'busy-1' });
    expect((await service.inject({ url: '/health/live' })).statusCode).toBe(200);
    const ready = await service.inject({ url: '/health/ready' });
    expect(ready.statusCode).toBe(503);
    expect(ready.json()).toEqual({ status: 'unavailable', checks: { load: { ok: false, message: 'under pressure (event loop or memory)' } } });
  });
});
