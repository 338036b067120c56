import type { Season } from '@insightxi/contracts';
import { dateOnly, dateTime, fieldSpec } from './spec.ts';

export const seasonSpec = fieldSpec<Season>({
  entity: 'seasons',
  table: 'seasons',
  fields: ['id', 'sportId', 'leagueId', 'name', 'finished', 'pending', 'isCurrent', ['startingAt', dateOnly], ['endingAt', dateOnly], ['standingsRecalculatedAt', dateTime]],
  references: [{ table: 'leagues', label: 'league', ids: (r) => [r.leagueId] }],
});
