// A season's structure out of the stages SportMonks serves: `/stages/seasons/{id}` with its
// includes, and `/schedules/seasons/{id}` (stages → rounds → fixtures, knock-out fixtures on the
// stage, ties as `aggregates`). Every stage, round, group and tie is normalized or rejected with
// its reason; the fixtures are handed back raw for the fixture normalizer.
import type { RejectedRecord, RelatedRecords, StructureEntity } from '@insightxi/contracts';
import { normalizeAggregate, normalizeGroup, normalizeRound, normalizeStage, type Normalizer, type ParentStage } from './normalize.ts';

export interface SeasonStructure {
  related: Required<Pick<RelatedRecords, StructureEntity>>;
  fixtures: unknown[];
}

const list = (value: unknown): unknown[] => (Array.isArray(value) ? (value as unknown[]) : []);
const field = (value: unknown, key: string): unknown => (typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined);

function idOf(raw: unknown): number | null {
  const id = field(raw, 'id');
  return typeof id === 'number' && Number.isSafeInteger(id) && id > 0 ? id : null;
}

export function readStructure(stages: readonly unknown[], rejected: RejectedRecord[]): SeasonStructure {
  const related: SeasonStructure['related'] = { stages: [], rounds: [], groups: [], aggregates: [] };
  const fixtures: unknown[] = [];

  function take<E extends StructureEntity>(entity: E, normalize: Normalizer<E>, raw: unknown, parent: ParentStage | undefined): void {
    const outcome = normalize(raw, parent ? { parent } : {});
    if (outcome.ok) (related[entity] as unknown[]).push(outcome.record);
    else rejected.push({ entity, sourceId: idOf(raw), reason: outcome.reason, payload: raw });
  }

  for (const stage of stages) {
    const outcome = normalizeStage(stage);
    let parent: ParentStage | undefined;
    if (outcome.ok) {
      related.stages.push(outcome.record);
      parent = { leagueId: outcome.record.leagueId, seasonId: outcome.record.seasonId, stageId: outcome.record.id };
    } else {
      rejected.push({ entity: 'stages', sourceId: idOf(stage), reason: outcome.reason, payload: stripChildren(stage) });
    }
    for (const round of list(field(stage, 'rounds'))) {
      take('rounds', normalizeRound, stripChildren(round), parent);
      fixtures.push(...list(field(round, 'fixtures')));
    }
    for (const group of list(field(stage, 'groups'))) take('groups', normalizeGroup, group, parent);
    for (const aggregate of list(field(stage, 'aggregates'))) take('aggregates', normalizeAggregate, aggregate, parent);
    fixtures.push(...list(field(stage, 'fixtures')));
  }
  return { related, fixtures };
}

/** A stage or round without its children, as it is kept in the quarantine. */
function stripChildren(raw: unknown): unknown {
  if (typeof raw !== 'object' || raw === null) return raw;
  const { rounds: _r, fixtures: _f, groups: _g, aggregates: _a, ...rest } = raw as Record<string, unknown>;
  return rest;
}
