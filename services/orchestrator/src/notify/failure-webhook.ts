// Tells a webhook (NOTIFY_WEBHOOK_URL, e.g. a Slack incoming webhook) that a run failed. It
// watches runs end beside the engine and stays out of its way: a delivery that fails is
// logged, never thrown. The URL is a secret (Slack's carries its token in the path), so it
// appears in no log line and no error; only its host does.
import type { RunFailedNotification, SyncRun } from '@insightxi/contracts';
import { createServiceClient, ServiceCallError, type RetryPolicy } from '@insightxi/http-client';
import type { Log, RunObserver } from '../engine/ports.ts';
import { toSummary } from '../engine/summary.ts';

export interface FailureWebhookOptions {
  url: string;
  log: Log;
  /** Per attempt: to connect, then for the answer (undici checks about once a second). */
  timeoutMs: number;
  retries?: Partial<RetryPolicy>;
  now?: () => number;
}

export interface FailureWebhook extends RunObserver {
  /** Waits for the deliveries under way, then lets the connections go (the app's onClose). */
  close(): Promise<void>;
}

export const DEFAULT_NOTIFY_RETRIES: RetryPolicy = { retries: 2, minDelayMs: 200, maxDelayMs: 2_000, maxTotalMs: 10_000 };

export function failureNotification(run: SyncRun, now: number): RunFailedNotification {
  const summary = toSummary(run, now);
  const error = summary.error?.message ?? 'no error recorded';
  return { text: `InsightXI sync run ${run.id} (${run.entity}) failed: ${error}`, run: summary };
}

export function failureWebhook(options: FailureWebhookOptions): FailureWebhook {
  const target = new URL(options.url);
  const now = options.now ?? Date.now;
  // The secret path rides in the client's base URL, never in a request path, which errors name.
  const client = createServiceClient({
    name: 'notify-webhook',
    baseUrl: `${target.origin}${target.pathname}`,
    timeouts: { connectMs: options.timeoutMs, headersMs: options.timeoutMs, bodyMs: options.timeoutMs },
    retries: { ...DEFAULT_NOTIFY_RETRIES, ...options.retries },
  });
  const path = target.pathname === '/' ? '/' : '';
  const query = Object.fromEntries(target.searchParams);
  const pending = new Set<Promise<void>>();

  async function deliver(run: SyncRun): Promise<void> {
    const where = { runId: run.id, entity: run.entity, webhookHost: target.host };
    try {
      await client.request({
        method: 'POST',
        path,
        query,
        body: failureNotification(run, now()),
        // Retried like an idempotent call: a notice seen twice beats a notice lost.
        idempotent: true,
        requestId: `run-${run.id}-failed`,
      });
      options.log.info(where, 'run failure notified');
    } catch (error) {
      options.log.warn({ ...where, ...whyUndelivered(error) }, `run ${run.id} failure notification not delivered to ${target.host}`);
    }
  }

  return {
    runEnded(_entity, status, run) {
      if (status !== 'failed') return;
      const delivery: Promise<void> = deliver(run).finally(() => pending.delete(delivery));
      pending.add(delivery);
    },
    pagesLanded() {},
    async close() {
      await Promise.all(pending);
      await client.close();
    },
  };
}

/** Kind, status and attempts only: the error's message and cause may quote the URL. */
function whyUndelivered(error: unknown): Record<string, unknown> {
  if (error instanceof ServiceCallError) return { kind: error.kind, status: error.status, attempts: error.attempts };
  return { kind: 'unexpected', error: error instanceof Error ? error.name : typeof error };
}
