// The MySQL pools (app.database): the bulk writer's mariadb pool and Prisma's client, with a
// readiness check, closed with the app.
import fp from 'fastify-plugin';
import type { DatabaseServiceConfig } from '../config.ts';
import { openDatabase, type Database } from '../db.ts';

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
    app.addHook('onClose', () => database.close());
    return Promise.resolve();
  },
  { name: 'database' },
);
