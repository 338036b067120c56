// What the migrated database holds, from information_schema: the guide must describe all of it.
import type { Connection } from 'mariadb';

export interface Relation {
  name: string;
  kind: 'table' | 'view';
  columns: string[];
}

export async function relations(connection: Connection): Promise<Relation[]> {
  const rows = await connection.query<{ table_name: string; table_type: string; column_name: string }[]>(
    `SELECT t.TABLE_NAME AS table_name, t.TABLE_TYPE AS table_type, c.COLUMN_NAME AS column_name
       FROM information_schema.TABLES t
       JOIN information_schema.COLUMNS c ON c.TABLE_SCHEMA = t.TABLE_SCHEMA AND c.TABLE_NAME = t.TABLE_NAME
      WHERE t.TABLE_SCHEMA = DATABASE()
      ORDER BY t.TABLE_NAME, c.ORDINAL_POSITION`,
  );
  const byName = new Map<string, Relation>();
  for (const row of rows) {
    const relation = byName.get(row.table_name) ?? { name: row.table_name, kind: row.table_type === 'VIEW' ? 'view' : 'table', columns: [] };
    relation.columns.push(row.column_name);
    byName.set(row.table_name, relation);
  }
  return [...byName.values()];
}

/** The text of the `###` section whose heading names the relation in backticks, or null. */
export function sectionOf(markdown: string, name: string): string | null {
  const sections = markdown.split(/^(?=### )/m);
  return sections.find((section) => (section.split('\n')[0] ?? '').includes(`\`${name}\``)) ?? null;
}
