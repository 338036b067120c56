// The paging cursor handed to callers: base64url of a small JSON object. It carries the whole
// scope, so `GET /{entity}?cursor=<next>` alone continues a walk, plus where the walk stands:
// the job (window, season, id chunk), SportMonks' own cursor or page inside it, and the ids of
// the previous page to drop duplicates that offset paging shifts across the page boundary.
import { Entity } from '@insightxi/contracts';
import { Type, type Static } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { BadScopeError, validate, type EntityName, type Scope } from './scope.ts';

/** Where a walk stands within the jobs its scope plans. */
export interface WalkPosition {
  /** Index of the job (window, season, id chunk, single list). */
  job: number;
  /** SportMonks' next_cursor inside the job (preferred). */
  upstreamCursor?: string | undefined;
  /** Page number inside the job, when SportMonks gave no cursor. */
  page?: number | undefined;
  /** A season with detail: the fixture ids of its schedule still to fetch (through multi). */
  pending?: number[] | undefined;
}

/** Everything a cursor carries: the whole scope, so `?cursor=` alone continues a walk. */
export interface WalkCursor extends WalkPosition {
  entity: EntityName;
  scope: Scope;
  /** Ids of the previous page (its last ones), to drop repeats across the boundary. */
  previousIds: number[];
}

const IdArray = Type.Array(Type.Integer({ minimum: 1 }), { minItems: 1 });
const DateText = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });

/** On the wire the fields have one letter each: the cursor travels in every URL of a walk. */
const WireCursor = Type.Object(
  {
    v: Type.Literal(1),
    e: Entity,
    q: Type.Object(
      {
        leagues: Type.Optional(IdArray),
        seasons: Type.Optional(IdArray),
        ids: Type.Optional(IdArray),
        teams: Type.Optional(IdArray),
        from: Type.Optional(DateText),
        to: Type.Optional(DateText),
        updated: Type.Optional(Type.Literal('latest')),
        deleted: Type.Optional(Type.Literal(true)),
        detail: Type.Optional(Type.Literal(true)),
      },
      { additionalProperties: false },
    ),
    /** job */
    j: Type.Integer({ minimum: 0 }),
    /** upstreamCursor */
    u: Type.Optional(Type.String({ minLength: 1 })),
    /** page */
    p: Type.Optional(Type.Integer({ minimum: 2 })),
    /** previousIds */
    t: Type.Optional(Type.Array(Type.Integer({ minimum: 1 }))),
    /** pending */
    i: Type.Optional(IdArray),
  },
  { additionalProperties: false },
);
type WireCursor = Static<typeof WireCursor>;

/** How many ids of a page the cursor remembers: bounded, whatever the page size. */
export const TAIL_IDS = 100;

export function encodeCursor(cursor: WalkCursor): string {
  const wire: WireCursor = {
    v: 1,
    e: cursor.entity,
    q: cursor.scope,
    j: cursor.job,
    ...(cursor.upstreamCursor === undefined ? {} : { u: cursor.upstreamCursor }),
    ...(cursor.page === undefined ? {} : { p: cursor.page }),
    ...(cursor.previousIds.length === 0 ? {} : { t: cursor.previousIds }),
    ...(cursor.pending === undefined || cursor.pending.length === 0 ? {} : { i: cursor.pending }),
  };
  return Buffer.from(JSON.stringify(wire), 'utf8').toString('base64url');
}

export function decodeCursor(text: string, entity: EntityName): WalkCursor {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    throw new BadScopeError('cursor is not one this service issued');
  }
  if (!Value.Check(WireCursor, parsed)) throw new BadScopeError('cursor is not one this service issued');
  if (parsed.e !== entity) throw new BadScopeError(`cursor belongs to /${parsed.e}, not /${entity}`);
  validate(entity, parsed.q);
  return { entity, scope: parsed.q, job: parsed.j, upstreamCursor: parsed.u, page: parsed.p, pending: parsed.i, previousIds: parsed.t ?? [] };
}
