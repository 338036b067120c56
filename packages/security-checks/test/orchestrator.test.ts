import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, readConfig } from '@insightxi/orchestrator';
import type { App } from '@insightxi/service-kit';
import { captureLogs, registeredRoutes } from '@insightxi/service-kit/testing';
import { probeAuth, protectedRoutes } from '../src/index.ts';
import { sendBadInput } from './support.ts';

const OPERATOR_TOKEN = 'security-checks-operator-token-0123456789';
const INTERNAL_TOKEN = 'security-checks-internal-token-0123456789';
const logs = captureLogs();
// Stands in for the fetcher and the writer: counts calls and is never able to help.
let downstreamCalls = 0;
let downstream: Server;
let orchestrator: App;

beforeAll(async () => {
  downstream = createServer((_request, response) => {
    downstreamCalls += 1;
    response.writeHead(503, { 'content-type': 'application/json' }).end('{"statusCode":503,"error":"Service Unavailable","message":"stand-in","requestId":"x"}');
  });
  await new Promise<void>((resolve) => downstream.listen(0, '127.0.0.1', resolve));
  const address = downstream.address();
  const url = typeof address === 'object' && address !== null ? `http://127.0.0.1:${address.port}` : '';
  orchestrator = await buildApp(
    readConfig({
      OPERATOR_TOKEN,
      INTERNAL_TOKEN,
      DATABASE_SERVICE_URL: url,
      SPORTMONKS_SERVICE_URL: url,
      RETRY_ATTEMPTS: '1',
      RETRY_INITIAL_DELAY_MS: '1',
      DOWNSTREAM_TIMEOUT_MS: '1000',
    }),
    { logger: { level: 'info', stream: logs.stream } },
  );
});
afterAll(async () => {
  await orchestrator.close();
  await new Promise((resolve) => downstream.close(resolve));
});

describe('orchestrator', () => {
  it('refuses every malformed request with 4xx in the standard error body before calling the fetcher or the writer, and stays healthy', async () => {
    const report = await sendBadInput('orchestrator', orchestrator, { authorization: `Bearer ${OPERATOR_TOKEN}` }, {
      // Schema-valid requests reach the stand-ins, which answer 503: the orchestrator passes that on.
      allowedServerErrors: [502, 503, 504],
      downstreamCalls: () => downstreamCalls,
    });
    expect(report.malformed).toBeGreaterThanOrEqual(200);
    expect(report.problems).toEqual([]);
    expect(report.downstreamCallsForMalformed).toBe(0);
    expect((await orchestrator.inject({ url: '/health/live' })).statusCode).toBe(200);
  }, 300_000);

  it('answers 401 on every protected route to a missing or wrong token, and calls nothing downstream', async () => {
    await orchestrator.ready();
    const routes = registeredRoutes(orchestrator);
    expect(protectedRoutes(routes).length).toBeGreaterThanOrEqual(5);
    const before = downstreamCalls;
    const { checked, failures } = await probeAuth(orchestrator, routes, OPERATOR_TOKEN);
    console.log(`orchestrator: ${checked} requests without or with a wrong token on ${protectedRoutes(routes).length} protected routes`);
    expect(failures).toEqual([]);
    expect(downstreamCalls).toBe(before);
  });

  it('never writes its tokens into a log line', () => {
    expect(logs.text().length).toBeGreaterThan(0);
    expect(logs.text()).not.toContain(OPERATOR_TOKEN);
    expect(logs.text()).not.toContain(INTERNAL_TOKEN);
  });
});
