import type { FixtureState } from '@insightxi/contracts';
import type { FixtureState as Row } from '../generated/prisma/client.ts';
import { column, type EntitySpec } from './spec.ts';

export const stateSpec: EntitySpec<FixtureState> = {
  entity: 'states',
  table: 'fixture_states',
  columns: [
    column('id', (r) => r.id),
    column('state', (r) => r.state),
    column('name', (r) => r.name),
    column('short_name', (r) => r.shortName),
    column('developer_name', (r) => r.developerName),
    column('is_live', (r) => r.isLive),
    column('is_final_state', (r) => r.isFinalState),
    column('is_final_standing_state', (r) => r.isFinalStandingState),
    column('is_cancelled', (r) => r.isCancelled),
    column('is_completed', (r) => r.isCompleted),
    column('is_deleted', (r) => r.isDeleted),
    column('is_not_started', (r) => r.isNotStarted),
  ],
  references: [],
};

export function stateRecord(row: Row): FixtureState {
  return {
    id: row.id,
    state: row.state,
    name: row.name,
    shortName: row.shortName,
    developerName: row.developerName,
    isLive: row.isLive,
    isFinalState: row.isFinalState,
    isFinalStandingState: row.isFinalStandingState,
    isCancelled: row.isCancelled,
    isCompleted: row.isCompleted,
    isDeleted: row.isDeleted,
    isNotStarted: row.isNotStarted,
  };
}
