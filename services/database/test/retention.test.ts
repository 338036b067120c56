import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withConnection } from '@insightxi/mysql';
import { DEFAULT_RETENTION_DAYS, pruneOlderThan, retentionDays } from '../src/retention.ts';
import { migratedDatabase, type TestContext } from './helpers.ts';

let ctx: TestContext;
const NOW = new Date('2026-12-01T12:00:00.000Z');
const daysAgo = (days: number) => new Date(NOW.getTime() - days * 86_400_000);

beforeAll(async () => {
  ctx = await migratedDatabase('retention');
});

afterAll(async () => {
  await ctx.close();
});

async function seed(): Promise<void> {
  await withConnection(ctx.testDb.url, async (connection) => {
    await connection.query("INSERT INTO sync_runs (id, entity, mode, scope, scope_key, status, started_at, updated_at) VALUES (1, 'fixtures', 'full', '{}', 'fixtures', 'succeeded', ?, ?)", [daysAgo(200), daysAgo(200)]);
    for (const [key, age] of [['old', 120], ['edge', 91], ['recent', 30], ['today', 0]] as const) {
      await connection.query("INSERT INTO sync_run_pages (run_id, page_key, entity, created, updated, unchanged, failed, applied_at) VALUES (1, ?, 'fixtures', 1, 0, 0, 0, ?)", [key, daysAgo(age)]);
      await connection.query("INSERT INTO quarantine (run_id, entity, source_id, reason, payload, created_at) VALUES (1, 'fixtures', ?, 'no home team', '{}', ?)", [age, daysAgo(age)]);
    }
  });
}

const remaining = (table: string) =>
  withConnection(ctx.testDb.url, async (connection) => (await connection.query<{ n: bigint }[]>(`SELECT COUNT(*) AS n FROM ${table}`))[0]?.n);

describe('retention', () => {
  it('deletes sync pages and quarantine rows past the period, keeps the rest and the run itself', async () => {
    await seed();
    const pruned = await pruneOlderThan(ctx.testDb.url, 90, NOW);
    expect(pruned).toEqual({ olderThan: daysAgo(90).toISOString(), syncRunPages: 2, quarantine: 2 });
    expect(Number(await remaining('sync_run_pages'))).toBe(2);
    expect(Number(await remaining('quarantine'))).toBe(2);
    expect(Number(await remaining('sync_runs'))).toBe(1);
    // Nothing left to delete: a second pass deletes nothing.
    expect(await pruneOlderThan(ctx.testDb.url, 90, NOW)).toMatchObject({ syncRunPages: 0, quarantine: 0 });
  });

  it('reads RETENTION_DAYS (default 90) and refuses a period that is not a whole number of days', async () => {
    expect(retentionDays({})).toBe(DEFAULT_RETENTION_DAYS);
    expect(retentionDays({ RETENTION_DAYS: '' })).toBe(90);
    expect(retentionDays({ RETENTION_DAYS: '30' })).toBe(30);
    expect(() => retentionDays({ RETENTION_DAYS: '1.5' })).toThrow('RETENTION_DAYS must be a whole number of days, at least 1 (got 1.5)');
    expect(() => retentionDays({ RETENTION_DAYS: '0' })).toThrow(/at least 1/);
    await expect(pruneOlderThan(ctx.testDb.url, 0, NOW)).rejects.toThrow(/at least 1 \(got 0\)/);
  });
});
