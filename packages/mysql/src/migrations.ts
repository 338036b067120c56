// Applies migrations kept in Prisma's format (<folder>/<timestamp>_<name>/migration.sql) and
// keeps `_prisma_migrations` exactly as Prisma's engine does, so that `prisma migrate deploy`
// on a machine that has the engine sees them as applied. See shared/docs/prisma.md.
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Connection } from 'mariadb';
import { withConnection } from './connection.ts';

const LOCK_NAME = 'prisma_migrate';
const LOCK_TIMEOUT_SECONDS = 10;

const CREATE_TABLE = `CREATE TABLE IF NOT EXISTS _prisma_migrations (
  id VARCHAR(36) PRIMARY KEY NOT NULL,
  checksum VARCHAR(64) NOT NULL,
  finished_at DATETIME(3),
  migration_name VARCHAR(255) NOT NULL,
  logs TEXT,
  rolled_back_at DATETIME(3),
  started_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  applied_steps_count INTEGER UNSIGNED NOT NULL DEFAULT 0
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`;

export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

interface AppliedRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
  logs: string | null;
}

export interface MigrationStatus {
  applied: string[];
  pending: string[];
  /** Started but never finished nor rolled back: needs a person. */
  failed: string[];
  /** Applied, but the file changed since. */
  modified: string[];
}

export class MigrationError extends Error {}

export function readMigrations(migrationsDir: string): Migration[] {
  if (!existsSync(migrationsDir)) throw new MigrationError(`no migrations folder at ${migrationsDir}`);
  return readdirSync(migrationsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(migrationsDir, entry.name, 'migration.sql')))
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(join(migrationsDir, name, 'migration.sql'), 'utf8');
      return { name, sql, checksum: createHash('sha256').update(sql).digest('hex') };
    });
}

const SELECT_APPLIED = 'SELECT migration_name, checksum, finished_at, rolled_back_at, logs FROM _prisma_migrations ORDER BY started_at, migration_name';
const NO_SUCH_TABLE = 1146;

async function appliedRows(connection: Connection): Promise<AppliedRow[]> {
  await connection.query(CREATE_TABLE);
  return connection.query<AppliedRow[]>(SELECT_APPLIED);
}

function compare(migrations: Migration[], rows: AppliedRow[]): MigrationStatus {
  const live = rows.filter((row) => row.rolled_back_at === null);
  const finished = new Map(live.filter((row) => row.finished_at !== null).map((row) => [row.migration_name, row]));
  return {
    applied: migrations.filter((m) => finished.has(m.name)).map((m) => m.name),
    pending: migrations.filter((m) => !live.some((row) => row.migration_name === m.name)).map((m) => m.name),
    failed: live.filter((row) => row.finished_at === null).map((row) => row.migration_name),
    modified: migrations.filter((m) => finished.has(m.name) && finished.get(m.name)?.checksum !== m.checksum).map((m) => m.name),
  };
}

export async function migrationStatus(url: string, migrationsDir: string): Promise<MigrationStatus> {
  const migrations = readMigrations(migrationsDir);
  return withConnection(url, async (connection) => compare(migrations, await appliedRows(connection)));
}

/**
 * The migrations of `migrationsDir` not applied yet (pending or failed), read without changing
 * anything: an account that may only read rows can ask (the writer's readiness). A database that
 * never saw a migration has them all pending.
 */
export async function unappliedMigrations(url: string, migrationsDir: string): Promise<string[]> {
  const migrations = readMigrations(migrationsDir);
  const rows = await withConnection(url, (connection) =>
    connection.query<AppliedRow[]>(SELECT_APPLIED).catch((error: unknown) => {
      if ((error as { errno?: unknown }).errno === NO_SUCH_TABLE) return [];
      throw error;
    }),
  );
  const status = compare(migrations, rows);
  return [...status.pending, ...status.failed];
}

async function withLock<T>(connection: Connection, work: () => Promise<T>): Promise<T> {
  const [row] = await connection.query<{ locked: number | bigint | null }[]>('SELECT GET_LOCK(?, ?) AS locked', [LOCK_NAME, LOCK_TIMEOUT_SECONDS]);
  if (Number(row?.locked) !== 1) throw new MigrationError(`another migration holds the '${LOCK_NAME}' lock`);
  try {
    return await work();
  } finally {
    await connection.query('SELECT RELEASE_LOCK(?)', [LOCK_NAME]);
  }
}

/** Applies every pending migration in order; returns the names applied. */
export async function migrate(url: string, migrationsDir: string): Promise<string[]> {
  const migrations = readMigrations(migrationsDir);
  // A migration file holds several statements, run as one command.
  return withConnection(url, (connection) =>
    withLock(connection, async () => {
      const status = compare(migrations, await appliedRows(connection));
      if (status.failed.length > 0) {
        throw new MigrationError(
          `migration ${status.failed.join(', ')} failed earlier and was not rolled back: fix the database, then mark it rolled back`,
        );
      }
      const applied: string[] = [];
      for (const migration of migrations.filter((m) => status.pending.includes(m.name))) {
        const id = randomUUID();
        await connection.query(
          'INSERT INTO _prisma_migrations (id, checksum, migration_name, started_at, applied_steps_count) VALUES (?, ?, ?, UTC_TIMESTAMP(3), 0)',
          [id, migration.checksum, migration.name],
        );
        try {
          await connection.query(migration.sql);
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          await connection.query('UPDATE _prisma_migrations SET logs = ? WHERE id = ?', [message, id]);
          throw new MigrationError(`migration ${migration.name} failed: ${message}`);
        }
        await connection.query('UPDATE _prisma_migrations SET applied_steps_count = 1, finished_at = UTC_TIMESTAMP(3) WHERE id = ?', [id]);
        applied.push(migration.name);
      }
      return applied;
    }),
  { multipleStatements: true });
}

/** Records a migration as applied without running it, for a database that already has its changes. */
export async function baseline(url: string, migrationsDir: string, name: string): Promise<void> {
  const migration = readMigrations(migrationsDir).find((m) => m.name === name);
  if (!migration) throw new MigrationError(`no migration named ${name} in ${migrationsDir}`);
  await withConnection(url, (connection) =>
    withLock(connection, async () => {
      const status = compare([migration], await appliedRows(connection));
      if (!status.pending.includes(name)) return;
      await connection.query(
        'INSERT INTO _prisma_migrations (id, checksum, migration_name, started_at, finished_at, applied_steps_count) VALUES (?, ?, ?, UTC_TIMESTAMP(3), UTC_TIMESTAMP(3), 0)',
        [randomUUID(), migration.checksum, name],
      );
    }),
  );
}
