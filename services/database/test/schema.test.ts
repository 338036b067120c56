import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migratedDatabase, SCHEMA_FILE, type TestContext } from './helpers.ts';
import { schemaDrift } from './schema-drift.ts';

let ctx: TestContext;

beforeAll(async () => {
  ctx = await migratedDatabase('schema');
});
afterAll(async () => ctx.close());

describe('schema.prisma and the migrations', () => {
  it('agree on every table, column type, nullability, default, key, index and foreign key', async () => {
    expect(await schemaDrift(ctx.db.pool, ctx.testDb.name, SCHEMA_FILE)).toEqual([]);
  });

  it('use utf8mb4_unicode_ci everywhere', async () => {
    const rows = await ctx.db.pool.query<{ TABLE_NAME: string; TABLE_COLLATION: string }[]>(
      "SELECT TABLE_NAME, TABLE_COLLATION FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_TYPE = 'BASE TABLE'",
      [ctx.testDb.name],
    );
    expect(rows.filter((r) => r.TABLE_NAME !== '_prisma_migrations' && r.TABLE_COLLATION !== 'utf8mb4_unicode_ci')).toEqual([]);
  });

  it('reports a database that drifted from the schema', async () => {
    await ctx.db.pool.query('ALTER TABLE fixtures MODIFY home_goals INTEGER NOT NULL DEFAULT 0');
    await ctx.db.pool.query('ALTER TABLE fixtures DROP INDEX fixtures_starting_at_idx');
    await ctx.db.pool.query('ALTER TABLE teams ADD COLUMN nickname VARCHAR(20) NULL');
    await ctx.db.pool.query('ALTER TABLE standings DROP FOREIGN KEY standings_team_id_fkey');
    const problems = await schemaDrift(ctx.db.pool, ctx.testDb.name, SCHEMA_FILE);
    expect(problems).toEqual(
      expect.arrayContaining([
        'fixtures.home_goals is NOT NULL, the schema says NULL',
        'fixtures.home_goals: the schema has no default, the database has one',
        'fixtures: index fixtures_starting_at_idx (starting_at) is missing or different',
        'teams.nickname exists but is not in the schema',
        expect.stringContaining('foreign key standings_team_id_fkey (team_id) → teams(id)'),
      ]),
    );
  });
});
