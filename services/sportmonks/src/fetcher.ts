// One page of normalized records for a scope: plan the calls, take the next one the cursor
// points at, validate and map what comes back, and say where the walk continues.
import { STRUCTURE_ENTITIES, chunks, type DetailInclude, type EntityRecords, type FetchPage, type FetchQuery, type RejectedRecord, type RelatedRecords, type StructureEntity } from '@insightxi/contracts';
import { DetailIncludes, INSUFFICIENT_INCLUDES, QUERY_TOO_COMPLEX } from './detail-includes.ts';
import { TAIL_IDS, decodeCursor, encodeCursor, type WalkCursor, type WalkPosition } from './cursor.ts';
import { NORMALIZERS, type NormalizeContext } from './mapping/normalize.ts';
import { readNestedPeople } from './mapping/nested-people.ts';
import { readStructure, type SeasonStructure } from './mapping/structure.ts';
import { INCLUDES, MULTI_IDS, idsPerJob, planJobs, type Job } from './plan.ts';
import { BadScopeError, scopeOf, type EntityName, type Scope } from './scope.ts';
import type { Envelope, Pagination } from './upstream/envelope.ts';
import type { SportMonksClient } from './upstream/client.ts';
import { FetchError, UpstreamRefusedError } from './upstream/errors.ts';

/** SportMonks refuses offset paging once (page − 1) × per_page reaches this many rows. */
export const OFFSET_CAP_ROWS = 20_000;
/** Empty jobs (a window without fixtures) are skipped within one request, up to this many calls. */
const MAX_CALLS_PER_PAGE = 8;
/** A list read whole (a season's top scorers: tens of rows per ranking) may span at most this many pages. */
export const MAX_LIST_PAGES = 20;

/** The record's id for dedupe and for `rejected[].sourceId`, also when it came as a string. */
function rawIdOf(raw: unknown): number | null {
  if (typeof raw !== 'object' || raw === null || !('id' in raw)) return null;
  const id = typeof raw.id === 'string' && /^\d+$/.test(raw.id) ? Number(raw.id) : raw.id;
  return typeof id === 'number' && Number.isSafeInteger(id) && id > 0 ? id : null;
}

export function nextPosition(position: WalkPosition, pagination: Pagination | null, jobCount: number, path: string): WalkPosition | null {
  if (pagination?.hasMore === true) {
    if (pagination.nextCursor !== null) return { job: position.job, upstreamCursor: pagination.nextCursor };
    const page = pagination.nextPage ?? (position.page ?? pagination.currentPage ?? 1) + 1;
    const perPage = pagination.perPage ?? 50;
    if ((page - 1) * perPage >= OFFSET_CAP_ROWS) {
      throw new FetchError(
        502,
        `SportMonks gave no cursor for ${path} and page ${page} would pass its ${OFFSET_CAP_ROWS}-row offset cap; narrow the scope (shorter from/to)`,
      );
    }
    return { job: position.job, page };
  }
  return position.job + 1 < jobCount ? { job: position.job + 1 } : null;
}

/** Adds the structure a call carried to the page's related records, but the page's own entity's. */
function addRelated(related: RelatedRecords, structure: SeasonStructure, entity: EntityName): void {
  for (const part of STRUCTURE_ENTITIES) {
    if (part === entity || structure.related[part].length === 0) continue;
    (related[part] ??= []).push(...(structure.related[part] as never[]));
  }
}

/** Adds the people a detail call's fixtures describe (lineup players, referees) to the page's related records. */
function addPeople(related: RelatedRecords, fixtures: readonly unknown[]): void {
  const people = readNestedPeople(fixtures);
  for (const part of ['players', 'referees'] as const) {
    const known = new Set((related[part] ?? []).map((person) => person.id));
    const fresh = people[part].filter((person) => !known.has(person.id));
    if (fresh.length > 0) (related[part] ??= []).push(...(fresh as never[]));
  }
}

/**
 * Where the walk continues. An id scope forgets the chunks already fetched, so its cursor
 * shrinks as the walk goes instead of carrying every id to the end.
 */
