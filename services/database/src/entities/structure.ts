// A season's structure: stages, their rounds and groups, and two-legged ties. Each names its
// league, season and stage; a stage its type, a tie its winner.
import type { Aggregate, Group, Round, Stage } from '@insightxi/contracts';
import { dateOnly, fieldSpec, type Reference } from './spec.ts';

const inSeason = <R extends { leagueId: number; seasonId: number }>(): Reference<R>[] => [
  { table: 'leagues', label: 'league', ids: (r) => [r.leagueId] },
  { table: 'seasons', label: 'season', ids: (r) => [r.seasonId] },
];

const inStage = <R extends { leagueId: number; seasonId: number; stageId: number }>(): Reference<R>[] => [
  ...inSeason<R>(),
  { table: 'stages', label: 'stage', ids: (r) => [r.stageId] },
];

export const stageSpec = fieldSpec<Stage>({
  entity: 'stages',
  table: 'stages',
  fields: ['id', 'leagueId', 'seasonId', 'typeId', 'name', 'sortOrder', 'finished', 'isCurrent', ['startingAt', dateOnly], ['endingAt', dateOnly]],
  references: [...inSeason<Stage>(), { table: 'types', label: 'type', ids: (r) => [r.typeId] }],
});

export const roundSpec = fieldSpec<Round>({
  entity: 'rounds',
  table: 'rounds',
  fields: ['id', 'leagueId', 'seasonId', 'stageId', 'name', 'number', 'finished', 'isCurrent', ['startingAt', dateOnly], ['endingAt', dateOnly]],
  references: inStage<Round>(),
});

export const groupSpec = fieldSpec<Group>({
  entity: 'groups',
  table: 'stage_groups',
  fields: ['id', 'leagueId', 'seasonId', 'stageId', 'name', 'finished', 'isCurrent', ['startingAt', dateOnly], ['endingAt', dateOnly]],
  references: inStage<Group>(),
});

export const aggregateSpec = fieldSpec<Aggregate>({
  entity: 'aggregates',
  table: 'aggregates',
  fields: ['id', 'leagueId', 'seasonId', 'stageId', 'name', 'result', 'detail', 'winnerTeamId'],
  references: [...inStage<Aggregate>(), { table: 'teams', label: 'winner team', ids: (r) => [r.winnerTeamId] }],
});
