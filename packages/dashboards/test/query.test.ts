// Queries as the build runs them, against a real MariaDB database of their own.
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase, withConnection, type TestDatabase } from '@insightxi/mysql';
import type { Connection } from 'mariadb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAllQueries } from '../src/lib/queries.ts';
import { openQueryConnection, runQuery, withQueryConnection } from '../src/lib/query.ts';
import { checkRequirements } from '../src/lib/requirements.ts';
import { mysqlMessage, runLoader } from '../src/lib/run-loader.ts';
import { parseSqlFile } from '../src/lib/sql-file.ts';

let database: TestDatabase;
let connection: Connection;
let dir: string;

beforeAll(async () => {
  database = await createTestDatabase({ prefix: 'dashboards_query' });
  await withConnection(database.url, async (c) => {
    await c.query('CREATE TABLE runs (id INT PRIMARY KEY, started_at DATETIME(3) NOT NULL, day DATE, seconds DECIMAL(6,2), calls BIGINT, status VARCHAR(16))');
    await c.query("INSERT INTO runs VALUES (1, '2026-11-23 12:00:00.250', '2026-11-23', 1.25, 76, 'succeeded'), (2, '2026-11-23 13:30:00', NULL, 0.5, 6, 'failed')");
    await c.query('CREATE TABLE nothing_yet (id INT)');
    await c.query('CREATE VIEW run_days AS SELECT day, COUNT(*) AS runs FROM runs GROUP BY day');
    await c.query('CREATE TABLE matches (id INT PRIMARY KEY, season_id INT NOT NULL)');
    await c.query('INSERT INTO matches VALUES (1, 20), (2, 20), (3, 21), (4, 22)');
  });
  connection = await openQueryConnection(database.url, { hourlyCallBudget: 180 });
  dir = await mkdtemp(join(tmpdir(), 'dashboards-sql-'));
});

afterAll(async () => {
  await connection.end();
  await database.drop();
  await rm(dir, { recursive: true, force: true });
});

describe('requirements', () => {
  it('names tables that do not exist once, missing columns of tables that do, and tables without rows', async () => {
    const requires = parseSqlFile('x', '-- requires: runs.started_at, runs.stage_id, goals.minute, goals.fixture_id, nothing_yet, run_days\nSELECT 1').requires;
    expect(await checkRequirements(connection, requires)).toEqual({ absent: ['runs.stage_id', 'goals'], empty: ['nothing_yet'] });
    expect(await checkRequirements(connection, [])).toEqual({ absent: [], empty: [] });
  });
});

