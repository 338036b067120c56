// Builds the orchestrator: service-kit's Fastify app, the downstream clients, the run
// manager, and the /sync routes. Not listening; server.ts does that.
import { createServiceClient, type ServiceClient } from '@insightxi/http-client';
import { buildService, type App, type LoggerOptions } from '@insightxi/service-kit';
import { httpFetcher } from './clients/fetcher-client.ts';
import { httpWriter } from './clients/writer-client.ts';
import type { OrchestratorConfig } from './config.ts';
import { RunManager } from './engine/manager.ts';
import type { Fetcher, Writer } from './engine/ports.ts';
import { runRoutes } from './routes/runs.ts';
import { syncRoutes } from './routes/sync.ts';

export interface Orchestrator {
  app: App;
  runs: RunManager;
}

export interface AppOverrides {
  logger?: LoggerOptions;
  /** Stand-ins for the downstream services (tests). */
  fetcher?: Fetcher;
  writer?: Writer;
  now?: () => number;
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
    readiness: {
      database: () => database.request({ method: 'GET', path: '/health/live' }),
      sportmonks: () => sportmonks.request({ method: 'GET', path: '/health/live' }),
    },
  });

  const manager = new RunManager({
    fetcher: overrides.fetcher ?? httpFetcher(sportmonks),
    writer: overrides.writer ?? httpWriter(database),
    log: app.log.child({ component: 'runs' }),
    config: {
      heartbeatMs: config.HEARTBEAT_MS,
      staleAfterMs: config.STALE_AFTER_MS,
      backoff: { attempts: config.RETRY_ATTEMPTS, initialDelayMs: config.RETRY_INITIAL_DELAY_MS, maxDelayMs: config.RETRY_MAX_DELAY_MS },
      chunkSize: config.BULK_CHUNK_SIZE,
    },
    ...(overrides.now ? { now: overrides.now } : {}),
  });
  app.addHook('onClose', async () => {
    await manager.close();
    await Promise.all([database.close(), sportmonks.close()]);
  });

  await app.register(syncRoutes, { operatorToken: config.OPERATOR_TOKEN, runs: manager });
  await app.register(runRoutes, { operatorToken: config.OPERATOR_TOKEN, runs: manager });
  return { app, runs: manager };
}
