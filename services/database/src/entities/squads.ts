import type { Squad } from '@insightxi/contracts';
import { playerSpec } from './people.ts';
import { fieldSpec } from './spec.ts';

export const squadSpec = fieldSpec<Squad>({
  entity: 'squads',
  table: 'squads',
  fields: ['id', 'seasonId', 'teamId', 'playerId', 'jerseyNumber', 'positionId', 'detailedPositionId'],
  // The squad call describes its players: they land first, counted as players.
  nested: [{ spec: playerSpec, label: 'player', records: (r) => (r.player ? [r.player] : []) }],
  references: [
    { table: 'seasons', label: 'season', ids: (r) => [r.seasonId] },
    { table: 'teams', label: 'team', ids: (r) => [r.teamId] },
    { table: 'players', label: 'player', ids: (r) => [r.playerId] },
    { table: 'types', label: 'type', ids: (r) => [r.positionId, r.detailedPositionId] },
  ],
  check: (r) => (r.player && r.player.id !== r.playerId ? `the nested player ${r.player.id} is not player ${r.playerId}` : undefined),
});
