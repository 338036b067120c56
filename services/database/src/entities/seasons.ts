import type { Season } from '@insightxi/contracts';
import type { Season as Row } from '../generated/prisma/client.ts';
import { dateOnlyOrNull, isoOrNull, toDate } from '../sql.ts';
import { column, type EntitySpec } from './spec.ts';

export const seasonSpec: EntitySpec<Season> = {
  entity: 'seasons',
  table: 'seasons',
  columns: [
    column('id', (r) => r.id),
    column('sport_id', (r) => r.sportId),
    column('league_id', (r) => r.leagueId),
    column('name', (r) => r.name),
    column('finished', (r) => r.finished),
    column('pending', (r) => r.pending),
    column('is_current', (r) => r.isCurrent),
    column('starting_at', (r) => r.startingAt),
    column('ending_at', (r) => r.endingAt),
    column('standings_recalculated_at', (r) => toDate(r.standingsRecalculatedAt)),
  ],
  references: [{ table: 'leagues', label: 'league', ids: (r) => [r.leagueId] }],
};

export function seasonRecord(row: Row): Season {
  return {
    id: row.id,
    sportId: row.sportId,
    leagueId: row.leagueId,
    name: row.name,
    finished: row.finished,
    pending: row.pending,
    isCurrent: row.isCurrent,
    startingAt: dateOnlyOrNull(row.startingAt),
    endingAt: dateOnlyOrNull(row.endingAt),
    standingsRecalculatedAt: isoOrNull(row.standingsRecalculatedAt),
  };
}
