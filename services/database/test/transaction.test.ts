import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTransaction } from '../src/transaction.ts';
import { ER_LOCK_DEADLOCK, sqlErrno } from '../src/sql.ts';
import { league, migratedDatabase, type TestContext } from './helpers.ts';
import { createBulkWriter } from '../src/bulk/writer.ts';

let ctx: TestContext;

beforeAll(async () => {
  ctx = await migratedDatabase('transactions');
  await createBulkWriter(ctx.db.pool, { chunkSize: 10 }).write('leagues', { records: [league(1), league(2)] });
});
afterAll(async () => ctx.close());

/** Resolves once `count` parties have arrived. */
function barrier(count: number): () => Promise<void> {
  let arrived = 0;
  let release: () => void = () => undefined;
  const all = new Promise<void>((resolve) => {
    release = resolve;
  });
  return () => {
    arrived += 1;
    if (arrived === count) release();
    return all;
  };
}

describe('inTransaction', () => {
  it('runs a transaction again when MySQL picks it as a deadlock victim', async () => {
    const bothLockedOne = barrier(2);
    const retries: number[] = [];
    const lockInOrder = (first: number, second: number, name: string) => {
      let attempt = 0;
      return inTransaction(
        ctx.db.pool,
        async (connection) => {
          attempt += 1;
          await connection.query('SELECT id FROM leagues WHERE id = ? FOR UPDATE', [first]);
          // Only the first attempts meet in the middle; a retry goes straight through.
          if (attempt === 1) await bothLockedOne();
          await connection.query('UPDATE leagues SET name = ? WHERE id = ?', [name, second]);
          return attempt;
        },
        {
          onRetry: (n, error) => {
            expect(sqlErrno(error)).toBe(ER_LOCK_DEADLOCK);
            retries.push(n);
          },
        },
      );
    };
    const attempts = await Promise.all([lockInOrder(1, 2, 'from a'), lockInOrder(2, 1, 'from b')]);
    expect(attempts.sort()).toEqual([1, 2]);
    expect(retries).toEqual([1]);
    const rows = await ctx.db.pool.query<{ id: number; name: string }[]>('SELECT id, name FROM leagues ORDER BY id');
    expect(rows.map((r) => r.name).sort()).toEqual(['from a', 'from b']);
  });

  it('does not retry other errors', async () => {
    let attempts = 0;
    await expect(
      inTransaction(ctx.db.pool, async (connection) => {
        attempts += 1;
        await connection.query('INSERT INTO leagues (id) VALUES (1)');
      }),
    ).rejects.toThrow();
    expect(attempts).toBe(1);
  });
});
