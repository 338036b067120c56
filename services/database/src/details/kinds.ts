// How each kind of match detail maps onto its table: the record's fields in column order (the
// row hash follows it: never reorder) and the rows it must find in other tables first.
import type { DetailKind, DetailRecords } from '@insightxi/contracts';
import type { SqlValue } from '../sql.ts';

export interface ChildSpec<K extends DetailKind> {
  kind: K;
  table: string;
  fields: readonly (keyof DetailRecords[K] & string)[];
  /** Team ids the rows point at (checked like the fixture's own teams). */
  teamIds(row: DetailRecords[K]): (number | null)[];
  /** The people the row names, with the name it carries: a stub row stands in for one not stored yet. */
  people?(row: DetailRecords[K]): NamedPerson[];
}

export interface NamedPerson {
  table: 'players' | 'referees';
  id: number | null;
  name: string | null;
}

const snakeCase = (key: string): string => key.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);

export function columnNames<K extends DetailKind>(spec: ChildSpec<K>): string[] {
  return spec.fields.map(snakeCase);
}

export function rowValues<K extends DetailKind>(spec: ChildSpec<K>, row: DetailRecords[K]): SqlValue[] {
  return spec.fields.map((field) => row[field] as SqlValue);
}

export const CHILD_SPECS: { [K in DetailKind]: ChildSpec<K> } = {
  events: {
    kind: 'events',
    table: 'fixture_events',
    fields: [
      'id', 'fixtureId', 'periodId', 'teamId', 'playerId', 'playerName', 'relatedPlayerId', 'relatedPlayerName', 'typeId', 'subTypeId',
      'minute', 'extraMinute', 'result', 'info', 'addition', 'injured', 'onBench', 'sortOrder',
    ],
    teamIds: (r) => [r.teamId],
    people: (r) => [
      { table: 'players', id: r.playerId, name: r.playerName },
      { table: 'players', id: r.relatedPlayerId, name: r.relatedPlayerName },
    ],
  },
  lineups: {
    kind: 'lineups',
    table: 'fixture_lineups',
    fields: ['id', 'fixtureId', 'teamId', 'playerId', 'playerName', 'typeId', 'positionId', 'formationField', 'formationPosition', 'jerseyNumber'],
    teamIds: (r) => [r.teamId],
    people: (r) => [{ table: 'players', id: r.playerId, name: r.playerName }],
  },
  lineupDetails: {
    kind: 'lineupDetails',
    table: 'fixture_lineup_details',
    fields: ['id', 'fixtureId', 'lineupId', 'teamId', 'playerId', 'typeId', 'value'],
    teamIds: (r) => [r.teamId],
    people: (r) => [{ table: 'players', id: r.playerId, name: null }],
  },
  statistics: {
    kind: 'statistics',
    table: 'fixture_statistics',
    fields: ['id', 'fixtureId', 'teamId', 'typeId', 'value', 'location'],
    teamIds: (r) => [r.teamId],
  },
  referees: {
    kind: 'referees',
    table: 'fixture_referees',
    fields: ['id', 'fixtureId', 'refereeId', 'typeId'],
    teamIds: () => [],
    people: (r) => [{ table: 'referees', id: r.refereeId, name: null }],
  },
  formations: {
    kind: 'formations',
    table: 'fixture_formations',
    fields: ['id', 'fixtureId', 'teamId', 'formation', 'location'],
    teamIds: (r) => [r.teamId],
  },
};
