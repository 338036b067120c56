// Builds the orchestrator: service-kit's Fastify app, then its plugins (the downstream services;
// the engine: runs and the live poller), then the routes. Not listening; server.ts does that.
import { buildService, fromConfig, type App, type ServiceOverrides } from '@insightxi/service-kit';
import type { OrchestratorConfig } from './config.ts';
import type { Fetcher, Writer } from './engine/ports.ts';
import downstream from './plugins/downstream.ts';
import engine from './plugins/engine.ts';
import { mapError } from './routes/errors.ts';
import { freshnessRoutes } from './routes/freshness.ts';
import { liveRoutes } from './routes/live.ts';
import { requireOperator } from './routes/operator.ts';
import { runRoutes } from './routes/runs.ts';
import { syncRoutes } from './routes/sync.ts';

export interface AppOverrides extends ServiceOverrides {
  /** Stand-ins for the downstream services (tests). */
  fetcher?: Fetcher;
  writer?: Writer;
  now?: () => number;
}

export async function buildApp(config: OrchestratorConfig, overrides: AppOverrides = {}): Promise<App> {
  const description = 'Sync runs: POST /sync/{entity}, run history, cancel and resume.';
  const app = await buildService({ name: 'orchestrator', description, ...fromConfig(config, overrides), mapError });
  await app.register(downstream, { config, fetcher: overrides.fetcher, writer: overrides.writer });
  await app.register(engine, { config, now: overrides.now });
  await app.register(async (operator) => {
    requireOperator(operator, config);
    await operator.register(syncRoutes);
    await operator.register(runRoutes);
    await operator.register(liveRoutes);
    await operator.register(freshnessRoutes, { schedule: config.SYNC_SCHEDULE, now: overrides.now });
  });
  return app;
}
