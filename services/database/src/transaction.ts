// Transactions on the shared pool. A deadlock or lock-wait timeout rolls the whole
// transaction back in MySQL, so the work is run again from the start, a few times.
import type { Pool } from 'mariadb';
import type { Connection } from './db.ts';
import { ER_LOCK_DEADLOCK, ER_LOCK_WAIT_TIMEOUT, sqlErrno } from './sql.ts';

export interface RetryOptions {
  attempts: number;
  /** Upper bound of the random pause before attempt n is n times this. */
  backoffMs: number;
  onRetry?: (attempt: number, error: unknown) => void;
}

const DEFAULT_RETRY: RetryOptions = { attempts: 8, backoffMs: 20 };

export function isRetryable(error: unknown): boolean {
  const errno = sqlErrno(error);
  return errno === ER_LOCK_DEADLOCK || errno === ER_LOCK_WAIT_TIMEOUT;
}

export async function inTransaction<T>(pool: Pool, work: (connection: Connection) => Promise<T>, retry: Partial<RetryOptions> = {}): Promise<T> {
  const options = { ...DEFAULT_RETRY, ...retry };
  for (let attempt = 1; ; attempt += 1) {
    const connection = await pool.getConnection();
    try {
      await connection.beginTransaction();
      const result = await work(connection);
      await connection.commit();
      return result;
    } catch (error) {
      await connection.rollback().catch(() => undefined);
      if (!isRetryable(error) || attempt >= options.attempts) throw error;
      options.onRetry?.(attempt, error);
      await new Promise((resolve) => setTimeout(resolve, Math.random() * options.backoffMs * attempt));
    } finally {
      await connection.release();
    }
  }
}
