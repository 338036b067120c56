// Builds the writer service from its config: the shared service shell, the MySQL pool, the
// repositories, then the routes. Not listening yet (server.ts does that; tests inject).
import { buildService, type App, type LoggerOptions, type ServiceOptions } from '@insightxi/service-kit';
import { ENTITIES } from '@insightxi/contracts';
import { createBulkWriter } from './bulk/writer.ts';
import type { DatabaseServiceConfig } from './config.ts';
import { openDatabase, type Database } from './db.ts';
import { quarantineRepository } from './repositories/quarantine.ts';
import { recordRepository } from './repositories/records.ts';
import { seasonSyncRepository } from './repositories/season-syncs.ts';
import { syncRunRepository } from './repositories/sync-runs.ts';
import { ENTITY_ROUTES } from './routes/entities.ts';
import { quarantineRoutes } from './routes/quarantine.ts';
import { syncRunRoutes } from './routes/sync-runs.ts';

export type AppConfig = Pick<DatabaseServiceConfig, 'DATABASE_URL' | 'INTERNAL_TOKEN' | 'DATABASE_POOL_SIZE' | 'BULK_CHUNK_SIZE'> & {
  logger?: LoggerOptions;
  underPressure?: ServiceOptions['underPressure'];
};

declare module 'fastify' {
  interface FastifyInstance {
    database: Database;
  }
}

export async function buildApp(config: AppConfig): Promise<App> {
  const database = openDatabase({ url: config.DATABASE_URL, poolSize: config.DATABASE_POOL_SIZE });
  const app = await buildService({
    name: 'database',
    description: 'The writer: the only service that talks to MySQL',
    ...(config.logger ? { logger: config.logger } : {}),
    ...(config.underPressure ? { underPressure: config.underPressure } : {}),
    internalToken: config.INTERNAL_TOKEN,
    readiness: { mysql: () => database.ping() },
  });
  app.decorate('database', database);
  app.addHook('onClose', async () => database.close());

  const records = recordRepository(database.prisma);
  const writer = createBulkWriter(database.pool, {
    chunkSize: config.BULK_CHUNK_SIZE,
    retry: {
      onRetry: (attempt, error) => {
        app.log.warn({ attempt, err: error }, 'deadlock or lock timeout: retrying the transaction');
      },
    },
  });
  for (const entity of ENTITIES) await app.register(ENTITY_ROUTES[entity], { records, writer });
  await app.register(syncRunRoutes, { runs: syncRunRepository(database.prisma), seasonSyncs: seasonSyncRepository(database.prisma) });
  await app.register(quarantineRoutes, { quarantine: quarantineRepository(database.prisma) });
  return app;
}
