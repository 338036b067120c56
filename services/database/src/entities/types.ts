import type { TypeEntry } from '@insightxi/contracts';
import { fieldSpec } from './spec.ts';

export const typeSpec = fieldSpec<TypeEntry>({
  entity: 'types',
  table: 'types',
  fields: ['id', 'name', 'code', 'developerName', 'modelType', 'statGroup'],
  references: [],
});
