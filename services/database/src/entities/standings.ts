import type { Standing } from '@insightxi/contracts';
import type { Standing as Row } from '../generated/prisma/client.ts';
import { column, type EntitySpec } from './spec.ts';

export const standingSpec: EntitySpec<Standing> = {
  entity: 'standings',
  table: 'standings',
  columns: [
    column('id', (r) => r.id),
    column('season_id', (r) => r.seasonId),
    column('league_id', (r) => r.leagueId),
    column('stage_id', (r) => r.stageId),
    column('round_id', (r) => r.roundId),
    column('group_id', (r) => r.groupId),
    column('team_id', (r) => r.teamId),
    column('position', (r) => r.position),
    column('points', (r) => r.points),
    column('result', (r) => r.result),
    column('played', (r) => r.played),
    column('won', (r) => r.won),
    column('drawn', (r) => r.drawn),
    column('lost', (r) => r.lost),
    column('goals_for', (r) => r.goalsFor),
    column('goals_against', (r) => r.goalsAgainst),
  ],
  references: [
    { table: 'seasons', label: 'season', ids: (r) => [r.seasonId] },
    { table: 'leagues', label: 'league', ids: (r) => [r.leagueId] },
    { table: 'teams', label: 'team', ids: (r) => [r.teamId] },
  ],
};

export function standingRecord(row: Row): Standing {
  return {
    id: row.id,
    seasonId: row.seasonId,
    leagueId: row.leagueId,
    stageId: row.stageId,
    roundId: row.roundId,
    groupId: row.groupId,
    teamId: row.teamId,
    position: row.position,
    points: row.points,
    result: row.result,
    played: row.played,
    won: row.won,
    drawn: row.drawn,
    lost: row.lost,
    goalsFor: row.goalsFor,
    goalsAgainst: row.goalsAgainst,
  };
}
