// Runs one dashboard query as the analyst and shapes its result for the browser: column names once,
// rows as arrays (a third of the bytes of objects), dates as ISO strings in UTC.
import mariadb, { type Connection, type FieldInfo } from 'mariadb';
import { connectionConfig, MYSQL_84_SQL_MODE } from '@insightxi/mysql';
import { checkRequirements } from './requirements.ts';
import type { SqlFile } from './sql-file.ts';

export type QueryOutput =
  | { available: true; columns: string[]; dates: string[]; rows: unknown[][] }
  | { available: false; absent: string[]; empty: string[] };

/** Settings a query may read as user variables (`@hourly_call_budget`), from the environment. */
export interface QuerySettings {
  hourlyCallBudget: number;
}

/** SportMonks' standard plans allow 3,000 calls per entity per hour (sportmonks-v3.md). */
export const DEFAULT_HOURLY_CALL_BUDGET = 3000;

export function querySettings(env: NodeJS.ProcessEnv): QuerySettings {
  const text = env.DASHBOARDS_HOURLY_CALL_BUDGET ?? '';
  if (text === '') return { hourlyCallBudget: DEFAULT_HOURLY_CALL_BUDGET };
  const value = Number(text);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`DASHBOARDS_HOURLY_CALL_BUDGET must be a positive whole number, not "${text}"`);
  return { hourlyCallBudget: value };
}

const DATE_TYPES = new Set(['DATE', 'DATETIME', 'TIMESTAMP', 'NEWDATE']);

/**
 * One session as production will see it: MySQL 8.4's sql_mode (MariaDB's laxer default would let
 * a query pass here and fail there), UTC, and the settings as user variables.
 */
export async function openQueryConnection(url: string, settings: QuerySettings): Promise<Connection> {
  const connection = await mariadb.createConnection({
    ...connectionConfig(url),
    // A new account's first login on MySQL 8.4 (caching_sha2_password) over plain TCP needs the server's key.
    allowPublicKeyRetrieval: true,
    bigIntAsNumber: true,
    decimalAsNumber: true,
  });
  try {
    await connection.query(`SET SESSION sql_mode = '${MYSQL_84_SQL_MODE}', time_zone = '+00:00'`);
    await connection.query('SET @hourly_call_budget = ?', [settings.hourlyCallBudget]);
  } catch (error) {
    await connection.end();
    throw error;
  }
  return connection;
}

const iso = (value: unknown) => (value instanceof Date ? value.toISOString() : value);

export async function runQuery(connection: Connection, file: SqlFile): Promise<QueryOutput> {
  const availability = await checkRequirements(connection, file.requires);
  if (availability.absent.length > 0 || availability.empty.length > 0) return { available: false, ...availability };
  const result = await connection.query<unknown[][] & { meta?: FieldInfo[] }>({ sql: file.sql, rowsAsArray: true });
  if (!Array.isArray(result) || !result.meta) throw new Error('the statement returned no result set (not a SELECT?)');
  const columns = result.meta.map((field) => field.name());
  const dates = result.meta.filter((field) => DATE_TYPES.has(field.type)).map((field) => field.name());
  const rows = dates.length === 0 ? result : result.map((row) => row.map(iso));
  return { available: true, columns, dates, rows: [...rows] };
}

/** Runs `work` on a query session and always closes it. */
export async function withQueryConnection<T>(url: string, env: NodeJS.ProcessEnv, work: (connection: Connection) => Promise<T>): Promise<T> {
  const connection = await openQueryConnection(url, querySettings(env));
  try {
    return await work(connection);
  } finally {
    await connection.end();
  }
}
