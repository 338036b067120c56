// Transactions on the shared pool. A deadlock or lock-wait timeout rolls the whole transaction
// back in MySQL, so the work is run again from the start (p-retry: a few times, jittered).
import type { Pool } from 'mariadb';
import pRetry from 'p-retry';
import type { Connection } from './db.ts';
import { ER_LOCK_DEADLOCK, ER_LOCK_WAIT_TIMEOUT, sqlErrno } from './sql.ts';

export interface RetryOptions {
  /** Attempts in all, the first included. */
  attempts: number;
  /** The first pause; each next one is up to twice as long. */
  backoffMs: number;
  onRetry?: (attempt: number, error: unknown) => void;
}

const DEFAULT_RETRY: RetryOptions = { attempts: 8, backoffMs: 20 };
const MAX_BACKOFF_MS = 500;

export function isRetryable(error: unknown): boolean {
  const errno = sqlErrno(error);
  return errno === ER_LOCK_DEADLOCK || errno === ER_LOCK_WAIT_TIMEOUT;
}

async function once<T>(pool: Pool, work: (connection: Connection) => Promise<T>): Promise<T> {
  const connection = await pool.getConnection();
  try {
    await connection.beginTransaction();
    const result = await work(connection);
    await connection.commit();
    return result;
  } catch (error) {
    await connection.rollback().catch(() => undefined);
    throw error;
  } finally {
    await connection.release();
  }
}

export function inTransaction<T>(pool: Pool, work: (connection: Connection) => Promise<T>, retry: Partial<RetryOptions> = {}): Promise<T> {
  const options = { ...DEFAULT_RETRY, ...retry };
  return pRetry(() => once(pool, work), {
    retries: options.attempts - 1,
    minTimeout: options.backoffMs,
    maxTimeout: MAX_BACKOFF_MS,
    randomize: true,
    shouldRetry: ({ error }) => isRetryable(error),
    onFailedAttempt: ({ error, attemptNumber, retriesLeft }) => {
      if (isRetryable(error) && retriesLeft > 0) options.onRetry?.(attemptNumber, error);
    },
  });
}
