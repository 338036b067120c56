import type { League } from '@insightxi/contracts';
import { dateTime, fieldSpec } from './spec.ts';

export const leagueSpec = fieldSpec<League>({
  entity: 'leagues',
  table: 'leagues',
  fields: ['id', 'sportId', 'countryId', 'name', 'active', 'shortCode', 'imagePath', 'type', 'subType', 'category', 'hasJerseys', ['lastPlayedAt', dateTime]],
  references: [{ table: 'countries', label: 'country', ids: (r) => [r.countryId] }],
});
