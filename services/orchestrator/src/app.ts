// Builds the orchestrator: service-kit's Fastify app, the downstream clients, the run
// manager, and the /sync routes. Not listening; server.ts does that.
import { createServiceClient, type ServiceClient } from '@insightxi/http-client';
import { buildService, type App, type Limits, type LoggerOptions } from '@insightxi/service-kit';
import { httpFetcher } from './clients/fetcher-client.ts';
import { httpWriter } from './clients/writer-client.ts';
import type { OrchestratorConfig } from './config.ts';
import { LivePoller } from './engine/live-poller.ts';
import { RunManager } from './engine/manager.ts';
import { allObservers } from './engine/observers.ts';
import { runMetrics } from './metrics.ts';
import { failureWebhook } from './notify/failure-webhook.ts';
import type { Fetcher, Writer } from './engine/ports.ts';
import { runRoutes } from './routes/runs.ts';
import { syncRoutes } from './routes/sync.ts';

export interface Orchestrator {
  app: App;
  runs: RunManager;
  /** Not started here: server.ts starts it when LIVE_POLL_MS > 0. */
  live: LivePoller;
}

export interface AppOverrides {
  logger?: LoggerOptions;
  /** Stand-ins for the downstream services (tests). */
  fetcher?: Fetcher;
  writer?: Writer;
  now?: () => number;
  /** service-kit's body limit and timeouts (tests shorten them). */
  limits?: Partial<Limits>;
}

export async function buildApp(config: OrchestratorConfig, overrides: AppOverrides = {}): Promise<Orchestrator> {
  const downstream = (name: string, baseUrl: string): ServiceClient =>
    createServiceClient({
      name,
      baseUrl,
      token: config.INTERNAL_TOKEN,
      timeouts: { headersMs: config.DOWNSTREAM_TIMEOUT_MS, bodyMs: config.DOWNSTREAM_TIMEOUT_MS },
      // Short retries here; a longer outage is the run's backoff (RETRY_*), which logs and can fail the run.
      retries: { retries: 1, minDelayMs: 100, maxDelayMs: 500, maxTotalMs: 5_000 },
    });
  const database = downstream('database', config.DATABASE_SERVICE_URL);
  const sportmonks = downstream('sportmonks', config.SPORTMONKS_SERVICE_URL);

  const app = await buildService({
    name: 'orchestrator',
    description: 'Sync runs: POST /sync/{entity}, run history, cancel and resume.',
    logger: overrides.logger ?? { level: config.LOG_LEVEL, pretty: config.LOG_PRETTY },
    ...(overrides.limits ? { limits: overrides.limits } : {}),
    readiness: {
      database: () => database.request({ method: 'GET', path: '/health/live' }),
      sportmonks: () => sportmonks.request({ method: 'GET', path: '/health/live' }),
    },
  });

  const fetcher = overrides.fetcher ?? httpFetcher(sportmonks);
  const writer = overrides.writer ?? httpWriter(database);
  const metrics = runMetrics(app.metrics);
  const notifier =
    config.NOTIFY_WEBHOOK_URL === undefined
      ? null
      : failureWebhook({
          url: config.NOTIFY_WEBHOOK_URL,
          timeoutMs: config.NOTIFY_WEBHOOK_TIMEOUT_MS,
          log: app.log.child({ component: 'notify' }),
          ...(overrides.now ? { now: overrides.now } : {}),
        });
  const manager = new RunManager({
    fetcher,
    writer,
    log: app.log.child({ component: 'runs' }),
    config: {
      heartbeatMs: config.HEARTBEAT_MS,
      staleAfterMs: config.STALE_AFTER_MS,
      backoff: {
        attempts: config.RETRY_ATTEMPTS,
        initialDelayMs: config.RETRY_INITIAL_DELAY_MS,
        maxDelayMs: config.RETRY_MAX_DELAY_MS,
        maxScheduledWaitMs: config.RATE_LIMIT_MAX_WAIT_MS,
      },
      chunkSize: config.BULK_CHUNK_SIZE,
      readAheadPages: config.READ_AHEAD_PAGES,
      readAheadRecords: config.READ_AHEAD_RECORDS,
      stepsAhead: config.STEPS_AHEAD,
      writesInFlight: config.WRITES_IN_FLIGHT,
    },
    observer: notifier === null ? metrics : allObservers(metrics, notifier),
    ...(overrides.now ? { now: overrides.now } : {}),
  });
  const live = new LivePoller({
    fetcher,
    writer,
    log: app.log.child({ component: 'live' }),
    config: {
      intervalMs: Math.max(config.LIVE_POLL_MS, 1),
      feedWindowMs: config.LIVE_FEED_WINDOW_MS,
      beforeKickoffMs: config.LIVE_BEFORE_KICKOFF_MS,
      afterKickoffMs: config.LIVE_AFTER_KICKOFF_MS,
      scheduleCheckMs: config.LIVE_SCHEDULE_CHECK_MS,
    },
    ...(overrides.now ? { now: overrides.now } : {}),
  });
  app.addHook('onClose', async () => {
    await live.stop();
    await manager.close();
    await notifier?.close();
    await Promise.all([database.close(), sportmonks.close()]);
  });

  await app.register(syncRoutes, { operatorToken: config.OPERATOR_TOKEN, runs: manager });
  await app.register(runRoutes, { operatorToken: config.OPERATOR_TOKEN, runs: manager, live });
  return { app, runs: manager, live };
}
