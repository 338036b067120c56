// When each entity of each season was last read completely, next to what the season row says:
// the orchestrator decides from this which finished seasons it may leave out of a sync.
import type { SeasonSync, SeasonSyncsQuery } from '@insightxi/contracts';
import type { PrismaClient } from '../generated/prisma/client.ts';

export interface SeasonSyncRepository {
  list(query: SeasonSyncsQuery): Promise<SeasonSync[]>;
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
  };
}
