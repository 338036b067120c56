// The MySQL pools (app.database): the bulk writer's mariadb pool and Prisma's client, with
// readiness checks (MySQL answers; every migration this code knows is applied), closed with the app.
import fp from 'fastify-plugin';
import { unappliedMigrations } from '@insightxi/mysql';
import type { DatabaseServiceConfig } from '../config.ts';
import { openDatabase, type Database } from '../db.ts';
import { MIGRATIONS_DIR } from '../paths.ts';

declare module 'fastify' {
  interface FastifyInstance {
    database: Database;
  }
}

export default fp<{ config: DatabaseServiceConfig }>(
  (app, { config }) => {
    const database = openDatabase({ url: config.DATABASE_URL, poolSize: config.DATABASE_POOL_SIZE });
    app.decorate('database', database);
    app.addReadinessCheck('mysql', () => database.ping());
    // A writer whose schema is behind its code (the deploy's migration task failed or was skipped)
    // is not ready, so CD's smoke test rolls it back. Once applied, migrations stay applied.
    let migrated = false;
    app.addReadinessCheck('migrations', async () => {
      if (migrated) return;
      const missing = await unappliedMigrations(config.DATABASE_URL, MIGRATIONS_DIR);
      if (missing.length > 0) throw new Error(`migrations not applied: ${missing.join(', ')}`);
      migrated = true;
    });
    app.addHook('onClose', () => database.close());
    return Promise.resolve();
  },
  { name: 'database' },
);
