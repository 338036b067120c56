import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '@insightxi/database';
import { createTestDatabase, repoRoot, type TestDatabase } from '@insightxi/mysql';
import type { App } from '@insightxi/service-kit';
import { captureLogs, registeredRoutes } from '@insightxi/service-kit/testing';
import { probeAuth, protectedRoutes } from '../src/index.ts';
import { sendBadInput, type BadInputReport } from './support.ts';

// Reported to the writer's owner; services/database is where they are fixed (a 400/422 before
// Prisma, or bounds in the contracts). Until then they are listed, not hidden:
const KNOWN_WRITER_BUGS = {
  'an integer beyond the INT column (id 2147483648 and up) answers 500': /= "?(99999999999999999999|2147483648|1e\+308|100000000000000000000)"?\]/,
  'a string longer than its column answers 500': /\(100002 chars\)\]/,
  'an impossible calendar date answers 500, or 200 as another day': /= "(2024-13-45|2024-02-30|2024-00-10|0000-00-00|9999-99-99)"\]/,
};
const isKnown = (problem: string) => Object.values(KNOWN_WRITER_BUGS).some((pattern) => pattern.test(problem));
let report: BadInputReport;

const TOKEN = 'security-checks-writer-token-0123456789';
const logs = captureLogs();
let testDb: TestDatabase;
let app: App;

beforeAll(async () => {
  testDb = await createTestDatabase({ prefix: 'security_writer', migrationsDir: join(repoRoot(), 'services/database/prisma/migrations') });
  app = await buildApp({
    DATABASE_URL: testDb.url,
    INTERNAL_TOKEN: TOKEN,
    DATABASE_POOL_SIZE: 4,
    BULK_CHUNK_SIZE: 500,
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
    report = await sendBadInput('database', app, { authorization: `Bearer ${TOKEN}` });
    expect(report.malformed).toBeGreaterThanOrEqual(200);
    expect(report.problems.filter((problem) => !isKnown(problem))).toEqual([]);
    expect((await app.inject({ url: '/health/live' })).statusCode).toBe(200);
    expect((await app.inject({ url: '/health/ready' })).statusCode).toBe(200);
  }, 300_000);

  // Fails while the writer has the bugs above: when this starts passing, remove `.fails`.
  it.fails(`has none of the known bugs: ${Object.keys(KNOWN_WRITER_BUGS).join('; ')}`, () => {
    const known = report.problems.filter(isKnown);
    console.log(`database: ${known.length} answers still show known writer bugs, e.g.\n${known.slice(0, 5).join('\n')}`);
    expect(known).toEqual([]);
  });

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
