import type { Player, Referee } from '@insightxi/contracts';
import { dateOnly, fieldSpec } from './spec.ts';

const personFields = ['id', 'sportId', 'countryId', 'cityId', 'commonName', 'firstname', 'lastname', 'name', 'displayName', 'imagePath', 'height', 'weight', ['dateOfBirth', dateOnly], 'gender'] as const;

export const playerSpec = fieldSpec<Player>({
  entity: 'players',
  table: 'players',
  fields: [...personFields, 'nationalityId', 'positionId', 'detailedPositionId'],
  references: [
    { table: 'countries', label: 'country', ids: (r) => [r.countryId, r.nationalityId] },
    { table: 'types', label: 'type', ids: (r) => [r.positionId, r.detailedPositionId] },
  ],
});

export const refereeSpec = fieldSpec<Referee>({
  entity: 'referees',
  table: 'referees',
  fields: personFields,
  references: [{ table: 'countries', label: 'country', ids: (r) => [r.countryId] }],
});
