// Retention: sync_run_pages (the per-page ledger of every run) and quarantine grow with every run;
// rows older than the retention period are deleted in batches, so that no statement holds its
// locks for long while syncs write. Runs (sync_runs) and their counters are kept.
import { withConnection } from '@insightxi/mysql';

export const DEFAULT_RETENTION_DAYS = 90;
const BATCH = 5_000;

export interface Pruned {
  olderThan: string;
  syncRunPages: number;
  quarantine: number;
}

const TABLES = { syncRunPages: ['sync_run_pages', 'applied_at'], quarantine: ['quarantine', 'created_at'] } as const;

/** Deletes rows older than `days` days before `now` from both tables; returns how many went. */
export async function pruneOlderThan(url: string, days: number, now: Date = new Date()): Promise<Pruned> {
  if (!Number.isInteger(days) || days < 1) throw new Error(`the retention period must be a whole number of days, at least 1 (got ${days})`);
  const cutoff = new Date(now.getTime() - days * 86_400_000);
  const counts = { syncRunPages: 0, quarantine: 0 };
  await withConnection(url, async (connection) => {
    for (const [key, [table, column]] of Object.entries(TABLES) as [keyof typeof TABLES, (typeof TABLES)[keyof typeof TABLES]][]) {
      for (;;) {
        const result = await connection.query<{ affectedRows: number }>(`DELETE FROM \`${table}\` WHERE \`${column}\` < ? LIMIT ${BATCH}`, [cutoff]);
        counts[key] += result.affectedRows;
        if (result.affectedRows < BATCH) break;
      }
    }
  });
  return { olderThan: cutoff.toISOString(), ...counts };
}

/** RETENTION_DAYS from the environment: unset means the default. */
export function retentionDays(env: NodeJS.ProcessEnv): number {
  const value = env.RETENTION_DAYS;
  if (value === undefined || value === '') return DEFAULT_RETENTION_DAYS;
  const days = Number(value);
  if (!Number.isInteger(days) || days < 1) throw new Error(`RETENTION_DAYS must be a whole number of days, at least 1 (got ${value})`);
  return days;
}
