// Builds the writer: service-kit's Fastify app, then its plugins (the MySQL pools, the
// repositories), then the routes. Not listening; server.ts does that; tests inject.
import { buildService, fromConfig, type App, type ServiceOverrides } from '@insightxi/service-kit';
import type { DatabaseServiceConfig } from './config.ts';
import database from './plugins/database.ts';
import repositories from './plugins/repositories.ts';
import { entityRoutes } from './routes/entities.ts';
import { freshnessRoutes } from './routes/freshness.ts';
import { mapError } from './routes/errors.ts';
import { quarantineRoutes } from './routes/quarantine.ts';
import { syncRunRoutes } from './routes/sync-runs.ts';

export type AppOverrides = ServiceOverrides;

export async function buildApp(config: DatabaseServiceConfig, overrides: AppOverrides = {}): Promise<App> {
  const description = 'The writer: the only service that talks to MySQL';
  const app = await buildService({ name: 'database', description, ...fromConfig(config, overrides), mapError });
  await app.register(database, { config });
  await app.register(repositories, { config });
  await app.register(entityRoutes);
  await app.register(syncRunRoutes);
  await app.register(quarantineRoutes);
  await app.register(freshnessRoutes);
  return app;
}
