// The account `make service-user` creates for the writer: the writer does its whole job through
// it (bulk upserts in a sync run, checkpoints, quarantine), and it cannot change the schema.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import mariadb, { type Connection } from 'mariadb';
import type { BulkResult } from '@insightxi/contracts';
import { connectionConfig, withConnection } from '@insightxi/mysql';
import type { App } from '@insightxi/service-kit';
import { ensureServiceUser, keepsOldPassword } from '../src/accounts.ts';
import { AUTH, testApp } from './app-helpers.ts';
import { league, migratedDatabase, season, urlAs, type TestContext } from './helpers.ts';

let ctx: TestContext;
let app: App;
let scriptOutput: string;
// Accounts are server-wide: a name of this file's own.
const user = `writer_${randomBytes(4).toString('hex')}`;
const password = `pw-${randomBytes(8).toString('hex')}`;
const DENIED = 1142;

/** The script behind `make service-user`, run as make runs it. */
function serviceUserScript(env: NodeJS.ProcessEnv): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/service-user.ts'], {
      cwd: fileURLToPath(new URL('..', import.meta.url)),
      env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      resolve({ code, output });
    });
  });
}

const serviceUrl = (): string => urlAs(ctx.testDb.url, user, password);

function asService<T>(work: (connection: Connection) => Promise<T>): Promise<T> {
  return withConnection(serviceUrl(), work);
}

const SCHEMA_CHANGES = [
  'DROP TABLE quarantine',
  'ALTER TABLE leagues ADD COLUMN extra INT',
  'CREATE TABLE scratch (id INT PRIMARY KEY)',
  'TRUNCATE TABLE sync_run_pages',
];

beforeAll(async () => {
  ctx = await migratedDatabase('service_user');
  // DATABASE_URL names an account that could not create users: the admin one must come from MIGRATION_DATABASE_URL.
  const run = await serviceUserScript({
    MIGRATION_DATABASE_URL: ctx.testDb.url,
    DATABASE_URL: 'mysql://nobody:nothing@127.0.0.1:1/none',
    SERVICE_DB_USER: user,
    SERVICE_DB_PASSWORD: password,
    SERVICE_DB_HOST: '%',
  });
  scriptOutput = run.output;
  expect(run.code, run.output).toBe(0);
  app = await testApp(serviceUrl(), { chunkSize: 10 });
});
afterAll(async () => {
  await app.close();
  await ctx.db.pool.query(`DROP USER IF EXISTS '${user}'@'%'`);
  await ctx.close();
});

async function call(method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) {
  const response = await app.inject({ method, url, headers: AUTH, ...(payload === undefined ? {} : { payload }) });
  return { status: response.statusCode, body: response.json<Record<string, unknown>>() };
}

describe('make service-user', () => {
  it('says what the account may do and how to connect, without the password', () => {
    expect(scriptOutput).toContain(`'${user}'@'%' can now SELECT, INSERT, UPDATE, DELETE rows of ${ctx.testDb.name}`);
    expect(scriptOutput).toContain(`connect as mysql://${user}:***@`);
    expect(scriptOutput).not.toContain(password);
  });

  it('refuses to run without a password', async () => {
    const run = await serviceUserScript({ MIGRATION_DATABASE_URL: ctx.testDb.url, SERVICE_DB_USER: user });
    expect(run.code).toBe(1);
    expect(run.output).toContain('set SERVICE_DB_PASSWORD');
  });
});

