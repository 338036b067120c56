// A season's SportMonks top-scorer rankings as one record: the rows have no id of their own in
// older answers, and a player who drops out of a ranking must leave it (season-lists.ts).
import type { Topscorer, TopscorerList } from '@insightxi/contracts';
import type { TopscorerList as ListRow, Topscorer as Row } from '../generated/prisma/client.ts';
import { playerSpec } from './people.ts';
import { nestedPlayerMismatch, replaceListRows } from './season-lists.ts';
import { fieldSpec, type EntitySpec } from './spec.ts';

/** Rows in one order whatever order SportMonks served them in: ranking, position, player. */
const ordered = (rows: readonly Topscorer[]): Topscorer[] =>
  [...rows].sort((a, b) => a.typeId - b.typeId || a.position - b.position || a.playerId - b.playerId || a.teamId - b.teamId);

const rowKey = (row: Topscorer): string => `${row.typeId}/${row.playerId}/${row.teamId}`;

const listFields = fieldSpec<TopscorerList>({
  entity: 'topscorers',
  table: 'topscorer_lists',
  fields: ['id'],
  extraHashInput: (r) => ordered(r.rows).map((row) => [row.typeId, row.position, row.playerId, row.teamId, row.total, row.sourceId]),
  nested: [{ spec: playerSpec, label: 'player', records: (r) => r.rows.flatMap((row) => (row.player ? [row.player] : [])) }],
  references: [
    { table: 'seasons', label: 'season', ids: (r) => [r.id] },
    { table: 'players', label: 'player', ids: (r) => r.rows.map((row) => row.playerId) },
    { table: 'teams', label: 'team', ids: (r) => r.rows.map((row) => row.teamId) },
    { table: 'types', label: 'type', ids: (r) => r.rows.map((row) => row.typeId) },
  ],
  check(r) {
    const keys = new Set(r.rows.map(rowKey));
    if (keys.size !== r.rows.length) return 'a player is listed twice for the same team in one ranking';
    return nestedPlayerMismatch(r.rows);
  },
  writeChildren: replaceListRows<TopscorerList>({
    table: 'topscorers',
    columns: ['season_id', 'type_id', 'player_id', 'team_id', 'position', 'total', 'source_id'],
    rows: (r) => r.rows.map((row) => [r.id, row.typeId, row.playerId, row.teamId, row.position, row.total, row.sourceId]),
  }),
});

export type TopscorerListRow = ListRow & { rows: Row[] };

export const topscorerListSpec: EntitySpec<TopscorerList> = {
  ...listFields,
  record: (row: TopscorerListRow) => ({
    id: row.id,
    rows: ordered(row.rows.map((r) => ({ sourceId: r.sourceId, typeId: r.typeId, position: r.position, playerId: r.playerId, teamId: r.teamId, total: r.total }))),
  }),
};
