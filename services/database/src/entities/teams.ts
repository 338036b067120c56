import type { Team } from '@insightxi/contracts';
import { dateTime, fieldSpec } from './spec.ts';

export const teamSpec = fieldSpec<Team>({
  entity: 'teams',
  table: 'teams',
  fields: ['id', 'sportId', 'countryId', 'venueId', 'gender', 'name', 'shortCode', 'imagePath', 'founded', 'type', 'placeholder', ['lastPlayedAt', dateTime]],
  references: [{ table: 'venues', label: 'venue', ids: (r) => [r.venueId] }],
});
