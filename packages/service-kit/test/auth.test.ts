import { afterEach, describe, expect, it } from 'vitest';
import { buildService, requireBearer, type App } from '@insightxi/service-kit';
import { captureLogs } from '@insightxi/service-kit/testing';

const INTERNAL = 'internal-5b1e';
const PREVIOUS = 'internal-4a0d';
const OPERATOR = 'operator-9c2d';
const apps: App[] = [];
afterEach(async () => {
  await Promise.all(apps.splice(0).map((app) => app.close()));
});

async function service(internalTokens?: string[], logger: Parameters<typeof buildService>[0]['logger'] = { level: 'silent' }): Promise<App> {
  const app = await buildService({ name: 'auth-test', ...(internalTokens ? { internalTokens } : {}), logger });
  apps.push(app);
  app.get('/teams', () => ({ teams: [] }));
  app.get('/open', { config: { public: true } }, () => ({ open: true }));
  return app;
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

describe('internal auth', () => {
  it('answers 401 in the standard format without a token or with a wrong one', async () => {
    const app = await service([INTERNAL]);
    const missing = await app.inject({ url: '/teams', headers: { 'x-request-id': 'no-token' } });
    expect(missing.statusCode).toBe(401);
    expect(missing.headers['www-authenticate']).toBe('Bearer');
    expect(missing.json()).toEqual({ statusCode: 401, error: 'Unauthorized', message: 'Missing bearer token', requestId: 'no-token' });
    const wrong = await app.inject({ url: '/teams', headers: bearer('internal-5b1f') });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json()).toMatchObject({ message: 'Invalid bearer token' });
    expect((await app.inject({ url: '/teams', headers: { authorization: INTERNAL } })).statusCode).toBe(401);
    expect((await app.inject({ url: '/teams', headers: bearer(INTERNAL) })).statusCode).toBe(200);
    expect((await app.inject({ url: '/teams', headers: { authorization: `bearer ${INTERNAL}` } })).statusCode).toBe(200);
  });

  it('accepts the previous token beside the current one during a rotation, and only then', async () => {
    const rotating = await service([INTERNAL, PREVIOUS]);
    expect((await rotating.inject({ url: '/teams', headers: bearer(PREVIOUS) })).statusCode).toBe(200);
    expect((await rotating.inject({ url: '/teams', headers: bearer(INTERNAL) })).statusCode).toBe(200);
    const rotated = await service([INTERNAL]);
    expect((await rotated.inject({ url: '/teams', headers: bearer(PREVIOUS) })).statusCode).toBe(401);
  });

  it('keeps health, docs and public routes open', async () => {
    const app = await service([INTERNAL]);
    expect((await app.inject({ url: '/health/live' })).statusCode).toBe(200);
    expect((await app.inject({ url: '/health/ready' })).statusCode).toBe(200);
    expect((await app.inject({ url: '/docs/json' })).statusCode).toBe(200);
    expect((await app.inject({ url: '/open' })).statusCode).toBe(200);
  });

  it('does not reveal which routes exist to a caller without the token', async () => {
    const app = await service([INTERNAL]);
    expect((await app.inject({ url: '/no-such-route' })).statusCode).toBe(401);
    expect((await app.inject({ url: '/no-such-route', headers: bearer(INTERNAL) })).statusCode).toBe(404);
  });

  it('logs a refusal once, at info, without the token', async () => {
    const logs = captureLogs();
    const app = await service([INTERNAL], { level: 'debug', stream: logs.stream });
    await app.inject({ url: '/teams', headers: { ...bearer('a-wrong-token-value'), 'x-request-id': 'refused' } });
    const lines = logs.forRequest('refused').filter((line) => line.msg === 'request rejected');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ statusCode: 401 });
    expect(logs.text()).not.toContain('a-wrong-token-value');
  });

  it('lets a scope require its own tokens instead of the internal one (the orchestrator’s operator routes)', async () => {
    const app = await service([INTERNAL]);
    await app.register((scope, _opts, done) => {
      requireBearer(scope, [OPERATOR, 'operator-next']);
      scope.post('/sync/fixtures', () => ({ runId: 1 }));
      done();
    });
    expect((await app.inject({ method: 'POST', url: '/sync/fixtures' })).statusCode).toBe(401);
    expect((await app.inject({ method: 'POST', url: '/sync/fixtures', headers: bearer(INTERNAL) })).statusCode).toBe(401);
    expect((await app.inject({ method: 'POST', url: '/sync/fixtures', headers: bearer(OPERATOR) })).statusCode).toBe(200);
    expect((await app.inject({ method: 'POST', url: '/sync/fixtures', headers: bearer('operator-next') })).statusCode).toBe(200);
    expect((await app.inject({ url: '/teams', headers: bearer(OPERATOR) })).statusCode).toBe(401);
    expect((await app.inject({ url: '/teams', headers: bearer(INTERNAL) })).statusCode).toBe(200);
  });

  it('refuses an empty token list for a scope', async () => {
    const app = await service([INTERNAL]);
    await expect(
      app.register((scope) =>
        Promise.resolve().then(() => {
          requireBearer(scope, []);
        }),
      ),
    ).rejects.toThrow(/non-empty tokens/);
  });
});
