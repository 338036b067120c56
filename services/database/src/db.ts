// The bulk writer uses a mariadb pool directly (multi-row statements, its own transactions);
// reads, deletes, sync runs and quarantine go through Prisma's client and the MariaDB adapter.
import mariadb, { type Pool, type PoolConnection } from 'mariadb';
import { PrismaMariaDb } from '@prisma/adapter-mariadb';
import { connectionConfig, withConnection } from '@insightxi/mysql';
import { PrismaClient } from './generated/prisma/client.ts';

const PRISMA_POOL_SIZE = 4;
const PING_CONNECT_TIMEOUT_MS = 1_500;

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
  // Prisma gets a small pool of its own, made by the adapter with the driver version it is built
  // and tested with (it depends on an older mariadb than ours, and is typed against it; the
  // settings are the same plain options). timezone 'Z' makes its sessions UTC as well.
  const prismaPool = { ...connection, connectionLimit: PRISMA_POOL_SIZE } as unknown as ConstructorParameters<typeof PrismaMariaDb>[0];
  const prisma = new PrismaClient({ adapter: new PrismaMariaDb(prismaPool) });
  return {
    pool,
    prisma,
    // A connection of its own rather than one from the pool: a refusal (TLS required, wrong
    // password) shows at once with its reason, where the pool would only time out.
    async ping() {
      await withConnection(options.url, (connection) => connection.ping(), { connectTimeout: PING_CONNECT_TIMEOUT_MS });
    },
    async close() {
      await prisma.$disconnect();
      await pool.end();
    },
  };
}

export type Connection = PoolConnection;
