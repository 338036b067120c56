import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, readConfig } from '@insightxi/database';
import { createTestDatabase, repoRoot, type TestDatabase } from '@insightxi/mysql';
import type { App } from '@insightxi/service-kit';
import { captureLogs, registeredRoutes } from '@insightxi/service-kit/testing';
import { probeAuth, protectedRoutes } from '../src/index.ts';
import { sendBadInput } from './support.ts';

const TOKEN = 'security-checks-writer-token-0123456789';
const logs = captureLogs();
let testDb: TestDatabase;
let app: App;

beforeAll(async () => {
  testDb = await createTestDatabase({ prefix: 'security_writer', migrationsDir: join(repoRoot(), 'services/database/prisma/migrations') });
  app = await buildApp(readConfig({ DATABASE_URL: testDb.url, INTERNAL_TOKEN: TOKEN, DATABASE_POOL_SIZE: '4', BULK_CHUNK_SIZE: '500' }), {
    logger: { level: 'info', stream: logs.stream },
    underPressure: { maxEventLoopDelay: 0 },
  });
});
afterAll(async () => {
  await app.close();
  await testDb.drop();
});

describe('database (writer)', () => {
  it('refuses every malformed request with 4xx in the standard error body, never 5xx, and stays healthy', async () => {
    const report = await sendBadInput('database', app, { authorization: `Bearer ${TOKEN}` });
    expect(report.malformed).toBeGreaterThanOrEqual(200);
    expect(report.problems).toEqual([]);
    expect((await app.inject({ url: '/health/live' })).statusCode).toBe(200);
    expect((await app.inject({ url: '/health/ready' })).statusCode).toBe(200);
  }, 300_000);

  it('answers 401 on every protected route to a missing or wrong token', async () => {
    await app.ready();
    const routes = registeredRoutes(app);
    expect(protectedRoutes(routes).length).toBeGreaterThanOrEqual(40);
    const { checked, failures } = await probeAuth(app, routes, TOKEN);
    console.log(`database: ${checked} requests without or with a wrong token on ${protectedRoutes(routes).length} protected routes`);
    expect(failures).toEqual([]);
  });

  it('never writes the token into a log line', () => {
    expect(logs.text().length).toBeGreaterThan(0);
    expect(logs.text()).not.toContain(TOKEN);
  });
});
