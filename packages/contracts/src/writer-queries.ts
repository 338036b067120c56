// Query strings and list bodies of the database writer's read routes.
import { Type, type Static } from '@sinclair/typebox';
import { DateOnly, Entity, Id, UtcDateTime } from './common.ts';
import { Page, QuarantineRecord } from './writer.ts';

/** The largest page the writer's read routes answer. */
export const MAX_PAGE_SIZE = 1000;

const paging = {
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_PAGE_SIZE, description: 'page size, default 100' })),
  /** The `next` of the previous page. */
  cursor: Type.Optional(Type.String({ pattern: '^\\d+$', maxLength: 20 })),
};

const Instant = Type.Union([UtcDateTime, DateOnly], { description: 'ISO 8601 date-time, or a date (midnight UTC)' });

export const ListQuery = Type.Object(paging, { additionalProperties: false });
export type ListQuery = Static<typeof ListQuery>;

export const SeasonListQuery = Type.Object({ ...paging, league: Type.Optional(Id) }, { additionalProperties: false });
export type SeasonListQuery = Static<typeof SeasonListQuery>;

/** Stages, rounds, groups and aggregates of a league, a season or a stage. */
export const StructureListQuery = Type.Object(
  { ...paging, league: Type.Optional(Id), season: Type.Optional(Id), stage: Type.Optional(Id) },
  { additionalProperties: false },
);
export type StructureListQuery = Static<typeof StructureListQuery>;

export const StageListQuery = Type.Object({ ...paging, league: Type.Optional(Id), season: Type.Optional(Id) }, { additionalProperties: false });
export type StageListQuery = Static<typeof StageListQuery>;

export const TypeListQuery = Type.Object(
  { ...paging, modelType: Type.Optional(Type.String({ minLength: 1, maxLength: 64, description: 'e.g. event, statistic, stage' })) },
  { additionalProperties: false },
);
export type TypeListQuery = Static<typeof TypeListQuery>;

export const StandingListQuery = Type.Object(
  { ...paging, season: Type.Optional(Id), league: Type.Optional(Id), team: Type.Optional(Id), stage: Type.Optional(Id) },
  { additionalProperties: false },
);
export type StandingListQuery = Static<typeof StandingListQuery>;

export const FixtureListQuery = Type.Object(
  {
    ...paging,
    league: Type.Optional(Id),
    season: Type.Optional(Id),
    /** Home or away. */
    team: Type.Optional(Id),
    state: Type.Optional(Id),
    /** starting_at >= from */
    from: Type.Optional(Instant),
    /** starting_at < to (a date means up to the end of that day) */
    to: Type.Optional(Instant),
    /** true: only tombstoned fixtures; false: only live ones; absent: both. */
    deleted: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type FixtureListQuery = Static<typeof FixtureListQuery>;

/** Players and referees: `stub=true` lists the ones only the match detail has named so far (to fetch by id). */
export const PersonListQuery = Type.Object(
  { ...paging, stub: Type.Optional(Type.Boolean({ description: 'true: only stub rows; false: only full ones' })) },
  { additionalProperties: false },
);
export type PersonListQuery = Static<typeof PersonListQuery>;

export const QuarantineListQuery = Type.Object(
  { ...paging, runId: Type.Optional(Id), entity: Type.Optional(Entity) },
  { additionalProperties: false },
);
export type QuarantineListQuery = Static<typeof QuarantineListQuery>;

export const QuarantineList = Page(QuarantineRecord);
export type QuarantineList = Static<typeof QuarantineList>;

export const QuarantineBulkResult = Type.Object({ quarantined: Type.Integer({ minimum: 0 }) });
export type QuarantineBulkResult = Static<typeof QuarantineBulkResult>;
