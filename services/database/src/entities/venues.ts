import type { Venue } from '@insightxi/contracts';
import { fieldSpec } from './spec.ts';

export const venueSpec = fieldSpec<Venue>({
  entity: 'venues',
  table: 'venues',
  fields: ['id', 'countryId', 'cityId', 'name', 'address', 'zipcode', 'latitude', 'longitude', 'capacity', 'imagePath', 'cityName', 'surface', 'nationalTeam'],
  references: [{ table: 'countries', label: 'country', ids: (r) => [r.countryId] }],
});
