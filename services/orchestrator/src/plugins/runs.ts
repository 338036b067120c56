// The runs of this process (app.runs): start, cancel, resume, and take over the runs a dead
// process left running. Watched by the metrics and, when configured, the failure webhook.
import fp from 'fastify-plugin';
import type { OrchestratorConfig } from '../config.ts';
import { RunManager } from '../engine/manager.ts';
import { allObservers } from '../engine/observers.ts';
import { runMetrics } from '../metrics.ts';
import { failureWebhook } from '../notify/failure-webhook.ts';

declare module 'fastify' {
  interface FastifyInstance {
    runs: RunManager;
  }
}

export interface RunsOptions {
  config: OrchestratorConfig;
  now?: (() => number) | undefined;
}

export default fp<RunsOptions>(
  (app, { config, now }) => {
    const metrics = runMetrics(app.metrics);
    const notifier =
      config.NOTIFY_WEBHOOK_URL === undefined
        ? null
        : failureWebhook({ url: config.NOTIFY_WEBHOOK_URL, timeoutMs: config.NOTIFY_WEBHOOK_TIMEOUT_MS, log: app.log.child({ component: 'notify' }), now });
    const runs = new RunManager({
      ...app.downstream,
      log: app.log.child({ component: 'runs' }),
      settings: config,
      observer: notifier === null ? metrics : allObservers(metrics, notifier),
      now,
    });
    app.decorate('runs', runs);
    // Registered after downstream, so closed before it: runs stop at their checkpoint while the writer is still reachable.
    app.addHook('onClose', async () => {
      await runs.close();
      await notifier?.close();
    });
    return Promise.resolve();
  },
  { name: 'runs', dependencies: ['downstream'] },
);
