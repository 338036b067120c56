// The bulk writer uses a mariadb pool directly (multi-row statements, its own transactions);
// reads, deletes, sync runs and quarantine go through Prisma's client and the MariaDB adapter.
import mariadb, { type Pool, type PoolConnection } from 'mariadb';
import { PrismaMariaDb } from '@prisma/adapter-mariadb';
import { connectionConfig } from '@insightxi/mysql';
import { PrismaClient } from './generated/prisma/client.ts';

const PRISMA_POOL_SIZE = 4;

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
  const connection = {
    ...connectionConfig(options.url),
    acquireTimeout: 10_000,
    // Datetimes travel as UTC both ways, and the session time zone is UTC (column defaults).
    timezone: 'Z',
  };
  const pool = mariadb.createPool({ ...connection, connectionLimit: options.poolSize ?? 10 });
  // Prisma gets a small pool of its own, made by the adapter with the driver version it was built
  // for: handing it our pool (a newer driver) turns NULLs into '' and 0 through its typeCast.
  const { host, port, user, password, database, socketPath } = connection;
  const prisma = new PrismaClient({
    // timezone 'Z' also sets the session time zone, so CURRENT_TIMESTAMP(3) defaults are UTC.
    adapter: new PrismaMariaDb({ host, port, user, password, database, socketPath, timezone: 'Z', connectTimeout: 5_000, connectionLimit: PRISMA_POOL_SIZE }),
  });
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
