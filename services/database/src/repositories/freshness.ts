// How fresh each league is: the data_freshness view (migration 20261206130000_freshness), read
// as analysts see it. Datetimes come back as UTC (the pool's sessions are UTC).
import type { LeagueFreshness } from '@insightxi/contracts';
import type { Pool } from 'mariadb';

interface Row {
  league_id: number;
  league: string;
  last_full_sync_at: Date | null;
  last_incremental_sync_at: Date | null;
  last_change_at: Date | null;
  last_live_change_at: Date | null;
  oldest_unsettled_kickoff_at: Date | null;
  unsettled_fixtures: number | bigint;
}

const iso = (value: Date | null): string | null => (value === null ? null : value.toISOString());

export interface FreshnessRepository {
  /** Every league, or the ones asked for, in id order. */
  list(leagues: number[] | null): Promise<LeagueFreshness[]>;
}

export function freshnessRepository(pool: Pool): FreshnessRepository {
  return {
    async list(leagues) {
      const where = leagues === null ? '' : `WHERE league_id IN (${leagues.map(() => '?').join(', ')})`;
      const rows = await pool.query<Row[]>(`SELECT * FROM data_freshness ${where} ORDER BY league_id`, leagues ?? []);
      return rows.map((row) => ({
        leagueId: row.league_id,
        league: row.league,
        lastFullSyncAt: iso(row.last_full_sync_at),
        lastIncrementalSyncAt: iso(row.last_incremental_sync_at),
        lastChangeAt: iso(row.last_change_at),
        lastLiveChangeAt: iso(row.last_live_change_at),
        oldestUnsettledKickoffAt: iso(row.oldest_unsettled_kickoff_at),
        unsettledFixtures: Number(row.unsettled_fixtures),
      }));
    },
  };
}
