// A fixture's match detail: the child rows that ride with it (events, lineups and their
// per-player details, team statistics, referees, formations). Each kind is optional on the
// fixture: absent means "not fetched this time" (the stored rows stay), an array — even an
// empty one — is the whole current set, and the writer replaces the stored rows with it.
import { Type, type Static } from '@sinclair/typebox';
import { Id, Nullable } from './common.ts';

/** Child ids grow past INT (lineup ids reach 14,673,943,720): BIGINT columns, safe integers here. */
export const ChildId = Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER });
/** A SportMonks type id (`types` table): event kind, lineup slot, statistic, referee role … */
const TypeId = Type.Integer({ minimum: 1 });
/** People ids (players, referees) are kept as sent: the person may arrive through another call. */
const PersonId = Nullable(Type.Integer({ minimum: 1 }));
const Side = Nullable(Type.Union([Type.Literal('home'), Type.Literal('away')]));

export const FixtureEvent = Type.Object({
  id: ChildId,
  fixtureId: Id,
  /** The fixture's period row (1st half, 2nd half …), not a type id. */
  periodId: Nullable(Type.Integer({ minimum: 1 })),
  teamId: Nullable(Id),
  playerId: PersonId,
  playerName: Nullable(Type.String()),
  /** The assist on a goal; the player going off on a substitution. */
  relatedPlayerId: PersonId,
  relatedPlayerName: Nullable(Type.String()),
  /** 14 goal, 15 own goal, 16 penalty, 17 missed penalty, 18 substitution, 19/20/21 cards, 10 VAR, 22/23 shoot-out. */
  typeId: TypeId,
  subTypeId: Nullable(TypeId),
  minute: Nullable(Type.Integer({ minimum: 0 })),
  extraMinute: Nullable(Type.Integer({ minimum: 0 })),
  /** The running score after a goal, home first: `"1-0"`. */
  result: Nullable(Type.String()),
  info: Nullable(Type.String()),
  addition: Nullable(Type.String()),
  injured: Nullable(Type.Boolean()),
  onBench: Nullable(Type.Boolean()),
  sortOrder: Nullable(Type.Integer()),
});

export const FixtureLineup = Type.Object({
  id: ChildId,
  fixtureId: Id,
  teamId: Id,
  playerId: PersonId,
  playerName: Nullable(Type.String()),
  /** 11 starting XI, 12 bench. */
  typeId: TypeId,
  positionId: Nullable(TypeId),
  /** `"row:col"` on the pitch (`"1:1"` the goalkeeper); null on the bench. */
  formationField: Nullable(Type.String()),
  formationPosition: Nullable(Type.Integer({ minimum: 0 })),
  jerseyNumber: Nullable(Type.Integer({ minimum: 0 })),
});

export const FixtureLineupDetail = Type.Object({
  id: ChildId,
  fixtureId: Id,
  lineupId: ChildId,
  teamId: Nullable(Id),
  playerId: PersonId,
  /** A statistic type: 118 rating, 119 minutes played, 80 passes … */
  typeId: TypeId,
  value: Nullable(Type.Number()),
});

export const FixtureStatistic = Type.Object({
  id: ChildId,
  fixtureId: Id,
  teamId: Id,
  typeId: TypeId,
  value: Nullable(Type.Number()),
  location: Side,
});

export const FixtureReferee = Type.Object({
  id: ChildId,
  fixtureId: Id,
  refereeId: Type.Integer({ minimum: 1 }),
  /** 6 referee, 7 first assistant, 8 second assistant, 9 fourth official. */
  typeId: TypeId,
});

export const FixtureFormation = Type.Object({
  id: ChildId,
  fixtureId: Id,
  teamId: Id,
  formation: Type.String({ minLength: 1, maxLength: 32 }),
  location: Side,
});

export type FixtureEvent = Static<typeof FixtureEvent>;
export type FixtureLineup = Static<typeof FixtureLineup>;
export type FixtureLineupDetail = Static<typeof FixtureLineupDetail>;
export type FixtureStatistic = Static<typeof FixtureStatistic>;
export type FixtureReferee = Static<typeof FixtureReferee>;
export type FixtureFormation = Static<typeof FixtureFormation>;

