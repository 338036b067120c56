// Records kept out of the tables (quarantine), with the reason and the raw payload: added through
// Prisma, or inside a bulk page's transaction (insertQuarantine) with the page that met them; and
// marked resolved in the transaction that finally lands them (resolveQuarantine).
import type { QuarantineListQuery, QuarantineRecord, RejectedRecord } from '@insightxi/contracts';
import type { Connection } from '../db.ts';
import { Prisma, type PrismaClient, type Quarantine as Row } from '../generated/prisma/client.ts';
import { placeholders, type SqlValue } from '../sql.ts';
import { notFound } from '../errors.ts';
import { pageQuery, toPage, type PageOf } from './paging.ts';

export interface QuarantineRepository {
  add(runId: number | null, records: readonly RejectedRecord[]): Promise<number>;
  list(query: QuarantineListQuery): Promise<PageOf<QuarantineRecord>>;
}

export function quarantineRecord(row: Row): QuarantineRecord {
  return {
    id: row.id,
    runId: row.runId,
    entity: row.entity as QuarantineRecord['entity'],
    sourceId: row.sourceId,
    reason: row.reason,
    payload: row.payload,
    createdAt: row.createdAt.toISOString(),
    resolvedAt: row.resolvedAt === null ? null : row.resolvedAt.toISOString(),
  };
}

export function quarantineRepository(prisma: PrismaClient): QuarantineRepository {
  return {
    async add(runId, records) {
      try {
        const { count } = await prisma.quarantine.createMany({
          data: records.map((r) => ({
            runId,
            entity: r.entity,
            sourceId: r.sourceId,
            reason: r.reason,
            payload: (r.payload ?? null) === null ? Prisma.JsonNull : (r.payload as Prisma.InputJsonValue),
          })),
        });
        return count;
      } catch (error) {
        if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2003') throw notFound(`sync run ${runId ?? ''} does not exist`);
        throw error;
      }
    },
    async list(query) {
      const page = pageQuery(query);
      const filters = { ...(query.runId === undefined ? {} : { runId: query.runId }), ...(query.entity === undefined ? {} : { entity: query.entity }) };
      const rows = await prisma.quarantine.findMany({ where: { ...filters, ...page.idWhere }, orderBy: page.orderBy, take: page.take });
      return toPage(rows, page.limit, quarantineRecord);
    },
  };
}

/** Stores rejected records (never dropped silently) with the run that met them, on the page transaction's connection. */
export async function insertQuarantine(connection: Connection, runId: number | null, records: readonly RejectedRecord[], now: Date): Promise<void> {
  if (records.length === 0) return;
  const values: SqlValue[] = records.flatMap((r) => [runId, r.entity, r.sourceId, r.reason, JSON.stringify(r.payload ?? null), now]);
  await connection.query(
    `INSERT INTO quarantine (run_id, entity, source_id, reason, payload, created_at) VALUES ${records.map(() => placeholders(6)).join(', ')}`,
    values,
  );
}

/**
 * Marks the open quarantine rows of records that have now landed as resolved (SportMonks corrected
 * them, or what they referenced arrived), on the transaction that landed them. Returns how many.
 */
export async function resolveQuarantine(connection: Connection, entity: string, sourceIds: readonly number[], now: Date): Promise<number> {
  if (sourceIds.length === 0) return 0;
  const result = await connection.query<{ affectedRows: number }>(
    `UPDATE quarantine SET resolved_at = ? WHERE entity = ? AND resolved_at IS NULL AND source_id IN (${sourceIds.map(() => '?').join(', ')})`,
    [now, entity, ...sourceIds],
  );
  return result.affectedRows;
}
