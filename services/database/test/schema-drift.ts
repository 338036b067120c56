// The offline drift check: reads schema.prisma with a small parser (the engine that would
// diff it is not installable here) and compares every model with information_schema.
import { readFileSync } from 'node:fs';
import type { Pool } from 'mariadb';

interface FieldSpec {
  name: string;
  column: string;
  type: string;
  optional: boolean;
  attributes: string;
}

interface RelationSpec {
  fields: string[];
  references: string[];
  target: string;
  onDelete: string | undefined;
  onUpdate: string | undefined;
  optional: boolean;
}

interface ModelSpec {
  name: string;
  table: string;
  fields: FieldSpec[];
  relations: RelationSpec[];
  id: string[];
  indexes: { fields: string[]; unique: boolean }[];
}

const SCALARS = new Set(['Int', 'BigInt', 'String', 'Boolean', 'DateTime', 'Float', 'Decimal', 'Json', 'Bytes']);

const list = (text: string | undefined): string[] => (text ?? '').split(',').map((s) => s.trim()).filter(Boolean);

export function parseSchema(source: string): ModelSpec[] {
  const models: ModelSpec[] = [];
  for (const match of source.matchAll(/^model\s+(\w+)\s*\{([\s\S]*?)^\}/gm)) {
    const [, name = '', body = ''] = match;
    const model: ModelSpec = { name, table: name, fields: [], relations: [], id: [], indexes: [] };
    for (const raw of body.split('\n')) {
      const line = raw.replace(/\/\/.*$/, '').trim();
      if (line === '') continue;
      if (line.startsWith('@@')) {
        const map = /^@@map\("([^"]+)"\)/.exec(line);
        if (map) model.table = map[1] ?? name;
        const block = /^@@(index|unique|id)\(\[([^\]]*)\]/.exec(line);
        if (block?.[1] === 'id') model.id = list(block[2]);
        else if (block) model.indexes.push({ fields: list(block[2]), unique: block[1] === 'unique' });
        continue;
      }
      const field = /^(\w+)\s+(\w+)(\?|\[\])?\s*(.*)$/.exec(line);
      if (!field) continue;
      const [, fieldName = '', type = '', modifier, attributes = ''] = field;
      if (!SCALARS.has(type)) {
        const relation = /@relation\(([^)]*)\)/.exec(attributes)?.[1];
        const fields = relation ? /fields:\s*\[([^\]]*)\]/.exec(relation) : null;
        if (relation && fields) {
          model.relations.push({
            fields: list(fields[1]),
            references: list(/references:\s*\[([^\]]*)\]/.exec(relation)?.[1]),
            target: type,
            onDelete: /onDelete:\s*(\w+)/.exec(relation)?.[1],
            onUpdate: /onUpdate:\s*(\w+)/.exec(relation)?.[1],
            optional: modifier === '?',
          });
        }
        continue;
      }
      const column = /@map\("([^"]+)"\)/.exec(attributes)?.[1] ?? fieldName;
      model.fields.push({ name: fieldName, column, type, optional: modifier === '?', attributes });
      if (/@id\b/.test(attributes)) model.id = [fieldName];
      if (/@unique\b/.test(attributes)) model.indexes.push({ fields: [fieldName], unique: true });
    }
    models.push(model);
  }
  return models;
}

/** The column types MySQL 8 and MariaDB report for a Prisma field (either is accepted). */
function expectedTypes(field: FieldSpec): string[] {
  const native = /@db\.(\w+)(?:\((\d+)\))?/.exec(field.attributes);
  if (native) {
    const [, kind = '', size] = native;
    const lower = kind.toLowerCase();
    if (lower === 'varchar' || lower === 'char') return [`${lower}(${size ?? ''})`];
    return [lower];
  }
  return PRISMA_TYPES[field.type] ?? [field.type.toLowerCase()];
}

/** Prisma's default column type of each scalar type (MariaDB stores JSON as LONGTEXT). */
const PRISMA_TYPES: Record<string, string[]> = {
  Int: ['int'],
  BigInt: ['bigint'],
  String: ['varchar(191)'],
  Boolean: ['tinyint(1)'],
  DateTime: ['datetime(3)'],
  Float: ['double'],
  Json: ['json', 'longtext'],
};

