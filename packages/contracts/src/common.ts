import { Type, type TSchema } from '@sinclair/typebox';

export const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

/** ISO 8601 datetime in UTC with a `Z`, e.g. `2025-08-16T14:00:00.000Z`. */
export const UtcDateTime = Type.String({ format: 'date-time', description: 'ISO 8601, UTC' });
/** Calendar date `YYYY-MM-DD` that exists (`format: 'date'` refuses 2024-02-30 and 2024-13-45). */
export const DateOnly = Type.String({ format: 'date', pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD' });
/** The largest value of a MySQL signed INT, the type of every id and counter column. */
export const INT_MAX = 2_147_483_647;
/** SportMonks ids are positive integers up to tens of millions; bounded so they fit the INT columns. */
export const Id = Type.Integer({ minimum: 1, maximum: INT_MAX });

export const ErrorBody = Type.Object(
  {
    statusCode: Type.Integer(),
    error: Type.String(),
    message: Type.String(),
    requestId: Type.String(),
    /** For validation errors: one entry per failing field. */
    fields: Type.Optional(Type.Array(Type.Object({ field: Type.String(), message: Type.String() }))),
  },
  { $id: 'ErrorBody' },
);

export const HealthStatus = Type.Object({
  status: Type.Union([Type.Literal('ok'), Type.Literal('unavailable')]),
  checks: Type.Optional(Type.Record(Type.String(), Type.Object({ ok: Type.Boolean(), message: Type.Optional(Type.String()) }))),
});

export const IdParams = Type.Object({ id: Id });

/**
 * The entities a sync moves, in dependency order: the one list every service derives its
 * routes, plans and checks from. A new entity starts here. Squads come after fixtures because
 * a season's teams are read from its stored fixtures; players come with squads, top-scorer
 * lists and lineups (their own step fetches the rest by id).
 */
export const ENTITIES = [
  'types',
  'countries',
  'states',
  'leagues',
  'seasons',
  'venues',
  'teams',
  'stages',
  'rounds',
  'groups',
  'aggregates',
  'referees',
  'fixtures',
  'squads',
  'players',
  'standings',
  'topscorers',
] as const;
export type EntityName = (typeof ENTITIES)[number];
/**
 * A season's structure: besides their own walks, these ride along with the pages that carry them
 * (a season's schedule names its stages, rounds and ties), written first in the page's transaction.
 */
export const STRUCTURE_ENTITIES = ['stages', 'rounds', 'groups', 'aggregates'] as const;
export type StructureEntity = (typeof STRUCTURE_ENTITIES)[number];
/**
 * What may ride along with a page, in the order it is written: the season's structure, then the
 * people a fixture call's detail describes (lineup players, referees) before the detail names them.
 */
export const RELATED_ENTITIES = [...STRUCTURE_ENTITIES, 'players', 'referees'] as const;
export type RelatedEntity = (typeof RELATED_ENTITIES)[number];
export const Entity = Type.Union(ENTITIES.map((e) => Type.Literal(e)));
