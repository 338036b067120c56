// One mariadb pool per service: the bulk writer uses it directly (multi-row statements, its
// own transactions), and Prisma's client runs on the same pool through the MariaDB adapter.
import mariadb, { type Pool, type PoolConnection } from 'mariadb';
import { PrismaMariaDb } from '@prisma/adapter-mariadb';
import { connectionConfig } from '@insightxi/mysql';
import { PrismaClient } from './generated/prisma/client.ts';

export interface Database {
  pool: Pool;
  prisma: PrismaClient;
  /** Resolves when MySQL answers; throws otherwise (readiness). */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  url: string;
  poolSize?: number;
}

export function openDatabase(options: DatabaseOptions): Database {
  const pool = mariadb.createPool({
    ...connectionConfig(options.url),
    connectionLimit: options.poolSize ?? 10,
    acquireTimeout: 10_000,
    // Datetimes travel as UTC both ways.
    timezone: 'Z',
    // Prisma's adapter turns the prepared-statement cache off for pools it owns; do the same.
    prepareCacheLength: 0,
  });
  // The adapter is typed against its own (older) copy of the mariadb driver; the pool object is
  // what it expects at run time (it only needs getConnection/query/execute).
  const adapterPool = pool as unknown as ConstructorParameters<typeof PrismaMariaDb>[0];
  const prisma = new PrismaClient({ adapter: new PrismaMariaDb(adapterPool, { disposeExternalPool: false }) });
  return {
    pool,
    prisma,
    async ping() {
      const connection = await pool.getConnection();
      try {
        await connection.ping();
      } finally {
        await connection.release();
      }
    },
    async close() {
      await prisma.$disconnect();
      await pool.end();
    },
  };
}

export type Connection = PoolConnection;
