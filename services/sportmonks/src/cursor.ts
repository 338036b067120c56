// The paging cursor handed to callers: base64url of a small JSON object. It carries the whole
// scope, so `GET /{entity}?cursor=<next>` alone continues a walk, plus where the walk stands:
// the job (window, season, id chunk), SportMonks' own cursor or page inside it, and the ids of
// the previous page to drop duplicates that offset paging shifts across the page boundary.
import { Type, type Static } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { BadScopeError, validate, type EntityName, type Scope } from './scope.ts';

const IdArray = Type.Array(Type.Integer({ minimum: 1 }), { minItems: 1 });
const DateText = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });

const CursorSchema = Type.Object(
  {
    v: Type.Literal(1),
    e: Type.Union(['states', 'leagues', 'seasons', 'venues', 'teams', 'fixtures', 'standings'].map((e) => Type.Literal(e))),
    q: Type.Object(
      {
        leagues: Type.Optional(IdArray),
        seasons: Type.Optional(IdArray),
        ids: Type.Optional(IdArray),
        from: Type.Optional(DateText),
        to: Type.Optional(DateText),
        updated: Type.Optional(Type.Literal('latest')),
        deleted: Type.Optional(Type.Literal(true)),
      },
      { additionalProperties: false },
    ),
    /** Index of the job (window, season, id chunk, single list). */
    j: Type.Integer({ minimum: 0 }),
    /** SportMonks' next_cursor inside the job. */
    u: Type.Optional(Type.String({ minLength: 1 })),
    /** Page number inside the job, when SportMonks gave no cursor. */
    p: Type.Optional(Type.Integer({ minimum: 2 })),
    /** Ids of the previous page (its last ones), to drop repeats across the boundary. */
    t: Type.Optional(Type.Array(Type.Integer({ minimum: 1 }))),
  },
  { additionalProperties: false },
);

export type CursorState = Static<typeof CursorSchema> & { e: EntityName; q: Scope };

/** How many ids of a page the cursor remembers: bounded, whatever the page size. */
export const TAIL_IDS = 100;

export function encodeCursor(state: CursorState): string {
  return Buffer.from(JSON.stringify(state), 'utf8').toString('base64url');
}

export function decodeCursor(text: string, entity: EntityName): CursorState {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    throw new BadScopeError('cursor is not one this service issued');
  }
  if (!Value.Check(CursorSchema, parsed)) throw new BadScopeError('cursor is not one this service issued');
  const state = parsed as CursorState;
  if (state.e !== entity) throw new BadScopeError(`cursor belongs to /${state.e}, not /${entity}`);
  validate(entity, state.q);
  return state;
}
