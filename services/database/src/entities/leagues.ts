import type { League } from '@insightxi/contracts';
import type { League as Row } from '../generated/prisma/client.ts';
import { isoOrNull, toDate } from '../sql.ts';
import { column, type EntitySpec } from './spec.ts';

export const leagueSpec: EntitySpec<League> = {
  entity: 'leagues',
  table: 'leagues',
  columns: [
    column('id', (r) => r.id),
    column('sport_id', (r) => r.sportId),
    column('country_id', (r) => r.countryId),
    column('name', (r) => r.name),
    column('active', (r) => r.active),
    column('short_code', (r) => r.shortCode),
    column('image_path', (r) => r.imagePath),
    column('type', (r) => r.type),
    column('sub_type', (r) => r.subType),
    column('category', (r) => r.category),
    column('has_jerseys', (r) => r.hasJerseys),
    column('last_played_at', (r) => toDate(r.lastPlayedAt)),
  ],
  references: [],
};

export function leagueRecord(row: Row): League {
  return {
    id: row.id,
    sportId: row.sportId,
    countryId: row.countryId,
    name: row.name,
    active: row.active,
    shortCode: row.shortCode,
    imagePath: row.imagePath,
    type: row.type,
    subType: row.subType,
    category: row.category,
    hasJerseys: row.hasJerseys,
    lastPlayedAt: isoOrNull(row.lastPlayedAt),
  };
}
