// When each entity of each season was last read completely (season_syncs), next to what the
// season row says: the orchestrator decides from this which finished seasons it may leave out of
// a sync. Read through Prisma; noted inside a bulk page's transaction (noteSeasonsCompleted).
import type { SeasonSync, SeasonSyncsQuery } from '@insightxi/contracts';
import type { Connection } from '../db.ts';
import type { Entity } from '../entity.ts';
import type { PrismaClient } from '../generated/prisma/client.ts';

export interface SeasonSyncRepository {
  list(query: SeasonSyncsQuery): Promise<SeasonSync[]>;
  /** The teams of the season's stored fixtures (not tombstoned), lowest id first. */
  teams(season: number): Promise<number[]>;
}

export function seasonSyncRepository(prisma: PrismaClient): SeasonSyncRepository {
  return {
    async list(query) {
      const rows = await prisma.seasonSync.findMany({
        where: query.entity === undefined ? {} : { entity: query.entity },
        include: { season: { select: { finished: true, endingAt: true } } },
        orderBy: [{ seasonId: 'asc' }, { entity: 'asc' }],
      });
      return rows.map((row) => ({
        seasonId: row.seasonId,
        entity: row.entity as SeasonSync['entity'],
        runId: row.runId,
        completedAt: row.completedAt.toISOString(),
        seasonFinished: row.season.finished,
        seasonEndingAt: row.season.endingAt?.toISOString().slice(0, 10) ?? null,
      }));
    },
    async teams(season) {
      // Two index-backed scans of the season's fixtures, ids only: a sync asks once per season.
      const rows = await prisma.$queryRaw<{ id: number }[]>`
        SELECT home_team_id AS id FROM fixtures WHERE season_id = ${season} AND deleted_at IS NULL AND home_team_id IS NOT NULL
        UNION
        SELECT away_team_id AS id FROM fixtures WHERE season_id = ${season} AND deleted_at IS NULL AND away_team_id IS NOT NULL
        ORDER BY id`;
      return rows.map((row) => row.id);
    },
  };
}

/** Notes the seasons a run has now read completely for an entity, on the page transaction's connection. */
export async function noteSeasonsCompleted(connection: Connection, entity: Entity, runId: number, seasons: readonly number[], now: Date): Promise<void> {
  if (seasons.length === 0) return;
  // Only seasons we store: the note is bookkeeping and must never fail the page.
  await connection.query(
    `INSERT INTO season_syncs (season_id, entity, run_id, completed_at)
     SELECT id, ?, ?, ? FROM seasons WHERE id IN (${seasons.map(() => '?').join(', ')})
     ON DUPLICATE KEY UPDATE run_id = VALUES(run_id), completed_at = VALUES(completed_at)`,
    [entity, runId, now, ...seasons],
  );
}
