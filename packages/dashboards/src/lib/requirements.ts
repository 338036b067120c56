// Whether the tables a query needs exist (with their columns) and hold rows, asked of
// information_schema the way the analyst sees it: the current database, the analyst's grants.
import type { Connection } from 'mariadb';
import { describeRequirement, type Requirement } from './sql-file.ts';

export interface Availability {
  /** Tables that do not exist in this database yet, and table.column where only the column is missing. */
  absent: string[];
  /** Tables and views that exist but hold no rows. */
  empty: string[];
}

const quote = (name: string) => `\`${name}\``;

export async function checkRequirements(connection: Connection, requires: Requirement[]): Promise<Availability> {
  if (requires.length === 0) return { absent: [], empty: [] };
  const tables = [...new Set(requires.map((r) => r.table))];
  const placeholders = tables.map(() => '?').join(', ');
  const found = await connection.query<{ table_name: string; column_name: string }[]>(
    `SELECT TABLE_NAME AS table_name, COLUMN_NAME AS column_name FROM information_schema.COLUMNS
      WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME IN (${placeholders})`,
    tables,
  );
  const columns = new Map<string, Set<string>>();
  for (const row of found) {
    const set = columns.get(row.table_name) ?? new Set<string>();
    set.add(row.column_name);
    columns.set(row.table_name, set);
  }
  // A missing table is named once, whatever columns of it were asked for; a missing column only when its table exists.
  const absent = requires.flatMap((r) => {
    const set = columns.get(r.table);
    if (set === undefined) return [r.table];
    return r.column !== undefined && !set.has(r.column) ? [describeRequirement(r)] : [];
  });
  const empty: string[] = [];
  for (const table of tables.filter((t) => columns.has(t))) {
    const [row] = await connection.query<{ has_rows: number }[]>(`SELECT EXISTS (SELECT 1 FROM ${quote(table)}) AS has_rows`);
    if (!row?.has_rows) empty.push(table);
  }
  return { absent: [...new Set(absent)], empty };
}