function normalizeType(columnType: string): string {
  // MariaDB and MySQL 5 print display widths (int(11)); MySQL 8 does not, except tinyint(1).
  return columnType.toLowerCase().replace(/^(int|bigint|smallint)\(\d+\)/, '$1');
}

const ACTIONS: Record<string, string> = { Restrict: 'RESTRICT', Cascade: 'CASCADE', SetNull: 'SET NULL', NoAction: 'NO ACTION', SetDefault: 'SET DEFAULT' };

interface ColumnRow {
  TABLE_NAME: string;
  COLUMN_NAME: string;
  COLUMN_TYPE: string;
  IS_NULLABLE: string;
  COLUMN_DEFAULT: string | null;
  EXTRA: string;
}
interface IndexRow {
  TABLE_NAME: string;
  INDEX_NAME: string;
  NON_UNIQUE: number | bigint;
  COLUMN_NAME: string;
}
interface ForeignKeyRow {
  TABLE_NAME: string;
  CONSTRAINT_NAME: string;
  COLUMN_NAME: string;
  REFERENCED_TABLE_NAME: string;
  REFERENCED_COLUMN_NAME: string;
  DELETE_RULE: string;
  UPDATE_RULE: string;
}

/** Every difference between the schema file and the database, as readable lines; [] when they agree. */
export async function schemaDrift(pool: Pool, database: string, schemaFile: string): Promise<string[]> {
  const models = parseSchema(readFileSync(schemaFile, 'utf8'));
  const problems: string[] = [];
  const tables = await pool.query<{ TABLE_NAME: string }[]>(
    "SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_TYPE = 'BASE TABLE' AND TABLE_NAME <> '_prisma_migrations'",
    [database],
  );
  const columns = await pool.query<ColumnRow[]>(
    'SELECT TABLE_NAME, COLUMN_NAME, COLUMN_TYPE, IS_NULLABLE, COLUMN_DEFAULT, EXTRA FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ? ORDER BY ORDINAL_POSITION',
    [database],
  );
  const indexes = await pool.query<IndexRow[]>(
    'SELECT TABLE_NAME, INDEX_NAME, NON_UNIQUE, COLUMN_NAME FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = ? ORDER BY TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX',
    [database],
  );
  const foreignKeys = await pool.query<ForeignKeyRow[]>(
    `SELECT k.TABLE_NAME, k.CONSTRAINT_NAME, k.COLUMN_NAME, k.REFERENCED_TABLE_NAME, k.REFERENCED_COLUMN_NAME, r.DELETE_RULE, r.UPDATE_RULE
       FROM information_schema.KEY_COLUMN_USAGE k
       JOIN information_schema.REFERENTIAL_CONSTRAINTS r ON r.CONSTRAINT_SCHEMA = k.CONSTRAINT_SCHEMA AND r.CONSTRAINT_NAME = k.CONSTRAINT_NAME AND r.TABLE_NAME = k.TABLE_NAME
      WHERE k.TABLE_SCHEMA = ? ORDER BY k.TABLE_NAME, k.CONSTRAINT_NAME, k.ORDINAL_POSITION`,
    [database],
  );

  const modelTables = new Set(models.map((m) => m.table));
  for (const { TABLE_NAME } of tables) if (!modelTables.has(TABLE_NAME)) problems.push(`table ${TABLE_NAME} exists but no model maps to it`);
  const tableByModel = new Map(models.map((m) => [m.name, m]));

  for (const model of models) {
    const t = model.table;
    if (!tables.some((row) => row.TABLE_NAME === t)) {
      problems.push(`table ${t} (model ${model.name}) is missing`);
      continue;
    }
    const columnOf = (field: string) => model.fields.find((f) => f.name === field)?.column ?? field;
    const dbColumns = new Map(columns.filter((c) => c.TABLE_NAME === t).map((c) => [c.COLUMN_NAME, c]));
    for (const field of model.fields) {
      const db = dbColumns.get(field.column);
      if (!db) {
        problems.push(`${t}.${field.column} is missing`);
        continue;
      }
      dbColumns.delete(field.column);
      const type = normalizeType(db.COLUMN_TYPE);
      if (!expectedTypes(field).includes(type)) problems.push(`${t}.${field.column} is ${type}, the schema says ${expectedTypes(field).join(' or ')}`);
      const nullable = db.IS_NULLABLE === 'YES';
      if (nullable !== field.optional) problems.push(`${t}.${field.column} is ${nullable ? '' : 'NOT '}NULL, the schema says ${field.optional ? '' : 'NOT '}NULL`);
      const autoincrement = /@default\(autoincrement\(\)\)/.test(field.attributes);
      if (autoincrement !== db.EXTRA.toLowerCase().includes('auto_increment')) problems.push(`${t}.${field.column}: auto_increment differs`);
      const hasDefault = /@default\(/.test(field.attributes) && !autoincrement;
      const dbDefault = db.COLUMN_DEFAULT !== null && db.COLUMN_DEFAULT !== 'NULL';
      if (hasDefault !== dbDefault) problems.push(`${t}.${field.column}: the schema has ${hasDefault ? 'a' : 'no'} default, the database ${dbDefault ? 'has one' : 'has none'}`);
    }
    for (const extra of dbColumns.keys()) problems.push(`${t}.${extra} exists but is not in the schema`);

    const dbIndexes = new Map<string, { unique: boolean; columns: string[] }>();
    for (const row of indexes.filter((i) => i.TABLE_NAME === t)) {
      const entry = dbIndexes.get(row.INDEX_NAME) ?? { unique: Number(row.NON_UNIQUE) === 0, columns: [] };
      entry.columns.push(row.COLUMN_NAME);
      dbIndexes.set(row.INDEX_NAME, entry);
    }
    const primary = dbIndexes.get('PRIMARY');
    dbIndexes.delete('PRIMARY');
    const wantedPrimary = model.id.map(columnOf);
    if (primary?.columns.join(',') !== wantedPrimary.join(',')) problems.push(`${t}: primary key is (${primary?.columns.join(', ') ?? ''}), the schema says (${wantedPrimary.join(', ')})`);
    for (const index of model.indexes) {
      const cols = index.fields.map(columnOf);
      const indexName = `${t}_${cols.join('_')}_${index.unique ? 'key' : 'idx'}`;
      const db = dbIndexes.get(indexName);
      if (db?.unique !== index.unique || db.columns.join(',') !== cols.join(',')) {
        problems.push(`${t}: index ${indexName} (${index.unique ? 'unique ' : ''}${cols.join(', ')}) is missing or different`);
      }
      dbIndexes.delete(indexName);
    }
    for (const [indexName, db] of dbIndexes) problems.push(`${t}: index ${indexName} (${db.columns.join(', ')}) is not in the schema`);

    const dbKeys = new Map<string, ForeignKeyRow[]>();
    for (const row of foreignKeys.filter((k) => k.TABLE_NAME === t)) dbKeys.set(row.CONSTRAINT_NAME, [...(dbKeys.get(row.CONSTRAINT_NAME) ?? []), row]);
    for (const relation of model.relations) {
      const cols = relation.fields.map(columnOf);
      const target = tableByModel.get(relation.target);
      const refCols = relation.references.map((f) => target?.fields.find((x) => x.name === f)?.column ?? f);
      const keyName = `${t}_${cols.join('_')}_fkey`;
      const rows = dbKeys.get(keyName);
      dbKeys.delete(keyName);
      const onDelete = ACTIONS[relation.onDelete ?? (relation.optional ? 'SetNull' : 'Restrict')];
      const onUpdate = ACTIONS[relation.onUpdate ?? 'Cascade'];
      const first = rows?.[0];
      if (
        !rows ||
        !first ||
        rows.map((r) => r.COLUMN_NAME).join(',') !== cols.join(',') ||
        first.REFERENCED_TABLE_NAME !== target?.table ||
        rows.map((r) => r.REFERENCED_COLUMN_NAME).join(',') !== refCols.join(',') ||
        first.DELETE_RULE !== onDelete ||
        first.UPDATE_RULE !== onUpdate
      ) {
        problems.push(`${t}: foreign key ${keyName} (${cols.join(', ')}) → ${target?.table ?? relation.target}(${refCols.join(', ')}) ON DELETE ${onDelete ?? ''} ON UPDATE ${onUpdate ?? ''} is missing or different`);
      }
    }
    for (const keyName of dbKeys.keys()) problems.push(`${t}: foreign key ${keyName} is not in the schema`);
  }
  return problems;
}
