import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import type { App } from '@insightxi/service-kit';
import { buildApp } from '../src/app.ts';
import { readConfig } from '../src/config.ts';

let app: App | null = null;

afterEach(async () => {
  await app?.close();
  app = null;
});

describe('buildApp options', () => {
  it('applies the underPressure overrides: a heap limit of 1 byte sheds requests with 503', async () => {
    const config = readConfig({ SPORTMONKS_API_TOKEN: 'demo', SPORTMONKS_BASE_URL: 'http://127.0.0.1:9', INTERNAL_TOKEN: 'test-internal-token', LOG_LEVEL: 'silent' });
    app = await buildApp(config, { underPressure: { maxHeapUsedBytes: 1, maxEventLoopDelay: 0, sampleInterval: 5 } });
    await app.ready();
    await sleep(50);
    const res = await app.inject({ method: 'GET', url: '/states' });
    expect(res.statusCode).toBe(503);
  });
});

describe('internal token rotation', () => {
  const base = { SPORTMONKS_API_TOKEN: 'demo', SPORTMONKS_BASE_URL: 'http://127.0.0.1:9', INTERNAL_TOKEN: 'internal-token-new-one', LOG_LEVEL: 'silent' } as const;
  const asking = (token: string) => ({ method: 'GET' as const, url: '/rate-limits', headers: { authorization: `Bearer ${token}` } });

  it('accepts the previous token while INTERNAL_TOKEN_PREVIOUS names it', async () => {
    app = await buildApp(readConfig({ ...base, INTERNAL_TOKEN_PREVIOUS: 'internal-token-old-one' }));
    expect((await app.inject(asking('internal-token-old-one'))).statusCode).toBe(200);
    expect((await app.inject(asking('internal-token-new-one'))).statusCode).toBe(200);
  });

  it('refuses it once INTERNAL_TOKEN_PREVIOUS is unset', async () => {
    app = await buildApp(readConfig(base));
    expect((await app.inject(asking('internal-token-old-one'))).statusCode).toBe(401);
    expect((await app.inject(asking('internal-token-new-one'))).statusCode).toBe(200);
  });
});