function compact(entity: EntityName, scope: Scope, position: WalkPosition): { scope: Scope } & WalkPosition {
  if (scope.ids === undefined || position.job === 0) return { scope, ...position };
  return { scope: { ...scope, ids: scope.ids.slice(position.job * idsPerJob(entity)) }, ...position, job: 0 };
}

type Call = (path: string, params: Record<string, string>, detail: boolean) => Promise<Envelope>;

/** `include` with the detail includes appended. */
function withIncludes(params: Record<string, string>, extra: readonly string[]): Record<string, string> {
  if (extra.length === 0) return params;
  return { ...params, include: [params.include, ...extra].filter((part) => part !== undefined && part !== '').join(';') };
}

export class Fetcher {
  private readonly client: SportMonksClient;
  readonly detailIncludes: DetailIncludes;

  constructor(client: SportMonksClient, detailIncludes: DetailIncludes = new DetailIncludes([])) {
    this.client = client;
    this.detailIncludes = detailIncludes;
  }

  async page<E extends EntityName>(entity: E, query: FetchQuery): Promise<FetchPage<EntityRecords[E]>> {
    const { cursor, priority, ...scopeQuery } = query;
    const walk: WalkCursor = cursor !== undefined ? decodeCursor(cursor, entity) : { entity, scope: scopeOf(entity, scopeQuery), job: 0, previousIds: [] };
    const jobs = planJobs(entity, walk.scope);
    if (walk.job >= jobs.length) throw new BadScopeError('cursor points past the end of its walk');

    const data: EntityRecords[E][] = [];
    const rejected: RejectedRecord[] = [];
    const related: RelatedRecords = {};
    const upstream = { calls: 0, waitedMs: 0, rateLimitRemaining: null as number | null, resetsInSeconds: null as number | null };
    let position: WalkPosition | null = { job: walk.job, upstreamCursor: walk.upstreamCursor, page: walk.page, pending: walk.pending };
    let tail = walk.previousIds;
    // The detail includes every detail call of this page carried: a kind one call lacked stays absent.
    const detailUsed: { includes: DetailInclude[] | null } = { includes: null };

    while (position !== null) {
      const job: Job = jobs[position.job] as Job;
      const params = { ...job.params, ...(position.upstreamCursor !== undefined ? { cursor: position.upstreamCursor } : position.page !== undefined ? { page: String(position.page) } : {}) };
      const call: Call = async (path, callParams, detail) => {
        for (;;) {
          const asked = detail ? this.detailIncludes.active(priority ?? 'sweep') : [];
          try {
            const answer = await this.client.get({ path, params: withIncludes(callParams, asked), lane: priority ?? 'sweep' });
            upstream.calls += answer.calls;
            upstream.waitedMs += answer.waitedMs;
            const rate = answer.envelope.rateLimit;
            upstream.rateLimitRemaining = rate?.remaining ?? null;
            upstream.resetsInSeconds = rate?.resetsInSeconds ?? null;
            if (detail) detailUsed.includes = detailUsed.includes === null ? asked : detailUsed.includes.filter((include) => asked.includes(include));
            return answer.envelope;
          } catch (error) {
            // The plan lacks a detail include, or the includes add up past SportMonks' complexity
            // threshold: it refuses the whole call. Ask again without the include it named, or
            // without the nested ones it can do without.
            if (asked.length === 0 || this.dropRefused(error, asked).length === 0) throw error;
            upstream.calls += 1;
          }
        }
      };
      const detailContext = (): NormalizeContext => ({ ...job.context, detail: DetailIncludes.kinds(detailUsed.includes ?? []) });
      if (job.shape === 'schedule' && job.detail === true) {
        // A season with detail: the schedule once (its structure, the fixture ids), then its
        // fixtures through multi with the detail includes, one page of 50 each, the ids still to
        // fetch carried in the cursor: a page stays small, whatever the season.
        let ids: number[] | undefined = position.pending;
        if (ids === undefined) {
          const envelope = await call(job.path, params, false);
          const structure = readStructure(envelope.records, rejected);
          addRelated(related, structure, entity);
          ids = this.scheduleIds(structure.fixtures, rejected);
        }
        const now = ids.slice(0, MULTI_IDS);
        if (now.length > 0) {
          const envelope = await call(`/football/fixtures/multi/${now.join(',')}`, { include: INCLUDES.fixtures ?? '' }, true);
          const pageIds = this.collect(entity, envelope.records, new Set(tail), detailContext(), data, rejected);
          addPeople(related, envelope.records);
          if (pageIds.length > 0) tail = pageIds.slice(-TAIL_IDS);
        }
        const rest: number[] = ids.slice(MULTI_IDS);
        position = rest.length > 0 ? { job: position.job, pending: rest } : position.job + 1 < jobs.length ? { job: position.job + 1 } : null;
        if (data.length + rejected.length > 0 || upstream.calls >= MAX_CALLS_PER_PAGE) break;
        continue;
      }
      const envelope = await call(job.path, params, job.detail === true);
      let pageIds: number[];
      if (job.shape === 'records') {
        pageIds = this.collect(entity, envelope.records, new Set(tail), job.detail === true ? detailContext() : job.context, data, rejected);
        if (job.detail === true) addPeople(related, envelope.records);
      } else if (job.shape === 'schedule' || job.shape === 'stages') {
        const structure = readStructure(envelope.records, rejected);
        addRelated(related, structure, entity);
        if (job.shape === 'schedule') {
          pageIds = this.collect(entity, await this.completeSchedule(structure.fixtures, call), new Set(tail), job.context, data, rejected);
        } else {
          const own = structure.related[entity as StructureEntity] as EntityRecords[E][];
          data.push(...own);
          pageIds = own.map((r) => r.id);
        }
      } else {
        pageIds = this.collect(entity, await this.recordsOf(job, envelope, params, call), new Set(tail), job.context, data, rejected);
      }
      if (pageIds.length > 0) tail = pageIds.slice(-TAIL_IDS);
      // A list job has read all its pages already.
      position = nextPosition(position, job.shape === 'list' ? null : envelope.pagination, jobs.length, job.path);
      if (data.length + rejected.length > 0 || upstream.calls >= MAX_CALLS_PER_PAGE) break;
    }

    const next = position === null ? null : encodeCursor({ ...compact(entity, walk.scope, position), entity, previousIds: tail });
    const unavailable = walk.scope.detail === true ? this.detailIncludes.unavailable().map((u) => u.include) : [];
    return {
      data,
      rejected,
      next,
      upstream,
      ...(Object.keys(related).length > 0 ? { related } : {}),
      ...(unavailable.length > 0 ? { unavailableIncludes: unavailable } : {}),
    };
  }

