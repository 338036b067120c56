import type { Player, Referee } from '@insightxi/contracts';
import { column, dateOnly, fieldSpec, type ExistingRow } from './spec.ts';

/** A stub's content hash: no record hashes to all zeros, so the full record always overwrites a stub. */
export const STUB_CONTENT_HASH = '0'.repeat(40);
/** SportMonks' sport id of football, the only sport synced: a stub's sport. */
export const STUB_SPORT_ID = 1;

/** Writing the full record clears `stub`; a stub it overwrites counts as a person created, not updated. */
const full = {
  derived: [column<{ id: number }>('stub', () => false, { hashed: false })],
  existingColumns: ['stub'],
  placeholder: (row: ExistingRow) => Boolean(row.stub),
};

const personFields = ['id', 'sportId', 'countryId', 'cityId', 'commonName', 'firstname', 'lastname', 'name', 'displayName', 'imagePath', 'height', 'weight', ['dateOfBirth', dateOnly], 'gender'] as const;

export const playerSpec = fieldSpec<Player>({
  entity: 'players',
  table: 'players',
  fields: [...personFields, 'nationalityId', 'positionId', 'detailedPositionId'],
  ...full,
  references: [
    { table: 'countries', label: 'country', ids: (r) => [r.countryId, r.nationalityId] },
    { table: 'types', label: 'type', ids: (r) => [r.positionId, r.detailedPositionId] },
  ],
});

export const refereeSpec = fieldSpec<Referee>({
  entity: 'referees',
  table: 'referees',
  fields: personFields,
  ...full,
  references: [{ table: 'countries', label: 'country', ids: (r) => [r.countryId] }],
});
