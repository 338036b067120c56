// When the fetcher or the writer is down, a run waits and retries with exponential backoff and
// jitter (p-retry) up to RETRY_ATTEMPTS, then fails with a clear error; the failed run can be
// resumed later. A dependency that names when it can serve again (the fetcher when the SportMonks
// budget is spent) is waited for until then, without using up an attempt.
import { setTimeout as sleep } from 'node:timers/promises';
import pRetry from 'p-retry';
import type { RunSettings } from '../config.ts';
import { DependencyError } from './errors.ts';

export type RetrySettings = Pick<RunSettings, 'RETRY_ATTEMPTS' | 'RETRY_INITIAL_DELAY_MS' | 'RETRY_MAX_DELAY_MS' | 'RATE_LIMIT_MAX_WAIT_MS'>;

export interface RetryNotice {
  attempt: number;
  delayMs: number;
  error: DependencyError;
  /** The dependency named when to come back; this wait does not count as an attempt. */
  scheduled: boolean;
}

export interface RetryOptions {
  signal?: AbortSignal;
  onRetry?: (notice: RetryNotice) => void;
}

/** At most this many scheduled waits per call: a budget that keeps slipping fails the call. */
const MAX_SCHEDULED_WAITS = 3;

const isTransient = (error: unknown): error is DependencyError => error instanceof DependencyError && error.transient;

export async function withRetry<T>(call: () => Promise<T>, settings: RetrySettings, options: RetryOptions = {}): Promise<T> {
  let failures = 0;
  let scheduledWaits = 0;
  /** The wait the dependency asked for after the latest failure, or null for a plain backoff. */
  let scheduled: number | null = null;
  const scheduledDelay = (error: Error): number | null => {
    if (!isTransient(error) || error.retryAt === null || scheduledWaits >= MAX_SCHEDULED_WAITS) return null;
    const untilRetry = error.retryAt - Date.now();
    if (untilRetry > settings.RATE_LIMIT_MAX_WAIT_MS) return null;
    // A little past the moment, spread so that waiting runs do not all return at once.
    return Math.max(0, untilRetry) + Math.round(Math.random() * Math.min(1_000, settings.RETRY_INITIAL_DELAY_MS + 1));
  };
  try {
    return await pRetry(call, {
      // One more than the attempts after the first: a scheduled wait may still follow the last of them.
      retries: settings.RETRY_ATTEMPTS,
      factor: 2,
      minTimeout: settings.RETRY_INITIAL_DELAY_MS,
      maxTimeout: settings.RETRY_MAX_DELAY_MS,
      randomize: true,
      ...(options.signal ? { signal: options.signal } : {}),
      shouldConsumeRetry: ({ error }) => {
        scheduled = scheduledDelay(error);
        return scheduled === null;
      },
      onFailedAttempt: async ({ error, retryDelay }) => {
        if (!isTransient(error)) return;
        if (scheduled === null) {
          failures += 1;
          if (failures < settings.RETRY_ATTEMPTS) options.onRetry?.({ attempt: failures, delayMs: retryDelay, error, scheduled: false });
          return;
        }
        scheduledWaits += 1;
        options.onRetry?.({ attempt: failures + 1, delayMs: scheduled, error, scheduled: true });
        await sleep(scheduled, undefined, options.signal ? { signal: options.signal } : {});
      },
      shouldRetry: ({ error }) => isTransient(error) && (scheduled !== null || failures < settings.RETRY_ATTEMPTS),
    });
  } catch (error) {
    if (!isTransient(error) || options.signal?.aborted === true) throw error;
    throw new DependencyError(error.service, `${error.service} unavailable after ${failures} attempts: ${error.message}`, {
      status: error.status,
      requestId: error.requestId,
      transient: true,
      cause: error,
    });
  }
}
