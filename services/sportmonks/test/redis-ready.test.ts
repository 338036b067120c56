// With REDIS_URL the budgets live in Redis (bottleneck's ioredis datastore): readiness then
// depends on Redis answering. The two-process budget itself is cluster.test.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '@insightxi/sportmonks-sim';
import { testFetcher, walk } from './support/harness.ts';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
let sim: Simulator;

beforeAll(async () => {
  sim = await startSimulator({ port: 0 });
});
afterAll(async () => {
  await sim.close();
});

describe('budgets in Redis', () => {
  it('is ready while Redis answers, and walks with the budget kept there', async () => {
    const { app } = await testFetcher(sim.url, { REDIS_URL, RATE_LIMIT_ID_PREFIX: `test-ready-${process.pid}-${Date.now()}` });
    try {
      const ready = await app.inject({ url: '/health/ready' });
      expect(ready.statusCode).toBe(200);
      expect(ready.json()).toMatchObject({ status: 'ok', checks: { redis: { ok: true } } });
      const states = await walk(app, 'states');
      expect(states.data.length).toBe(sim.dataset().states.length);
    } finally {
      await app.close();
    }
  });

  it('is not ready, naming Redis, when Redis does not answer', async () => {
    const { app } = await testFetcher(sim.url, { REDIS_URL: 'redis://127.0.0.1:9' });
    try {
      const ready = await app.inject({ url: '/health/ready' });
      expect(ready.statusCode).toBe(503);
      expect(ready.json()).toMatchObject({ status: 'unavailable', checks: { redis: { ok: false } } });
    } finally {
      await app.close();
    }
  });
});
