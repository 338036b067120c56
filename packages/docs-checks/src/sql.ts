// Running the analyst guide's SQL the way an analyst's client would, and printing results the
// way the mysql client does (the samples in the guide are this output).
import mariadb, { type Connection, type FieldInfo } from 'mariadb';
import { connectionConfig, MYSQL_84_SQL_MODE } from '@insightxi/mysql';

/**
 * Words MySQL 8.4 reserves that MariaDB 10.11 does not: as an unquoted alias they pass here and
 * fail in production (`... AS rank`). Not the whole list, the ones an analyst query would use.
 */
const MYSQL_ONLY_RESERVED = [
  'cume_dist', 'dense_rank', 'empty', 'first_value', 'groups', 'grouping', 'json_table', 'lag', 'last_value', 'lateral',
  'lead', 'nth_value', 'ntile', 'of', 'percent_rank', 'rank', 'row_number', 'system', 'window',
];

export interface QueryResult {
  columns: { name: string; numeric: boolean }[];
  rows: string[][];
}

const NUMERIC_TYPES = new Set(['DECIMAL', 'NEWDECIMAL', 'TINY', 'SHORT', 'INT', 'INT24', 'BIGINT', 'FLOAT', 'DOUBLE', 'YEAR']);

export async function connect(url: string): Promise<Connection> {
  // A new account's first login on MySQL 8.4 (caching_sha2_password) over plain TCP needs the server's key.
  const connection = await mariadb.createConnection({ ...connectionConfig(url), dateStrings: true, allowPublicKeyRetrieval: true });
  await connection.query(`SET SESSION sql_mode = '${MYSQL_84_SQL_MODE}', time_zone = '+00:00'`);
  return connection;
}

function text(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

export async function runSelect(connection: Connection, sql: string): Promise<QueryResult> {
  const result = await connection.query<unknown[][] & { meta?: FieldInfo[] }>({ sql, rowsAsArray: true });
  if (!Array.isArray(result) || !result.meta) throw new Error('the statement returned no result set (not a SELECT?)');
  return {
    columns: result.meta.map((field) => ({ name: field.name(), numeric: NUMERIC_TYPES.has(field.type) })),
    rows: result.map((row) => row.map(text)),
  };
}

/** Characters, not UTF-16 units: `ø` is one column wide. */
const width = (value: string) => Array.from(value).length;

/** The mysql client's table: `+---+` rules, numbers right-aligned, NULL spelled out. */
export function formatTable(result: QueryResult): string {
  const widths = result.columns.map((column, i) => Math.max(width(column.name), ...result.rows.map((row) => width(row[i] ?? ''))));
  const rule = `+${widths.map((w) => '-'.repeat(w + 2)).join('+')}+`;
  const line = (cells: string[], alignRight: (i: number) => boolean) =>
    `| ${cells
      .map((cell, i) => {
        const pad = ' '.repeat((widths[i] ?? 0) - width(cell));
        return alignRight(i) ? pad + cell : cell + pad;
      })
      .join(' | ')} |`;
  return [
    rule,
    line(result.columns.map((c) => c.name), () => false),
    rule,
    ...result.rows.map((row) => line(row, (i) => result.columns[i]?.numeric ?? false)),
    rule,
  ].join('\n');
}

/** The column names in a sample's header line (`| a | b |`), or null when it has none. */
export function sampleColumns(sample: string): string[] | null {
  const header = sample.split('\n').find((l) => l.startsWith('|'));
  return header ? header.slice(1, -1).split('|').map((cell) => cell.trim()) : null;
}

/** MySQL-only reserved words used as bare identifiers after AS. */
export function mysqlOnlyReservedAliases(sql: string): string[] {
  const aliases = [...sql.matchAll(/\bAS\s+([A-Za-z_][\w$]*)/gi)].map((m) => (m[1] ?? '').toLowerCase());
  return aliases.filter((alias) => MYSQL_ONLY_RESERVED.includes(alias));
}
