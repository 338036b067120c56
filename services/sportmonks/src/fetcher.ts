// One page of normalized records for a scope: plan the calls, take the next one the cursor
// points at, validate and map what comes back, and say where the walk continues.
import { STRUCTURE_ENTITIES, chunks, type EntityRecords, type FetchPage, type FetchQuery, type RejectedRecord, type RelatedRecords } from '@insightxi/contracts';
import { TAIL_IDS, decodeCursor, encodeCursor, type WalkCursor, type WalkPosition } from './cursor.ts';
import { NORMALIZERS, type NormalizeContext } from './mapping/normalize.ts';
import { readStructure, type SeasonStructure } from './mapping/structure.ts';
import { INCLUDES, MULTI_IDS, idsPerJob, planJobs, type Job } from './plan.ts';
import { BadScopeError, scopeOf, type EntityName, type Scope } from './scope.ts';
import type { Envelope, Pagination } from './upstream/envelope.ts';
import type { SportMonksClient } from './upstream/client.ts';
import { FetchError } from './upstream/errors.ts';

/** SportMonks refuses offset paging once (page − 1) × per_page reaches this many rows. */
export const OFFSET_CAP_ROWS = 20_000;
/** Empty jobs (a window without fixtures) are skipped within one request, up to this many calls. */
const MAX_CALLS_PER_PAGE = 8;

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

/**
 * Where the walk continues. An id scope forgets the chunks already fetched, so its cursor
 * shrinks as the walk goes instead of carrying every id to the end.
 */
function compact(entity: EntityName, scope: Scope, position: WalkPosition): { scope: Scope } & WalkPosition {
  if (scope.ids === undefined || position.job === 0) return { scope, ...position };
  return { scope: { ...scope, ids: scope.ids.slice(position.job * idsPerJob(entity)) }, ...position, job: 0 };
}

export class Fetcher {
  private readonly client: SportMonksClient;

  constructor(client: SportMonksClient) {
    this.client = client;
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
    let position: WalkPosition | null = { job: walk.job, upstreamCursor: walk.upstreamCursor, page: walk.page };
    let tail = walk.previousIds;

    while (position !== null) {
      const job: Job = jobs[position.job] as Job;
      const params = { ...job.params, ...(position.upstreamCursor !== undefined ? { cursor: position.upstreamCursor } : position.page !== undefined ? { page: String(position.page) } : {}) };
      const call = async (path: string, callParams: Record<string, string>) => {
        const answer = await this.client.get({ path, params: callParams, lane: priority ?? 'sweep' });
        upstream.calls += answer.calls;
        upstream.waitedMs += answer.waitedMs;
        const rate = answer.envelope.rateLimit;
        upstream.rateLimitRemaining = rate?.remaining ?? null;
        upstream.resetsInSeconds = rate?.resetsInSeconds ?? null;
        return answer.envelope;
      };
      const envelope = await call(job.path, params);
      let pageIds: number[];
      if (job.shape === 'records') {
        pageIds = this.collect(entity, envelope.records, new Set(tail), job.context, data, rejected);
      } else {
        const structure = readStructure(envelope.records, rejected);
        addRelated(related, structure, entity);
        if (job.shape === 'schedule') {
          pageIds = this.collect(entity, await this.completeSchedule(structure.fixtures, call), new Set(tail), job.context, data, rejected);
        } else {
          const own = structure.related[entity as keyof RelatedRecords] as EntityRecords[E][];
          data.push(...own);
          pageIds = own.map((r) => r.id);
        }
      }
      if (pageIds.length > 0) tail = pageIds.slice(-TAIL_IDS);
      position = nextPosition(position, envelope.pagination, jobs.length, job.path);
      if (data.length + rejected.length > 0 || upstream.calls >= MAX_CALLS_PER_PAGE) break;
    }

    const next = position === null ? null : encodeCursor({ ...compact(entity, walk.scope, position), entity, previousIds: tail });
    return { data, rejected, next, upstream, ...(Object.keys(related).length > 0 ? { related } : {}) };
  }

  /**
   * Schedules are documented to carry participants and scores on their fixtures, but scores
   * are not certain: fixtures served without them are fetched again through multi (50 a call)
   * rather than stored without a score.
   */
  private async completeSchedule(fixtures: unknown[], call: (path: string, params: Record<string, string>) => Promise<Envelope>): Promise<unknown[]> {
    const incomplete = fixtures
      .filter((f): f is { id: number } => typeof f === 'object' && f !== null && (!('scores' in f) || !('participants' in f)))
      .map((f) => rawIdOf(f))
      .filter((id): id is number => id !== null);
    if (incomplete.length === 0) return fixtures;
    const complete = new Map<number, unknown>();
    for (const ids of chunks(incomplete, MULTI_IDS)) {
      const envelope = await call(`/football/fixtures/multi/${ids.join(',')}`, { include: INCLUDES.fixtures ?? '' });
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
      if (outcome.ok) data.push(outcome.record);
      else rejected.push({ entity, sourceId: id, reason: outcome.reason, payload: raw });
    }
    return ids;
  }
}
