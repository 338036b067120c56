import type { FixtureState } from '@insightxi/contracts';
import { fieldSpec } from './spec.ts';

export const stateSpec = fieldSpec<FixtureState>({
  entity: 'states',
  table: 'fixture_states',
  fields: ['id', 'state', 'name', 'shortName', 'developerName', 'isLive', 'isFinalState', 'isFinalStandingState', 'isCancelled', 'isCompleted', 'isDeleted', 'isNotStarted'],
  references: [],
});