/** The kinds of match detail, in the order they are written (a lineup before its details). */
export const DETAIL_KINDS = ['events', 'lineups', 'lineupDetails', 'statistics', 'referees', 'formations'] as const;
export type DetailKind = (typeof DETAIL_KINDS)[number];

export interface DetailRecords {
  events: FixtureEvent;
  lineups: FixtureLineup;
  lineupDetails: FixtureLineupDetail;
  statistics: FixtureStatistic;
  referees: FixtureReferee;
  formations: FixtureFormation;
}

const MAX_ROWS = 5000;
export const FixtureDetail = Type.Object(
  {
    events: Type.Optional(Type.Array(FixtureEvent, { maxItems: MAX_ROWS })),
    lineups: Type.Optional(Type.Array(FixtureLineup, { maxItems: MAX_ROWS })),
    lineupDetails: Type.Optional(Type.Array(FixtureLineupDetail, { maxItems: MAX_ROWS })),
    statistics: Type.Optional(Type.Array(FixtureStatistic, { maxItems: MAX_ROWS })),
    referees: Type.Optional(Type.Array(FixtureReferee, { maxItems: MAX_ROWS })),
    formations: Type.Optional(Type.Array(FixtureFormation, { maxItems: MAX_ROWS })),
  },
  { additionalProperties: false },
);
export type FixtureDetail = { [K in DetailKind]?: DetailRecords[K][] };

/** What happened to the stored child rows of one kind. */
export const ChildCounts = Type.Object({
  created: Type.Integer({ minimum: 0 }),
  updated: Type.Integer({ minimum: 0 }),
  unchanged: Type.Integer({ minimum: 0 }),
  /** Rows the source no longer lists for a fixture (a goal cancelled by VAR). */
  deleted: Type.Integer({ minimum: 0 }),
});
export type ChildCounts = Static<typeof ChildCounts>;

export const DetailCounts = Type.Partial(Type.Object(Object.fromEntries(DETAIL_KINDS.map((k) => [k, ChildCounts])) as Record<DetailKind, typeof ChildCounts>));
export type DetailCounts = { [K in DetailKind]?: ChildCounts };

export const zeroChildCounts = (): ChildCounts => ({ created: 0, updated: 0, unchanged: 0, deleted: 0 });

/** Adds `part` into `total` kind by kind (kinds absent from both stay absent). */
export function addDetailCounts(total: DetailCounts, part: DetailCounts | undefined): DetailCounts {
  if (part === undefined) return total;
  const sum: DetailCounts = { ...total };
  for (const kind of DETAIL_KINDS) {
    const add = part[kind];
    if (add === undefined) continue;
    const base = sum[kind] ?? zeroChildCounts();
    sum[kind] = { created: base.created + add.created, updated: base.updated + add.updated, unchanged: base.unchanged + add.unchanged, deleted: base.deleted + add.deleted };
  }
  return sum;
}

/**
 * The fetcher's names of the detail includes a fixture call may carry (SportMonks' include
 * names; `lineups.details` nests two levels, the most we ask for).
 */
export const DETAIL_INCLUDES = ['events', 'lineups', 'lineups.details', 'lineups.player', 'statistics', 'referees', 'referees.referee', 'formations'] as const;
export type DetailInclude = (typeof DETAIL_INCLUDES)[number];

/** A run's match detail: rows per kind over all its pages, and the includes the plan lacked. */
export const RunDetail = Type.Object({
  rows: DetailCounts,
  /** Detail includes SportMonks refused for the plan (403, code 5002): dropped, the run went on without them. */
  unavailable: Type.Array(Type.String()),
});
export type RunDetail = Static<typeof RunDetail>;

/** Merges a page's detail into the run's (unavailable includes as a sorted set). */
export function addRunDetail(run: RunDetail | undefined, rows: DetailCounts | undefined, unavailable: readonly string[] | undefined): RunDetail {
  const base = run ?? { rows: {}, unavailable: [] };
  return { rows: addDetailCounts(base.rows, rows), unavailable: [...new Set([...base.unavailable, ...(unavailable ?? [])])].sort() };
}

/** What an operator reads in a run's summary for each include the plan lacked. */
export const unavailableNote = (include: string): string => `${include} unavailable on this plan`;
