import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import mariadb, { type Connection } from 'mariadb';
import { connectionConfig, withConnection } from '@insightxi/mysql';
import { ensureAnalystUser } from '../src/accounts.ts';
import { createBulkWriter } from '../src/bulk/writer.ts';
import { league, migratedDatabase, urlAs, type TestContext } from './helpers.ts';

let ctx: TestContext;
// Accounts are server-wide: a name of this file's own.
const user = `analyst_${randomBytes(4).toString('hex')}`;
const password = `pw-${randomBytes(8).toString('hex')}`;

beforeAll(async () => {
  ctx = await migratedDatabase('analyst');
  await createBulkWriter(ctx.db.pool, { chunkSize: 10 }).write('leagues', { records: [league(8)] });
  await ensureAnalystUser(ctx.testDb.url, { user, host: '%', password, database: ctx.testDb.name });
});
afterAll(async () => {
  await ctx.db.pool.query(`DROP USER IF EXISTS '${user}'@'%'`);
  await ctx.close();
});

const analystUrl = (): string => urlAs(ctx.testDb.url, user, password);

function asAnalyst<T>(work: (connection: Connection) => Promise<T>): Promise<T> {
  return withConnection(analystUrl(), work);
}

const DENIED = 1142;

describe('the analyst user', () => {
  it('can SELECT from tables and views', async () => {
    const leagues = await asAnalyst((c) => c.query<{ name: string }[]>('SELECT name FROM leagues'));
    expect(leagues.map((l) => l.name)).toEqual(['League 8']);
    await expect(asAnalyst((c) => c.query('SELECT * FROM league_table'))).resolves.toEqual([]);
    await expect(asAnalyst((c) => c.query('SELECT * FROM fixture_results'))).resolves.toEqual([]);
  });

  it('cannot INSERT, UPDATE, DELETE or DROP', async () => {
    for (const sql of [
      "INSERT INTO venues (id, name, national_team, content_hash, updated_at) VALUES (1, 'x', 0, 'x', NOW())",
      "UPDATE leagues SET name = 'changed'",
      'DELETE FROM leagues',
      'DROP TABLE leagues',
    ]) {
      await expect(asAnalyst((c) => c.query(sql)), sql).rejects.toMatchObject({ errno: DENIED });
    }
    const rows = await ctx.db.pool.query<{ name: string }[]>('SELECT name FROM leagues');
    expect(rows.map((l) => l.name)).toEqual(['League 8']);
  });

  it('keeps working when the command runs again with a new password', async () => {
    const again = `pw-${randomBytes(8).toString('hex')}`;
    await ensureAnalystUser(ctx.testDb.url, { user, host: '%', password: again, database: ctx.testDb.name });
    const url = new URL(analystUrl());
    url.password = again;
    const connection = await mariadb.createConnection(connectionConfig(url.toString()));
    await expect(connection.query('SELECT COUNT(*) AS n FROM leagues')).resolves.toEqual([{ n: 1n }]);
    await connection.end();
  });
});
