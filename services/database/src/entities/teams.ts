import type { Team } from '@insightxi/contracts';
import type { Team as Row } from '../generated/prisma/client.ts';
import { isoOrNull, toDate } from '../sql.ts';
import { column, type EntitySpec } from './spec.ts';

export const teamSpec: EntitySpec<Team> = {
  entity: 'teams',
  table: 'teams',
  columns: [
    column('id', (r) => r.id),
    column('sport_id', (r) => r.sportId),
    column('country_id', (r) => r.countryId),
    column('venue_id', (r) => r.venueId),
    column('gender', (r) => r.gender),
    column('name', (r) => r.name),
    column('short_code', (r) => r.shortCode),
    column('image_path', (r) => r.imagePath),
    column('founded', (r) => r.founded),
    column('type', (r) => r.type),
    column('placeholder', (r) => r.placeholder),
    column('last_played_at', (r) => toDate(r.lastPlayedAt)),
  ],
  references: [{ table: 'venues', label: 'venue', ids: (r) => [r.venueId] }],
};

export function teamRecord(row: Row): Team {
  return {
    id: row.id,
    sportId: row.sportId,
    countryId: row.countryId,
    venueId: row.venueId,
    gender: row.gender,
    name: row.name,
    shortCode: row.shortCode,
    imagePath: row.imagePath,
    founded: row.founded,
    type: row.type,
    placeholder: row.placeholder,
    lastPlayedAt: isoOrNull(row.lastPlayedAt),
  };
}
