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
    const config = readConfig({ SPORTMONKS_API_TOKEN: 'demo', SPORTMONKS_BASE_URL: 'http://127.0.0.1:9', LOG_LEVEL: 'silent' });
    app = await buildApp(config, { underPressure: { maxHeapUsedBytes: 1, maxEventLoopDelay: 0, sampleInterval: 5 } });
    await app.ready();
    await sleep(50);
    const res = await app.inject({ method: 'GET', url: '/states' });
    expect(res.statusCode).toBe(503);
  });
});
