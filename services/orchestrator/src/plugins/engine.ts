// The engine's long-running parts: the runs of this process (app.runs: start, cancel, resume,
// take over the runs a dead process left running), watched by the metrics and, when configured,
// the failure webhook; and the live poller of the latest-updated feed (app.live), started by
// server.ts when LIVE_POLL_MS > 0, its age exposed as a metric; and each league's freshness as a
// metric read from the writer when scraped.
import fp from 'fastify-plugin';
import type { OrchestratorConfig } from '../config.ts';
import { LivePoller } from '../engine/live-poller.ts';
import { RunManager } from '../engine/manager.ts';
import { allObservers } from '../engine/observers.ts';
import { freshnessMetrics, livePollMetrics, runMetrics } from '../metrics.ts';
import { failureWebhook } from '../notify/failure-webhook.ts';

declare module 'fastify' {
  interface FastifyInstance {
    runs: RunManager;
    live: LivePoller;
  }
}

export default fp<{ config: OrchestratorConfig; now?: (() => number) | undefined }>(
  (app, { config, now }) => {
    const metrics = runMetrics(app.metrics);
    const notifier =
      config.NOTIFY_WEBHOOK_URL === undefined
        ? null
        : failureWebhook({ url: config.NOTIFY_WEBHOOK_URL, timeoutMs: config.NOTIFY_WEBHOOK_TIMEOUT_MS, log: app.log.child({ component: 'notify' }), now });
    const observer = notifier === null ? metrics : allObservers(metrics, notifier);
    const runs = new RunManager({ ...app.downstream, log: app.log.child({ component: 'runs' }), settings: config, observer, now });
    const live = new LivePoller({ ...app.downstream, log: app.log.child({ component: 'live' }), settings: config, now });
    app.decorate('runs', runs);
    app.decorate('live', live);
    // The poll's age is what the stalled-poller alarm watches.
    livePollMetrics(app.metrics, () => live.pollAgeMs());
    freshnessMetrics(app.metrics, () => app.downstream.writer.freshness(null, {}), now ?? Date.now, (err: unknown) => {
      app.log.warn({ err }, 'freshness metric: the writer did not answer');
    });
    // Registered after downstream, so closed before it: runs stop at their checkpoint while the writer is still reachable.
    app.addHook('onClose', async () => {
      await live.stop();
      await runs.close();
      await notifier?.close();
    });
    return Promise.resolve();
  },
  { name: 'engine', dependencies: ['downstream'] },
);