  /** The detail includes a refused call makes us leave out from now on (empty: the refusal is not about them). */
  private dropRefused(error: unknown, asked: readonly DetailInclude[]): DetailInclude[] {
    if (!(error instanceof UpstreamRefusedError)) return [];
    if (error.upstreamStatus === 403 && error.upstreamCode === INSUFFICIENT_INCLUDES) return this.detailIncludes.refuse(error.upstreamMessage, asked);
    if (error.upstreamCode === QUERY_TOO_COMPLEX) return this.detailIncludes.shed(error.upstreamMessage, asked);
    return [];
  }

  /** A schedule's fixture ids, in order; a fixture without one is rejected, not lost. */
  private scheduleIds(fixtures: unknown[], rejected: RejectedRecord[]): number[] {
    const ids: number[] = [];
    for (const fixture of fixtures) {
      const id = rawIdOf(fixture);
      if (id === null) rejected.push({ entity: 'fixtures', sourceId: null, reason: 'schedule fixture without an id', payload: fixture });
      else if (!ids.includes(id)) ids.push(id);
    }
    return ids;
  }

  /** The raw records of a job's answer, for the shapes that carry no season structure. */
  private async recordsOf(job: Job, envelope: Envelope, params: Record<string, string>, call: Call): Promise<unknown[]> {
    switch (job.shape) {
      case 'players':
        return envelope.records.map((row) => (typeof row === 'object' && row !== null && 'player' in row ? row.player : row));
      case 'list':
        return [await this.wholeList(job, envelope, params, call)];
      default:
        return envelope.records;
    }
  }