describe('the writer connected as the service user', () => {
  it('is ready and does a sync run: bulk upserts with a checkpoint, quarantine, the run finished', async () => {
    expect((await app.inject({ method: 'GET', url: '/health/ready' })).statusCode).toBe(200);
    const run = await call('POST', '/sync-runs', { entity: 'leagues', mode: 'full', scope: {}, scopeKey: 'leagues:service-user' });
    expect(run.status).toBe(201);
    const runId = run.body.id as number;
    const add = { pages: 1, fetched: 3, created: 0, updated: 0, unchanged: 0, quarantined: 1, upstreamCalls: 1, rateLimitWaitMs: 0 };
    const page = {
      records: [league(8), league(9)],
      sync: { runId, pageKey: 'page=1', checkpoint: { cursor: 'page=2', add }, rejected: [{ entity: 'leagues', sourceId: 10, reason: 'no name', payload: { id: 10 } }] },
    };
    const first = await call('POST', '/leagues/bulk', page);
    expect(first.status).toBe(200);
    expect(first.body as unknown as BulkResult).toEqual({ created: 2, updated: 0, unchanged: 0, failed: [], duplicatePage: false });
    const renamed = await call('POST', '/leagues/bulk', { records: [league(8, 'Renamed'), league(9)] });
    expect(renamed.body as unknown as BulkResult).toMatchObject({ created: 0, updated: 1, unchanged: 1 });
    expect((await call('POST', '/seasons/bulk', { records: [season(100, 8)] })).body).toMatchObject({ created: 1 });
    expect((await call('PATCH', `/sync-runs/${runId}`, { status: 'succeeded' })).body).toMatchObject({ status: 'succeeded', cursor: 'page=2', counters: { ...add, created: 2 } });

    const leagues = await ctx.db.pool.query<{ id: number; name: string }[]>('SELECT id, name FROM leagues ORDER BY id');
    expect(leagues).toEqual([
      { id: 8, name: 'Renamed' },
      { id: 9, name: 'League 9' },
    ]);
    const quarantined = await ctx.db.pool.query<{ n: bigint }[]>('SELECT COUNT(*) AS n FROM quarantine WHERE run_id = ?', [runId]);
    expect(quarantined).toEqual([{ n: 1n }]);
  });

  it('cannot DROP, ALTER, CREATE or TRUNCATE: access denied, and the schema is unchanged', async () => {
    for (const sql of SCHEMA_CHANGES) {
      await expect(asService((c) => c.query(sql)), sql).rejects.toMatchObject({ errno: DENIED });
    }
    const tables = await ctx.db.pool.query<{ n: bigint }[]>(
      "SELECT COUNT(*) AS n FROM information_schema.columns WHERE table_schema = DATABASE() AND table_name = 'leagues' AND column_name = 'extra'",
    );
    expect(tables).toEqual([{ n: 0n }]);
    await expect(ctx.db.pool.query('SELECT COUNT(*) AS n FROM quarantine')).resolves.toEqual([{ n: 1n }]);
  });

  it('a re-run takes back privileges granted by hand (the mysql image gives its MYSQL_USER everything)', async () => {
    await ctx.db.pool.query(`GRANT ALL PRIVILEGES ON \`${ctx.testDb.name}\`.* TO '${user}'@'%'`);
    await ensureServiceUser(ctx.testDb.url, { user, host: '%', password, database: ctx.testDb.name });
    await expect(asService((c) => c.query('DROP TABLE quarantine')), 'DROP after the re-run').rejects.toMatchObject({ errno: DENIED });
    await expect(asService((c) => c.query('SELECT COUNT(*) AS n FROM leagues'))).resolves.toEqual([{ n: 2n }]);
  });

  it('a new password: on MySQL 8.4 the old one keeps working until the next run (a rotation refuses nobody); on MariaDB it changes', async () => {
    const rotated = `${password}-rotated`;
    await ensureServiceUser(ctx.testDb.url, { user, host: '%', password: rotated, database: ctx.testDb.name });
    const login = (pw: string) => mariadb.createConnection({ ...connectionConfig(ctx.testDb.url), user, password: pw }).then((c) => c.end().then(() => 'in'));
    await expect(login(rotated)).resolves.toBe('in');
    const [server] = await ctx.db.pool.query<{ version: string }[]>('SELECT VERSION() AS version');
    if (keepsOldPassword(server?.version ?? '')) {
      await expect(login(password)).resolves.toBe('in');
      // The next run (same password) leaves only the new one.
      await ensureServiceUser(ctx.testDb.url, { user, host: '%', password: rotated, database: ctx.testDb.name });
    }
    await expect(login(password)).rejects.toMatchObject({ errno: 1045 });
  });
});

describe('keepsOldPassword', () => {
  it('is true from MySQL 8.0.14 (RETAIN CURRENT PASSWORD), false before and on MariaDB', () => {
    expect(keepsOldPassword('8.4.3')).toBe(true);
    expect(keepsOldPassword('8.0.14')).toBe(true);
    expect(keepsOldPassword('8.0.13')).toBe(false);
    expect(keepsOldPassword('10.11.6-MariaDB-0+deb12u1')).toBe(false);
    expect(keepsOldPassword('')).toBe(false);
  });
});
