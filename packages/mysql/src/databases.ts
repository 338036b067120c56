import { randomBytes } from 'node:crypto';
import { resolveServerUrl } from './locate.ts';
import { migrate } from './migrations.ts';
import { withConnection } from './connection.ts';
import { withDatabase } from './url.ts';

const NAME = /^[a-z0-9_]{1,64}$/;

function assertName(name: string): void {
  if (!NAME.test(name)) throw new Error(`database name must match ${NAME.source}: ${name}`);
}

export async function createDatabase(serverUrl: string, name: string): Promise<string> {
  assertName(name);
  await withConnection(withDatabase(serverUrl, null), (connection) =>
    connection.query(`CREATE DATABASE IF NOT EXISTS \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`),
  );
  return withDatabase(serverUrl, name);
}

export async function dropDatabase(serverUrl: string, name: string): Promise<void> {
  assertName(name);
  await withConnection(withDatabase(serverUrl, null), (connection) => connection.query(`DROP DATABASE IF EXISTS \`${name}\``));
}

export interface TestDatabase {
  url: string;
  name: string;
  /** Server URL without a database, e.g. for creating users. */
  serverUrl: string;
  drop(): Promise<void>;
}

/**
 * A uniquely named database on the located server, migrated when `migrationsDir` is given.
 * Each test file makes its own so that files run in parallel and leave nothing behind.
 */
export async function createTestDatabase(options: { prefix: string; migrationsDir?: string }): Promise<TestDatabase> {
  const serverUrl = await resolveServerUrl();
  const prefix = options.prefix.toLowerCase().replace(/[^a-z0-9]+/g, '_').slice(0, 30);
  const name = `t_${prefix}_${randomBytes(5).toString('hex')}`;
  const url = await createDatabase(serverUrl, name);
  try {
    if (options.migrationsDir) await migrate(url, options.migrationsDir);
  } catch (error) {
    await dropDatabase(serverUrl, name);
    throw error;
  }
  return { url, name, serverUrl, drop: () => dropDatabase(serverUrl, name) };
}
