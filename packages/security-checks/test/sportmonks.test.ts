import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, readConfig } from '@insightxi/sportmonks';
import { startSimulator, type Simulator } from '@insightxi/sportmonks-sim';
import type { App } from '@insightxi/service-kit';
import { captureLogs, registeredRoutes } from '@insightxi/service-kit/testing';
import { probeAuth, protectedRoutes } from '../src/index.ts';
import { sendBadInput } from './support.ts';

const TOKEN = 'security-checks-fetcher-token-0123456789';
const API_TOKEN = 'security-checks-sportmonks-api-token';
const logs = captureLogs();
let sim: Simulator;
let app: App;

beforeAll(async () => {
  sim = await startSimulator({ port: 0, token: API_TOKEN });
  app = await buildApp(
    readConfig({
      SPORTMONKS_API_TOKEN: API_TOKEN,
      SPORTMONKS_BASE_URL: sim.url,
      INTERNAL_TOKEN: TOKEN,
      RATE_LIMIT_ID_PREFIX: `security-${process.pid}`,
      SPORTMONKS_RETRIES: '0',
    }),
    { logger: { level: 'info', stream: logs.stream } },
  );
});
afterAll(async () => {
  await app.close();
  await sim.close();
});

describe('sportmonks (fetcher)', () => {
  it('refuses every malformed request with 4xx in the standard error body before calling SportMonks, and stays healthy', async () => {
    const report = await sendBadInput('sportmonks', app, { authorization: `Bearer ${TOKEN}` }, { downstreamCalls: () => sim.stats().requests });
    expect(report.malformed).toBeGreaterThanOrEqual(200);
    expect(report.problems).toEqual([]);
    expect(report.downstreamCallsForMalformed).toBe(0);
    expect((await app.inject({ url: '/health/live' })).statusCode).toBe(200);
  }, 300_000);

  it('answers 401 on every protected route to a missing or wrong token', async () => {
    await app.ready();
    const routes = registeredRoutes(app);
    expect(protectedRoutes(routes).length).toBeGreaterThanOrEqual(7);
    const { checked, failures } = await probeAuth(app, routes, TOKEN);
    console.log(`sportmonks: ${checked} requests without or with a wrong token on ${protectedRoutes(routes).length} protected routes`);
    expect(failures).toEqual([]);
  });

  it('never writes its tokens into a log line', () => {
    expect(logs.text().length).toBeGreaterThan(0);
    expect(logs.text()).not.toContain(TOKEN);
    expect(logs.text()).not.toContain(API_TOKEN);
  });
});
