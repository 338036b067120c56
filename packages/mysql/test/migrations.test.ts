import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mariadb from 'mariadb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseline, connectionConfig, createTestDatabase, migrate, migrationStatus, type TestDatabase } from '../src/index.ts';

let db: TestDatabase;
let dir: string;

function addMigration(name: string, sql: string) {
  mkdirSync(join(dir, name), { recursive: true });
  writeFileSync(join(dir, name, 'migration.sql'), sql);
}

async function query<T>(sql: string): Promise<T> {
  const connection = await mariadb.createConnection(connectionConfig(db.url));
  try {
    return await connection.query<T>(sql);
  } finally {
    await connection.end();
  }
}

beforeAll(async () => {
  db = await createTestDatabase({ prefix: 'mysql_migrations' });
  dir = mkdtempSync(join(tmpdir(), 'migrations-'));
  writeFileSync(join(dir, 'migration_lock.toml'), 'provider = "mysql"\n');
});

afterAll(async () => {
  await db.drop();
  rmSync(dir, { recursive: true, force: true });
});

describe('migration runner', () => {
  it('applies pending migrations in folder order and records them as Prisma does', async () => {
    const second = 'ALTER TABLE `teams` ADD COLUMN `short_code` VARCHAR(10) NULL;';
    addMigration('20260102000000_short_code', second);
    addMigration('20260101000000_init', 'CREATE TABLE `teams` (`id` INTEGER NOT NULL, PRIMARY KEY (`id`));\nINSERT INTO `teams` VALUES (1);');

    expect(await migrate(db.url, dir)).toEqual(['20260101000000_init', '20260102000000_short_code']);

    const rows = await query<{ migration_name: string; checksum: string; applied_steps_count: number; finished_at: Date | null }[]>(
      'SELECT migration_name, checksum, applied_steps_count, finished_at FROM _prisma_migrations ORDER BY migration_name',
    );
    expect(rows.map((r) => r.migration_name)).toEqual(['20260101000000_init', '20260102000000_short_code']);
    expect(rows[1]?.checksum).toBe(createHash('sha256').update(second).digest('hex'));
    expect(rows.every((r) => r.applied_steps_count === 1 && r.finished_at !== null)).toBe(true);
    expect(await query<unknown[]>('SELECT short_code FROM teams')).toHaveLength(1);
  });

  it('does nothing the second time and reports the database up to date', async () => {
    expect(await migrate(db.url, dir)).toEqual([]);
    expect(await migrationStatus(db.url, dir)).toMatchObject({ pending: [], failed: [], modified: [] });
  });

  it('records a failing migration with its error and refuses to continue past it', async () => {
    addMigration('20260103000000_broken', 'ALTER TABLE `no_such_table` ADD COLUMN `x` INTEGER;');
    addMigration('20260104000000_after', 'CREATE TABLE `later` (`id` INTEGER NOT NULL PRIMARY KEY);');

    await expect(migrate(db.url, dir)).rejects.toThrow(/20260103000000_broken failed: .*no_such_table/);
    const [row] = await query<{ logs: string; finished_at: Date | null }[]>(
      "SELECT logs, finished_at FROM _prisma_migrations WHERE migration_name = '20260103000000_broken'",
    );
    expect(row?.finished_at).toBeNull();
    expect(row?.logs).toMatch(/no_such_table/);
    expect(await migrationStatus(db.url, dir)).toMatchObject({ failed: ['20260103000000_broken'], pending: ['20260104000000_after'] });
    await expect(migrate(db.url, dir)).rejects.toThrow(/failed earlier and was not rolled back/);
    expect(await query<unknown[]>("SHOW TABLES LIKE 'later'")).toHaveLength(0);
  });

  it('baselines a migration so that it is not run', async () => {
    await query('UPDATE _prisma_migrations SET rolled_back_at = UTC_TIMESTAMP(3) WHERE finished_at IS NULL');
    rmSync(join(dir, '20260103000000_broken'), { recursive: true });
    await baseline(db.url, dir, '20260104000000_after');
    expect(await migrate(db.url, dir)).toEqual([]);
    expect(await query<unknown[]>("SHOW TABLES LIKE 'later'")).toHaveLength(0);
  });

  it('reports a migration file changed after it was applied', async () => {
    writeFileSync(join(dir, '20260101000000_init', 'migration.sql'), '-- edited\n');
    expect((await migrationStatus(db.url, dir)).modified).toEqual(['20260101000000_init']);
  });

  it('names what is wrong instead of migrating: no folder, an unknown migration to baseline', async () => {
    await expect(migrate(db.url, join(dir, 'nowhere'))).rejects.toThrow(/no migrations folder at/);
    await expect(baseline(db.url, dir, '20990101000000_never_written')).rejects.toThrow(/no migration named 20990101000000_never_written/);
  });

  it('waits for another migration holding the lock, then gives up naming it', async () => {
    const holder = await mariadb.createConnection(connectionConfig(db.url));
    try {
      await holder.query("SELECT GET_LOCK('prisma_migrate', 0)");
      await expect(migrate(db.url, dir)).rejects.toThrow(/another migration holds the 'prisma_migrate' lock/);
    } finally {
      await holder.end();
    }
  }, 60_000);
});
