// Who reads and writes which tables (routes hold no SQL): the synced entities (app.records for
// reads and deletes, app.bulkWriter for upserts), sync runs, season notes, the quarantine, and
// the freshness view.
import fp from 'fastify-plugin';
import { createBulkWriter, type BulkWriter } from '../bulk/writer.ts';
import type { DatabaseServiceConfig } from '../config.ts';
import { freshnessRepository, type FreshnessRepository } from '../repositories/freshness.ts';
import { quarantineRepository, type QuarantineRepository } from '../repositories/quarantine.ts';
import { recordRepository, type RecordRepository } from '../repositories/records.ts';
import { seasonSyncRepository, type SeasonSyncRepository } from '../repositories/season-syncs.ts';
import { syncRunRepository, type SyncRunRepository } from '../repositories/sync-runs.ts';

declare module 'fastify' {
  interface FastifyInstance {
    records: RecordRepository;
    bulkWriter: BulkWriter;
    syncRuns: SyncRunRepository;
    seasonSyncs: SeasonSyncRepository;
    quarantine: QuarantineRepository;
    freshness: FreshnessRepository;
  }
}

export default fp<{ config: DatabaseServiceConfig }>(
  (app, { config }) => {
    const { pool, prisma } = app.database;
    app.decorate('records', recordRepository(prisma));
    app.decorate(
      'bulkWriter',
      createBulkWriter(pool, {
        chunkSize: config.BULK_CHUNK_SIZE,
        retry: {
          onRetry: (attempt, error) => {
            app.log.warn({ attempt, err: error }, 'deadlock or lock timeout: retrying the transaction');
          },
        },
      }),
    );
    app.decorate('syncRuns', syncRunRepository(prisma));
    app.decorate('seasonSyncs', seasonSyncRepository(prisma));
    app.decorate('quarantine', quarantineRepository(prisma));
    app.decorate('freshness', freshnessRepository(pool));
    return Promise.resolve();
  },
  { name: 'repositories', dependencies: ['database'] },
);
