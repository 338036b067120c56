import type { Static } from '@sinclair/typebox';
import type { Entity as EntitySchema } from '@insightxi/contracts';

export type Entity = Static<typeof EntitySchema>;
