import type { SquadList, SquadMember } from '@insightxi/contracts';
import type { SquadList as ListRow, Squad as Row } from '../generated/prisma/client.ts';
import { playerSpec } from './people.ts';
import { nestedPlayerMismatch, replaceListRows } from './season-lists.ts';
import { fieldSpec, type EntitySpec } from './spec.ts';

/** Members in one order whatever order SportMonks served them in. */
const ordered = (members: readonly SquadMember[]): SquadMember[] => [...members].sort((a, b) => a.teamId - b.teamId || a.playerId - b.playerId);

const listFields = fieldSpec<SquadList>({
  entity: 'squads',
  table: 'squad_lists',
  fields: ['id'],
  extraHashInput: (r) => [[...r.teams].sort((a, b) => a - b), ordered(r.members).map((m) => [m.teamId, m.playerId, m.jerseyNumber, m.positionId, m.detailedPositionId, m.sourceId])],
  // The squad calls describe their players: they land first, counted as players.
  nested: [{ spec: playerSpec, label: 'player', records: (r) => r.members.flatMap((m) => (m.player ? [m.player] : [])) }],
  references: [
    { table: 'seasons', label: 'season', ids: (r) => [r.id] },
    { table: 'teams', label: 'team', ids: (r) => [...r.teams, ...r.members.map((m) => m.teamId)] },
    { table: 'players', label: 'player', ids: (r) => r.members.map((m) => m.playerId) },
    { table: 'types', label: 'type', ids: (r) => r.members.flatMap((m) => [m.positionId, m.detailedPositionId]) },
  ],
  // A team's squad lands or fails alone: a player or team that cannot land leaves that team's stored squad as it was.
  parts: {
    split: (r) => (r.teams.length === 0 ? [r] : r.teams.map((team) => ({ id: r.id, teams: [team], members: r.members.filter((m) => m.teamId === team) }))),
    join: (parts) => ({ id: (parts[0] as SquadList).id, teams: parts.flatMap((p) => p.teams), members: parts.flatMap((p) => p.members) }),
    label: (part) => (part.teams.length === 1 ? `squad of team ${String(part.teams[0])}` : 'squads'),
  },
  check(r) {
    const teams = new Set(r.teams);
    const stray = r.members.find((m) => !teams.has(m.teamId));
    if (stray) return `player ${stray.playerId} is in the squad of team ${stray.teamId}, which is not among the teams read`;
    if (new Set(r.members.map((m) => `${m.teamId}/${m.playerId}`)).size !== r.members.length) return 'a player is listed twice in one squad';
    return nestedPlayerMismatch(r.members);
  },
  // Only the squads of the teams read are replaced: a run that read some teams leaves the others.
  writeChildren: replaceListRows<SquadList>({
    table: 'squads',
    columns: ['season_id', 'team_id', 'player_id', 'jersey_number', 'position_id', 'detailed_position_id', 'source_id'],
    rows: (r) => r.members.map((m) => [r.id, m.teamId, m.playerId, m.jerseyNumber, m.positionId, m.detailedPositionId, m.sourceId]),
    replaced: (r) => [`season_id = ? AND team_id IN (${r.teams.map(() => '?').join(', ') || 'NULL'})`, [r.id, ...r.teams]],
  }),
});

export type SquadListRow = ListRow & { members: Row[] };

export const squadListSpec: EntitySpec<SquadList> = {
  ...listFields,
  record: (row: SquadListRow) => ({
    id: row.id,
    teams: [...new Set(row.members.map((m) => m.teamId))].sort((a, b) => a - b),
    members: ordered(
      row.members.map((m) => ({ sourceId: m.sourceId, teamId: m.teamId, playerId: m.playerId, jerseyNumber: m.jerseyNumber, positionId: m.positionId, detailedPositionId: m.detailedPositionId })),
    ),
  }),
};
