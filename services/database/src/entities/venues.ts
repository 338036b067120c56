import type { Venue } from '@insightxi/contracts';
import type { Venue as Row } from '../generated/prisma/client.ts';
import { column, type EntitySpec } from './spec.ts';

export const venueSpec: EntitySpec<Venue> = {
  entity: 'venues',
  table: 'venues',
  columns: [
    column('id', (r) => r.id),
    column('country_id', (r) => r.countryId),
    column('city_id', (r) => r.cityId),
    column('name', (r) => r.name),
    column('address', (r) => r.address),
    column('zipcode', (r) => r.zipcode),
    column('latitude', (r) => r.latitude),
    column('longitude', (r) => r.longitude),
    column('capacity', (r) => r.capacity),
    column('image_path', (r) => r.imagePath),
    column('city_name', (r) => r.cityName),
    column('surface', (r) => r.surface),
    column('national_team', (r) => r.nationalTeam),
  ],
  references: [],
};

export function venueRecord(row: Row): Venue {
  return {
    id: row.id,
    countryId: row.countryId,
    cityId: row.cityId,
    name: row.name,
    address: row.address,
    zipcode: row.zipcode,
    latitude: row.latitude,
    longitude: row.longitude,
    capacity: row.capacity,
    imagePath: row.imagePath,
    cityName: row.cityName,
    surface: row.surface,
    nationalTeam: row.nationalTeam,
  };
}
