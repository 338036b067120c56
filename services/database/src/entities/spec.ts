// How one entity maps onto its table: the columns the bulk writer fills, the rows it must
// find in other tables first, and how a stored row reads back as the contract's record.
import type { Entity } from '../entity.ts';
import type { Connection } from '../db.ts';
import type { SqlValue } from '../sql.ts';

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

export interface EntitySpec<R extends { id: number }> {
  entity: Entity;
  table: string;
  columns: readonly Column<R>[];
  references: readonly Reference<R>[];
  /** Columns of the stored row that `Column.value` needs besides id and content_hash. */
  existingColumns?: readonly string[];
  /** Part of the record outside the table's columns that still makes it "changed" (fixture scores). */
  extraHashInput?(record: R): unknown;
  /** A reason the record cannot land that its schema cannot express; undefined when fine. */
  check?(record: R): string | undefined;
  /** Writes rows that belong to the written records (fixture scores), in the same transaction. */
  writeChildren?(connection: Connection, written: readonly Written<R>[], now: Date): Promise<void>;
}

export function column<R>(name: string, value: (record: R, context: RowContext) => SqlValue, options: { hashed?: false } = {}): Column<R> {
  return { name, value, ...options };
}
