// A dashboard query: one `.sql` file under src/data, run at build time as the analyst. Its header
// may name what it needs (`-- requires: fixture_events, league_table.stage_id`): when one of those
// tables is absent, has no rows, or lacks the column, the query is not run and the page says the
// data does not exist yet, so a page lights up by itself once the data arrives.

export interface Requirement {
  table: string;
  /** A column the table must have (`league_table.stage_id`). */
  column?: string;
}

export interface SqlFile {
  /** As given, for messages (src/data/points-race.json.sql). */
  path: string;
  sql: string;
  requires: Requirement[];
}

const REQUIRES = /^--\s*requires:\s*(.*)$/i;
const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

function requirement(text: string, path: string): Requirement {
  const [table = '', column, extra] = text.split('.');
  if (!NAME.test(table) || (column !== undefined && !NAME.test(column)) || extra !== undefined) {
    throw new Error(`${path}: "-- requires:" names tables or table.column, not "${text}"`);
  }
  return column === undefined ? { table } : { table, column };
}

export function parseSqlFile(path: string, text: string): SqlFile {
  const requires: Requirement[] = [];
  for (const line of text.split('\n')) {
    const match = REQUIRES.exec(line.trim());
    if (!match) continue;
    for (const item of (match[1] ?? '').split(',')) {
      const name = item.trim();
      if (name !== '') requires.push(requirement(name, path));
    }
  }
  const sql = text.trim().replace(/;\s*$/, '');
  if (!/\S/.test(sql.replace(/^\s*--.*$/gm, ''))) throw new Error(`${path}: no SQL statement in the file`);
  return { path, sql, requires };
}

export function describeRequirement(requirement: Requirement): string {
  return requirement.column === undefined ? requirement.table : `${requirement.table}.${requirement.column}`;
}
