import type { Standing } from '@insightxi/contracts';
import { fieldSpec } from './spec.ts';

export const standingSpec = fieldSpec<Standing>({
  entity: 'standings',
  table: 'standings',
  fields: ['id', 'seasonId', 'leagueId', 'stageId', 'roundId', 'groupId', 'teamId', 'position', 'points', 'result', 'played', 'won', 'drawn', 'lost', 'goalsFor', 'goalsAgainst'],
  references: [
    { table: 'seasons', label: 'season', ids: (r) => [r.seasonId] },
    { table: 'leagues', label: 'league', ids: (r) => [r.leagueId] },
    { table: 'teams', label: 'team', ids: (r) => [r.teamId] },
    { table: 'stages', label: 'stage', ids: (r) => [r.stageId] },
    { table: 'rounds', label: 'round', ids: (r) => [r.roundId] },
    { table: 'stage_groups', label: 'group', ids: (r) => [r.groupId] },
  ],
});
