// When the fetcher or the writer is down, a run waits and retries with exponential backoff
// up to a limit, then fails with a clear error; the failed run can be resumed later.
import { DependencyError, RunCancelledError } from './errors.ts';

export interface BackoffPolicy {
  /** Attempts in all, the first included. */
  attempts: number;
  initialDelayMs: number;
  maxDelayMs: number;
  /**
   * A dependency that names when it can serve again (the fetcher when the SportMonks budget is
   * spent) is waited for until then, without using up attempts, if that is at most this far off.
   */
  maxScheduledWaitMs?: number;
}

/** At most this many scheduled waits per call: a budget that keeps slipping fails the call. */
const MAX_SCHEDULED_WAITS = 3;

export const sleep = (ms: number, signal?: AbortSignal): Promise<void> =>
  new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(new RunCancelledError());
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(new RunCancelledError());
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });

export interface RetryNotice {
  attempt: number;
  delayMs: number;
  error: DependencyError;
  /** The dependency named when to come back; this wait does not count as an attempt. */
  scheduled: boolean;
}

export async function withBackoff<T>(
  call: () => Promise<T>,
  policy: BackoffPolicy,
  opts: { signal?: AbortSignal; onRetry?: (notice: RetryNotice) => void } = {},
): Promise<T> {
  let scheduledWaits = 0;
  for (let attempt = 1; ; attempt++) {
    if (opts.signal?.aborted) throw new RunCancelledError();
    try {
      return await call();
    } catch (error) {
      if (opts.signal?.aborted) throw new RunCancelledError();
      if (!(error instanceof DependencyError) || !error.transient) throw error;
      const untilRetry = error.retryAt === null ? null : error.retryAt - Date.now();
      if (untilRetry !== null && untilRetry <= (policy.maxScheduledWaitMs ?? 0) && scheduledWaits < MAX_SCHEDULED_WAITS) {
        scheduledWaits++;
        attempt--;
        // A little past the moment, spread so that waiting runs do not all return at once.
        const delayMs = Math.max(0, untilRetry) + Math.round(Math.random() * Math.min(1_000, policy.initialDelayMs + 1));
        opts.onRetry?.({ attempt: attempt + 1, delayMs, error, scheduled: true });
        await sleep(delayMs, opts.signal);
        continue;
      }
      if (attempt >= policy.attempts) {
        throw new DependencyError(error.service, `${error.service} unavailable after ${attempt} attempts: ${error.message}`, {
          status: error.status,
          requestId: error.requestId,
          transient: true,
          cause: error,
        });
      }
      // Full jitter keeps several runs from hammering a recovering service in step.
      const ceiling = Math.min(policy.maxDelayMs, policy.initialDelayMs * 2 ** (attempt - 1));
      const delayMs = Math.round(ceiling / 2 + Math.random() * (ceiling / 2));
      opts.onRetry?.({ attempt, delayMs, error, scheduled: false });
      await sleep(delayMs, opts.signal);
    }
  }
}
