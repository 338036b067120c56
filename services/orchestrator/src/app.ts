// Builds the orchestrator: service-kit's Fastify app, then its plugins (the downstream services,
// the runs, the live poller), then the routes. Not listening; server.ts does that.
import { buildService, fromConfig, type App, type ServiceOverrides } from '@insightxi/service-kit';
import type { OrchestratorConfig } from './config.ts';
import type { Fetcher, Writer } from './engine/ports.ts';
import downstream from './plugins/downstream.ts';
import live from './plugins/live.ts';
import runs from './plugins/runs.ts';
import { mapError } from './routes/errors.ts';
import { runRoutes } from './routes/runs.ts';
import { syncRoutes } from './routes/sync.ts';

export interface AppOverrides extends ServiceOverrides {
  /** Stand-ins for the downstream services (tests). */
  fetcher?: Fetcher;
  writer?: Writer;
  now?: () => number;
}

export async function buildApp(config: OrchestratorConfig, overrides: AppOverrides = {}): Promise<App> {
  const app = await buildService({
    name: 'orchestrator',
    description: 'Sync runs: POST /sync/{entity}, run history, cancel and resume.',
    ...fromConfig(config, overrides),
    mapError,
  });
  await app.register(downstream, { config, fetcher: overrides.fetcher, writer: overrides.writer });
  await app.register(runs, { config, now: overrides.now });
  await app.register(live, { config, now: overrides.now });
  await app.register(syncRoutes, { config });
  await app.register(runRoutes, { config });
  return app;
}
