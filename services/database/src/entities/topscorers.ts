// A season's SportMonks top-scorer rankings as one record: the rows have no id of their own in
// older answers, and a player who drops out of a ranking must leave it, so the season's rows
// are replaced as a whole whenever any of them changed.
import type { Topscorer, TopscorerList } from '@insightxi/contracts';
import type { TopscorerList as ListRow, Topscorer as Row } from '../generated/prisma/client.ts';
import type { Connection } from '../db.ts';
import { placeholders, type SqlValue } from '../sql.ts';
import { playerSpec } from './people.ts';
import { fieldSpec, type EntitySpec, type Written } from './spec.ts';

const ROW_COLUMNS = ['season_id', 'type_id', 'player_id', 'team_id', 'position', 'total', 'source_id', 'created_at', 'updated_at'];

const rowKey = (row: Topscorer): string => `${row.typeId}/${row.playerId}/${row.teamId}`;

/** Rows in one order whatever order SportMonks served them in: ranking, position, player. */
const ordered = (rows: readonly Topscorer[]): Topscorer[] =>
  [...rows].sort((a, b) => a.typeId - b.typeId || a.position - b.position || a.playerId - b.playerId || a.teamId - b.teamId);

async function replaceRows(connection: Connection, written: readonly Written<TopscorerList>[], now: Date): Promise<void> {
  const existed = written.filter((w) => w.existed).map((w) => w.record.id);
  if (existed.length > 0) await connection.query(`DELETE FROM topscorers WHERE season_id IN (${existed.map(() => '?').join(', ')})`, existed);
  const rows = written.flatMap((w) => w.record.rows.map((row) => ({ seasonId: w.record.id, row })));
  if (rows.length === 0) return;
  const values: SqlValue[] = rows.flatMap(({ seasonId, row }) => [seasonId, row.typeId, row.playerId, row.teamId, row.position, row.total, row.sourceId, now, now]);
  await connection.query(`INSERT INTO topscorers (${ROW_COLUMNS.join(', ')}) VALUES ${rows.map(() => placeholders(ROW_COLUMNS.length)).join(', ')}`, values);
}

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
    const foreign = r.rows.find((row) => row.player && row.player.id !== row.playerId);
    return foreign ? `the nested player ${foreign.player?.id ?? ''} is not player ${foreign.playerId}` : undefined;
  },
  writeChildren: replaceRows,
});

export type TopscorerListRow = ListRow & { rows: Row[] };

export const topscorerListSpec: EntitySpec<TopscorerList> = {
  ...listFields,
  record: (row: TopscorerListRow) => ({
    id: row.id,
    rows: ordered(row.rows.map((r) => ({ sourceId: r.sourceId, typeId: r.typeId, position: r.position, playerId: r.playerId, teamId: r.teamId, total: r.total }))),
  }),
};