  /**
   * Every page of every part of a list job, from its first answer on: `{ id: season, rows }`, and
   * for squads `{ id: season, squads: [{ team_id, rows }] }`, each team's rows apart: a team whose
   * squad has a bad row is left out on its own (normalizeSquadList).
   */
  private async wholeList(job: Job, first: Envelope, params: Record<string, string>, call: Call): Promise<unknown> {
    const { cursor: _cursor, page: _page, ...base } = params;
    const squads: { team_id: number | undefined; rows: unknown[] }[] = [];
    const parts = job.parts ?? [{ path: job.path, teamId: undefined }];
    for (const [index, part] of parts.entries()) {
      let envelope = index === 0 ? first : await call(part.path, base, false);
      // SportMonks may start a page with the previous page's last record: read whole, a list keeps one of each.
      const seen = new Set<string>();
      const fresh = (records: unknown[]) =>
        records.filter((record) => {
          const key = JSON.stringify(record);
          if (seen.has(key)) return false;
          seen.add(key);
          return true;
        });
      const rows = fresh(envelope.records);
      let position: WalkPosition = { job: 0 };
      for (let pages = 1; envelope.pagination?.hasMore === true; pages++) {
        if (pages >= MAX_LIST_PAGES) throw new FetchError(502, `${part.path} has more than ${MAX_LIST_PAGES} pages; it is read whole, so it must be shorter`);
        position = nextPosition(position, envelope.pagination, 1, part.path) ?? position;
        envelope = await call(part.path, { ...base, ...(position.upstreamCursor !== undefined ? { cursor: position.upstreamCursor } : { page: String(position.page ?? pages + 1) }) }, false);
        rows.push(...fresh(envelope.records));
      }
      squads.push({ team_id: part.teamId, rows });
    }
    const id = job.context.seasonId;
    return job.parts ? { id, squads } : { id, rows: squads.flatMap((squad) => squad.rows) };
  }

  /**
   * Schedules are documented to carry participants and scores on their fixtures, but scores
   * are not certain: fixtures served without them are fetched again through multi (50 a call)
   * rather than stored without a score.
   */
  private async completeSchedule(fixtures: unknown[], call: Call): Promise<unknown[]> {
    const incomplete = fixtures
      .filter((f): f is { id: number } => typeof f === 'object' && f !== null && (!('scores' in f) || !('participants' in f)))
      .map((f) => rawIdOf(f))
      .filter((id): id is number => id !== null);
    if (incomplete.length === 0) return fixtures;
    const complete = new Map<number, unknown>();
    for (const ids of chunks(incomplete, MULTI_IDS)) {
      const envelope = await call(`/football/fixtures/multi/${ids.join(',')}`, { include: INCLUDES.fixtures ?? '' }, false);
      for (const record of envelope.records) {
        const id = rawIdOf(record);
        if (id !== null) complete.set(id, record);
      }
    }
    return fixtures.map((f) => complete.get(rawIdOf(f) ?? 0) ?? f);
  }

  /** Validates and maps `raws` into data/rejected, skipping ids already seen; returns this page's ids. */
  private collect<E extends EntityName>(
    entity: E,
    raws: unknown[],
    previousPage: Set<number>,
    context: NormalizeContext,
    data: EntityRecords[E][],
    rejected: RejectedRecord[],
  ): number[] {
    const normalize = NORMALIZERS[entity];
    const seen = new Set<number>();
    const ids: number[] = [];
    for (const raw of raws) {
      const id = rawIdOf(raw);
      if (id !== null) {
        ids.push(id);
        if (seen.has(id) || previousPage.has(id)) continue;
        seen.add(id);
      }
      const outcome = normalize(raw, context);
      if (!outcome.ok) {
        rejected.push({ entity, sourceId: id, reason: outcome.reason, payload: raw });
        continue;
      }
      data.push(outcome.record);
      // What the record lands without (a team's squad with a bad row) is rejected under the record's id.
      for (const part of outcome.left ?? []) rejected.push({ entity, sourceId: id, reason: part.reason, payload: part.payload });
    }
    return ids;
  }
}
