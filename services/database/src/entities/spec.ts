// How one entity maps onto its table: the columns the bulk writer fills, the rows it must
// find in other tables first, and how a stored row reads back as the contract's record.
import type { DetailCounts } from '@insightxi/contracts';
import type { Entity } from '../entity.ts';
import type { Connection } from '../db.ts';
import { dateOnlyOrNull, isoOrNull, toDate, type SqlValue } from '../sql.ts';

export interface ExistingRow {
  id: number;
  content_hash: string;
  [column: string]: unknown;
}

export interface RowContext {
  now: Date;
  /** The stored row when the record is already there (only `existingColumns` are read). */
  existing: ExistingRow | undefined;
}

export interface Column<R> {
  name: string;
  value(record: R, context: RowContext): SqlValue;
  /** False for columns we derive (timestamps, tombstones): they do not make a record "changed". */
  hashed?: false;
}

export interface Written<R> {
  record: R;
  /** False when the row was just created: it has no children to replace yet. */
  existed: boolean;
}

export interface Reference<R> {
  table: string;
  /** Names the missing row in the failure reason, e.g. `season 123 does not exist`. */
  label: string;
  ids(record: R): (number | null)[];
}

/**
 * Records of another entity that come inside this one's (a squad row's player): upserted through
 * their own spec, in the same transaction, before this entity's references are checked.
 */
export interface Nested<R, N extends { id: number } = { id: number }> {
  spec: EntitySpec<N>;
  /** Names a nested record in the failure reason of its parent, e.g. `player 7: …`. */
  label: string;
  records(record: R): N[];
}

export interface EntitySpec<R extends { id: number }> {
  entity: Entity;
  table: string;
  columns: readonly Column<R>[];
  references: readonly Reference<R>[];
  nested?: readonly Nested<R>[];
  /** A stored row that only holds the record's place (a stub): writing the record over it counts as created. */
  placeholder?(row: ExistingRow): boolean;
  /** Columns of the stored row that `Column.value` needs besides id and content_hash. */
  existingColumns?: readonly string[];
  /** Part of the record outside the table's columns that still makes it "changed" (fixture scores). */
  extraHashInput?(record: R): unknown;
  /**
   * A record made of parts that land or fail alone (a season's squads: one per team). A part whose
   * nested records or references fail is left out, its failure reported under the record's id with
   * `label`, and the record lands with the other parts (`join`); with none left it does not land.
   */
  parts?: {
    split(record: R): R[];
    join(parts: readonly R[]): R;
    label(part: R): string;
  };
  /** A reason the record cannot land that its schema cannot express; undefined when fine. */
  check?(record: R): string | undefined;
  /** Writes rows that belong to the written records (fixture scores), in the same transaction. */
  writeChildren?(connection: Connection, written: readonly Written<R>[], now: Date): Promise<void>;
  /** Replaces the match detail every landed record carries, changed or not (fixtures); counts per kind. */
  writeDetails?(connection: Connection, landed: readonly R[], now: Date): Promise<DetailCounts>;
  /** A stored row (Prisma's, with what the repository includes) as the contract's record. */
  record(row: object): R;
}

export function column<R>(name: string, value: (record: R, context: RowContext) => SqlValue, options: { hashed?: false } = {}): Column<R> {
  return { name, value, ...options };
}

/** How a record's value and a stored row's value differ, for the fields where they do. */
export interface Conversion {
  toColumn(value: unknown): SqlValue;
  fromRow(value: unknown): unknown;
}

/** An ISO 8601 date-time in the record, a DATETIME(3) column (UTC). */
export const dateTime: Conversion = {
  toColumn: (value) => toDate(value as string | null),
  fromRow: (value) => isoOrNull(value as Date | null),
};

/** A `YYYY-MM-DD` date in the record, a DATE column (which Prisma reads as midnight UTC). */
export const dateOnly: Conversion = {
  toColumn: (value) => value as SqlValue,
  fromRow: (value) => dateOnlyOrNull(value as Date | null),
};

/** A record field stored as is in the column of the same name in snake_case, or with a conversion. */
export type Field<R> = (keyof R & string) | readonly [keyof R & string, Conversion];

const snakeCase = (key: string): string => key.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);

export interface FieldSpec<R extends { id: number }> extends Omit<EntitySpec<R>, 'columns' | 'record'> {
  /** The record's fields in column order (the content hash follows it: never reorder). */
  fields: readonly Field<R>[];
  /** Columns we derive (timestamps, tombstones), after the fields'. */
  derived?: readonly Column<R>[];
}

/**
 * An entity whose record maps field by field onto its table: the columns the bulk writer fills
 * and how a stored row (Prisma's, same field names) reads back as the record, from one list.
 */
export function fieldSpec<R extends { id: number }>(input: FieldSpec<R>): EntitySpec<R> {
  const fields = input.fields.map((field) => (typeof field === 'string' ? { key: field, conversion: undefined } : { key: field[0], conversion: field[1] }));
  const { fields: _fields, derived = [], ...rest } = input;
  const columns = fields.map(({ key, conversion }) =>
    column<R>(snakeCase(key), (record) => (conversion ? conversion.toColumn(record[key]) : (record[key] as SqlValue))),
  );
  return {
    ...rest,
    columns: [...columns, ...derived],
    record(row) {
      const values = row as Record<string, unknown>;
      return Object.fromEntries(fields.map(({ key, conversion }) => [key, conversion ? conversion.fromRow(values[key]) : values[key]])) as R;
    },
  };
}
