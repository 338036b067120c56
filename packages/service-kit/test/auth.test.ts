import { afterEach, describe, expect, it } from 'vitest';
import { buildService, bearerAuth, type App } from '@insightxi/service-kit';

const INTERNAL = 'internal-5b1e';
const OPERATOR = 'operator-9c2d';
const apps: App[] = [];
afterEach(async () => {
  await Promise.all(apps.splice(0).map((app) => app.close()));
});

async function service(internalToken?: string): Promise<App> {
  const app = await buildService({ name: 'auth-test', internalToken, logger: { level: 'silent' } });
  apps.push(app);
  app.get('/teams', () => ({ teams: [] }));
  app.get('/open', { config: { public: true } }, () => ({ open: true }));
  return app;
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

describe('internal auth', () => {
  it('answers 401 in the standard format without a token or with a wrong one', async () => {
    const app = await service(INTERNAL);
    const missing = await app.inject({ url: '/teams', headers: { 'x-request-id': 'no-token' } });
    expect(missing.statusCode).toBe(401);
    expect(missing.headers['www-authenticate']).toBe('Bearer');
    expect(missing.json()).toEqual({ statusCode: 401, error: 'Unauthorized', message: 'Missing bearer token', requestId: 'no-token' });
    const wrong = await app.inject({ url: '/teams', headers: bearer('internal-5b1f') });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json()).toMatchObject({ message: 'Invalid bearer token' });
    expect((await app.inject({ url: '/teams', headers: { authorization: INTERNAL } })).statusCode).toBe(401);
    expect((await app.inject({ url: '/teams', headers: bearer(INTERNAL) })).statusCode).toBe(200);
  });

  it('keeps health, docs and public routes open', async () => {
    const app = await service(INTERNAL);
    expect((await app.inject({ url: '/health/live' })).statusCode).toBe(200);
    expect((await app.inject({ url: '/health/ready' })).statusCode).toBe(200);
    expect((await app.inject({ url: '/docs/json' })).statusCode).toBe(200);
    expect((await app.inject({ url: '/open' })).statusCode).toBe(200);
  });

  it('does not reveal which routes exist to a caller without the token', async () => {
    const app = await service(INTERNAL);
    expect((await app.inject({ url: '/no-such-route' })).statusCode).toBe(401);
    expect((await app.inject({ url: '/no-such-route', headers: bearer(INTERNAL) })).statusCode).toBe(404);
  });

  it('lets a service guard some routes with its own token (the orchestrator’s operator token)', async () => {
    const app = await service();
    await app.register((scope, _opts, done) => {
      scope.addHook('onRequest', bearerAuth([OPERATOR, 'operator-next']));
      scope.post('/sync/fixtures', () => ({ runId: 1 }));
      done();
    });
    expect((await app.inject({ method: 'POST', url: '/sync/fixtures' })).statusCode).toBe(401);
    expect((await app.inject({ method: 'POST', url: '/sync/fixtures', headers: bearer(INTERNAL) })).statusCode).toBe(401);
    expect((await app.inject({ method: 'POST', url: '/sync/fixtures', headers: bearer(OPERATOR) })).statusCode).toBe(200);
    expect((await app.inject({ method: 'POST', url: '/sync/fixtures', headers: bearer('operator-next') })).statusCode).toBe(200);
    expect((await app.inject({ url: '/teams' })).statusCode).toBe(200);
  });

  it('combines both: internal token service-wide, operator token on public-flagged routes', async () => {
    const app = await service(INTERNAL);
    app.post('/sync/all', { config: { public: true }, onRequest: bearerAuth(OPERATOR) }, () => ({ runId: 2 }));
    expect((await app.inject({ method: 'POST', url: '/sync/all', headers: bearer(INTERNAL) })).statusCode).toBe(401);
    expect((await app.inject({ method: 'POST', url: '/sync/all', headers: bearer(OPERATOR) })).statusCode).toBe(200);
  });
});
