import type { RejectedRecord } from '@insightxi/contracts';
import type { Connection } from '../db.ts';
import { placeholders, type SqlValue } from '../sql.ts';

/** Stores rejected records (never dropped silently) with the run that met them, if any. */
export async function insertQuarantine(connection: Connection, runId: number | null, records: readonly RejectedRecord[], now: Date): Promise<void> {
  if (records.length === 0) return;
  const values: SqlValue[] = records.flatMap((r) => [runId, r.entity, r.sourceId, r.reason, JSON.stringify(r.payload ?? null), now]);
  await connection.query(
    `INSERT INTO quarantine (run_id, entity, source_id, reason, payload, created_at) VALUES ${records.map(() => placeholders(6)).join(', ')}`,
    values,
  );
}