describe('runQuery', () => {
  it('returns columns once, rows as arrays, dates as ISO strings in UTC and numbers as numbers', async () => {
    const output = await runQuery(connection, parseSqlFile('x', '-- requires: runs\nSELECT id, started_at, day, seconds, calls, status, @hourly_call_budget AS budget FROM runs ORDER BY id'));
    expect(output).toEqual({
      available: true,
      columns: ['id', 'started_at', 'day', 'seconds', 'calls', 'status', 'budget'],
      dates: ['started_at', 'day'],
      rows: [
        [1, '2026-11-23T12:00:00.250Z', '2026-11-23T00:00:00.000Z', 1.25, 76, 'succeeded', 180],
        [2, '2026-11-23T13:30:00.000Z', null, 0.5, 6, 'failed', 180],
      ],
    });
  });

  it('does not run a query whose data does not exist yet', async () => {
    expect(await runQuery(connection, parseSqlFile('x', '-- requires: goals\nSELECT * FROM goals'))).toEqual({ available: false, absent: ['goals'], empty: [] });
  });

  it('runs under MySQL 8.4\'s sql_mode, so what passes here passes in production', async () => {
    await expect(runQuery(connection, parseSqlFile('x', '-- requires: runs\nSELECT status, started_at FROM runs GROUP BY status'))).rejects.toThrow(/isn't in GROUP BY/);
  });

  it('refuses a statement that returns no rows', async () => {
    await expect(runQuery(connection, parseSqlFile('x', '-- requires: runs\nDO 1'))).rejects.toThrow('the statement returned no result set (not a SELECT?)');
  });

  it('closes its session after the work, also when the work fails', async () => {
    await expect(withQueryConnection(database.url, {}, () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await withQueryConnection(database.url, { DASHBOARDS_HOURLY_CALL_BUDGET: '42' }, async (c) => (await c.query<{ b: number }[]>('SELECT @hourly_call_budget AS b'))[0]?.b)).toBe(42);
  });
});

describe('the loader Framework runs for each .sql file', () => {
  const io = (env: NodeJS.ProcessEnv) => {
    const out: string[] = [];
    const err: string[] = [];
    return { io: { env, root: dir, out: (t: string) => out.push(t), err: (t: string) => err.push(t) }, out, err };
  };

  it('writes the query\'s JSON as the analyst and exits 0', async () => {
    const path = join(dir, 'runs.json.sql');
    await writeFile(path, '-- Runs.\n-- requires: runs\nSELECT id FROM runs ORDER BY id;\n');
    const run = io({ ANALYST_DATABASE_URL: database.url });
    expect(await runLoader(path, run.io)).toBe(0);
    expect(JSON.parse(run.out.join(''))).toEqual({ available: true, columns: ['id'], dates: [], rows: [[1], [2]] });
    expect(run.err).toEqual([]);
  });

  it('writes one season\'s rows when Framework asks for a season (--season=<id>)', async () => {
    const path = join(dir, 'matches.json.sql');
    await writeFile(path, '-- requires: matches\nSELECT season_id, id FROM matches ORDER BY id\n');
    const run = io({ ANALYST_DATABASE_URL: database.url });
    expect(await runLoader(path, run.io, ['--season=20'])).toBe(0);
    expect(JSON.parse(run.out.join(''))).toEqual({ available: true, columns: ['season_id', 'id'], dates: [], rows: [[20, 1], [20, 2]] });
  });

  it('fails with the file and MySQL\'s message when the query fails', async () => {
    const path = join(dir, 'broken.json.sql');
    await writeFile(path, '-- requires: runs\nSELECT id, stage FROM runs\n');
    const run = io({ ANALYST_DATABASE_URL: database.url });
    expect(await runLoader(path, run.io)).toBe(1);
    expect(run.out).toEqual([]);
    expect(run.err.join('')).toBe("broken.json.sql: Unknown column 'stage' in 'SELECT' (ER_BAD_FIELD_ERROR)\n");
  });

  it('fails naming the file when the file itself is wrong or missing', async () => {
    const path = join(dir, 'header.json.sql');
    await writeFile(path, '-- requires: runs.a.b\nSELECT 1\n');
    const run = io({ ANALYST_DATABASE_URL: database.url });
    expect(await runLoader(path, run.io)).toBe(1);
    expect(run.err.join('')).toBe('header.json.sql: "-- requires:" names tables or table.column, not "runs.a.b"\n');
    const missing = io({ ANALYST_DATABASE_URL: database.url });
    expect(await runLoader(join(dir, 'gone.json.sql'), missing.io)).toBe(1);
    expect(missing.err.join('')).toMatch(/^gone\.json\.sql: ENOENT/);
  });

  it('keeps MySQL\'s own words from a driver error, and anything else as it is', () => {
    expect(mysqlMessage('plain')).toBe('plain');
    expect(mysqlMessage(new Error('no driver fields'))).toBe('no driver fields');
    expect(mysqlMessage(Object.assign(new Error('(conn:1) x\nsql: SELECT'), { sqlMessage: 'x' }))).toBe('x');
  });
});

describe('the build\'s queries', () => {
  it('run each file once, and a per-season query\'s rows land in one file per season of seasons.json', async () => {
    const data = await mkdtemp(join(tmpdir(), 'dashboards-data-'));
    const cache = await mkdtemp(join(tmpdir(), 'dashboards-cache-'));
    try {
      await mkdir(join(data, 'season', '[season]'), { recursive: true });
      await writeFile(join(data, 'seasons.json.sql'), '-- requires: matches\nSELECT DISTINCT season_id FROM matches WHERE season_id < 22 ORDER BY season_id\n');
      await writeFile(join(data, 'season', '[season]', 'matches.json.sql'), '-- requires: matches\nSELECT season_id, id FROM matches ORDER BY id\n');
      await writeFile(join(data, 'season', '[season]', 'goals.json.sql'), '-- requires: goals\nSELECT season_id FROM goals\n');
      const runs = await runAllQueries(database.url, {}, data, cache);
      expect(runs.map((r) => [r.file, r.available])).toEqual([['seasons.json.sql', true], ['season/[season]/goals.json.sql', false], ['season/[season]/matches.json.sql', true]]);
      expect((await readdir(join(cache, 'season'))).sort()).toEqual(['20', '21']);
      const read = async (path: string) => JSON.parse(await readFile(join(cache, path), 'utf8')) as unknown;
      expect(await read('season/20/matches.json')).toEqual({ available: true, columns: ['season_id', 'id'], dates: [], rows: [[20, 1], [20, 2]] });
      expect(await read('season/21/matches.json')).toEqual({ available: true, columns: ['season_id', 'id'], dates: [], rows: [[21, 3]] });
      expect(await read('season/21/goals.json')).toEqual({ available: false, absent: ['goals'], empty: [] });
      await writeFile(join(data, 'season', '[season]', 'goals.json.sql'), '-- requires: matches\nSELECT id FROM matches\n');
      await expect(runAllQueries(database.url, {}, data, cache)).rejects.toThrow(/season\/\[season\]\/goals\.json\.sql: a query under data\/season\/\[season\] must return a season_id column$/);
    } finally {
      await rm(data, { recursive: true, force: true });
      await rm(cache, { recursive: true, force: true });
    }
  });
});
