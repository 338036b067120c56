// Lists SportMonks serves per season (its teams' squads, its top-scorer rankings): one record a
// season, stored as a row in a `…_lists` table (the season's id and the content hash) and the list's
// rows in their own table, replaced as a whole whenever the list changed.
import type { Connection } from '../db.ts';
import { placeholders, type SqlValue } from '../sql.ts';
import type { Written } from './spec.ts';

export interface ListRows<R> {
  table: string;
  /** The row table's columns, `season_id` first, without created_at/updated_at. */
  columns: readonly string[];
  /** The values of each row of a list, in `columns` order (the season's id first). */
  rows(record: R): SqlValue[][];
  /** The stored rows a changed list replaces: `[where, params]` for its season (all rows by default). */
  replaced?(record: R): [string, SqlValue[]];
}

/** Why a list is refused when a row's nested player is someone else than its `playerId`; else undefined. */
export function nestedPlayerMismatch(rows: readonly { playerId: number; player?: { id: number } | null | undefined }[]): string | undefined {
  const foreign = rows.find((row) => row.player && row.player.id !== row.playerId);
  return foreign ? `the nested player ${foreign.player?.id ?? ''} is not player ${foreign.playerId}` : undefined;
}

/** Deletes the rows of the written lists that existed before and inserts every row of them. */
export function replaceListRows<R extends { id: number }>(spec: ListRows<R>) {
  return async (connection: Connection, written: readonly Written<R>[], now: Date): Promise<void> => {
    for (const { record } of written.filter((w) => w.existed)) {
      const [where, params] = spec.replaced?.(record) ?? ['season_id = ?', [record.id]];
      await connection.query(`DELETE FROM ${spec.table} WHERE ${where}`, params);
    }
    const rows = written.flatMap((w) => spec.rows(w.record)).map((values) => [...values, now, now]);
    if (rows.length === 0) return;
    const columns = [...spec.columns, 'created_at', 'updated_at'];
    await connection.query(`INSERT INTO ${spec.table} (${columns.join(', ')}) VALUES ${rows.map(() => placeholders(columns.length)).join(', ')}`, rows.flat());
  };
}
