// In-process stand-ins for the fetcher and the writer with the semantics the engine relies
// on: cursor paging, page keys applied once, the checkpoint committed with the page.
import {
  RELATED_ENTITIES,
  STRUCTURE_ENTITIES,
  type BulkRequest,
  type BulkResult,
  type FetchPage,
  type FetchQuery,
  type Fixture,
  type FixtureListQuery,
  type FixtureState,
  type LeagueFreshness,
  type RejectedRecord,
  type RunCounters,
  type SeasonSync,
  type SyncRun,
  type SyncRunCreate,
  type SyncRunPatch,
} from '@insightxi/contracts';
import { loadConfig } from '@insightxi/service-kit';
import { RunSettings } from '../src/config.ts';
import { addCounters } from '../src/engine/counters.ts';
import { DependencyError, RunConflictError } from '../src/engine/errors.ts';
import type { CallContext, EntityName, Fetcher, Log, RunListFilter, Writer } from '../src/engine/ports.ts';

export type Rec = {
  id: number;
  seasonId?: number;
  leagueId?: number;
  isCurrent?: boolean;
  v?: number;
  stateId?: number;
  startingAt?: string;
  isLive?: boolean;
  isFinalState?: boolean;
  isNotStarted?: boolean;
  homeTeamId?: number;
  awayTeamId?: number;
  deleted?: boolean;
};

/** The run settings with their defaults (config.ts), changed where a test says so. */
export const runSettings = (overrides: Partial<RunSettings> = {}): RunSettings => ({ ...loadConfig(RunSettings, {}), ...overrides });

export const silentLog: Log = { info: () => undefined, warn: () => undefined, error: () => undefined };

export function collectingLog(): Log & { lines: { level: string; msg: string; obj: Record<string, unknown> }[] } {
  const lines: { level: string; msg: string; obj: Record<string, unknown> }[] = [];
  const push = (level: string) => (obj: object, msg: string) => lines.push({ level, msg, obj: obj as Record<string, unknown> });
  return { lines, info: push('info'), warn: push('warn'), error: push('error') };
}

const transient = (service: string, message: string) => new DependencyError(service, message, { status: 503, transient: true });

export class FakeFetcher implements Fetcher {
  calls: { entity: EntityName; query: FetchQuery }[] = [];
  inFlight = 0;
  /** Throws a transient error (made by `failure`) for the next N calls. */
  failNext = 0;
  failure: () => Error = () => transient('sportmonks', 'connect ECONNREFUSED');
  /** Called before each page is served (tests block or count here). */
  beforePage: (entity: EntityName, query: FetchQuery) => Promise<void> = () => Promise.resolve();

  constructor(
    readonly data: Partial<Record<EntityName, Rec[]>>,
    readonly pageSize = 3,
    readonly rejectIds: Set<number> = new Set(),
  ) {}

  async fetchPage(entity: EntityName, query: FetchQuery, ctx: CallContext): Promise<FetchPage<unknown>> {
    this.calls.push({ entity, query });
    this.inFlight++;
    try {
      await this.beforePage(entity, query);
      if (ctx.signal?.aborted) throw new DependencyError('sportmonks', 'aborted', { transient: false });
      if (this.failNext > 0) {
        this.failNext--;
        throw this.failure();
      }
      let rows = this.data[entity] ?? [];
      if (query.updated !== undefined || query.deleted === true) rows = [];
      if (query.from !== undefined && query.to !== undefined) {
        const { from, to } = query;
        rows = rows.filter((r) => r.startingAt !== undefined && r.startingAt.slice(0, 10) >= from && r.startingAt.slice(0, 10) <= to);
      }
      if (query.seasons !== undefined) {
        const seasons = new Set(query.seasons.split(',').map(Number));
        rows = rows.filter((r) => (entity === 'seasons' ? seasons.has(r.id) : r.seasonId !== undefined && seasons.has(r.seasonId)));
      }
      if (query.ids !== undefined) {
        const ids = new Set(query.ids.split(',').map(Number));
        rows = rows.filter((r) => ids.has(r.id));
      }
      if (query.leagues !== undefined) {
        const leagues = new Set(query.leagues.split(',').map(Number));
        rows = rows.filter((r) => (entity === 'leagues' ? leagues.has(r.id) : r.leagueId === undefined || leagues.has(r.leagueId)));
      }
      const offset = query.cursor === undefined ? 0 : Number(query.cursor);
      const slice = rows.slice(offset, offset + this.pageSize);
      const next = offset + this.pageSize < rows.length ? String(offset + this.pageSize) : null;
      const related = entity === 'fixtures' && query.detail === true && offset === 0 ? this.officials(query) : [];
      return {
        data: slice.filter((r) => !this.rejectIds.has(r.id)),
        rejected: slice.filter((r) => this.rejectIds.has(r.id)).map((r) => ({ entity, sourceId: r.id, reason: 'bad record', payload: r })),
        next,
        upstream: { calls: 1, rateLimitRemaining: 1000, resetsInSeconds: 3600, waitedMs: 0 },
        ...(related.length > 0 ? { related: { referees: related as never[] } } : {}),
      };
    } finally {
      this.inFlight--;
    }
  }

  /** As fixture calls with detail describe them (referees.referee): the referees of the seasons asked for, on a step's first page. */
  private officials(query: FetchQuery): Rec[] {
    const seasons = new Set((query.seasons ?? '').split(',').filter((id) => id !== '').map(Number));
    return (this.data.referees ?? []).filter((r) => r.seasonId !== undefined && seasons.has(r.seasonId));
  }
}

const zero = (): RunCounters => ({ pages: 0, fetched: 0, created: 0, updated: 0, unchanged: 0, quarantined: 0, upstreamCalls: 0, rateLimitWaitMs: 0 });

export class FakeWriter implements Writer {
  runs = new Map<number, SyncRun>();
  tables = new Map<EntityName, Map<number, string>>();
  quarantined: { runId: number; sourceId: number | null }[] = [];
  appliedPages = new Set<string>();
  bulkCalls = 0;
  /** The entity of each bulk call, in the order they came. */
  bulkEntities: EntityName[] = [];
  /** Throws a transient error for the next N bulk calls, after committing when `commitThenFail`. */
  failNextBulk = 0;
  commitThenFail = false;
  /** What the seasons table says of each season (finished, end date): seasons absent here are not stored. */
  seasons = new Map<number, { finished: boolean; endingAt: string | null }>();
  /** (entity/season) → the run that last read it completely, and when. */
  seasonNotes = new Map<string, { runId: number; completedAt: string }>();
  beforeBulk: (entity: EntityName, body: BulkRequest<unknown>) => Promise<void> = () => Promise.resolve();
  private nextId = 1;
  now = () => Date.now();

  createRun(body: SyncRunCreate): Promise<SyncRun> {
    const active = [...this.runs.values()].find((r) => r.status === 'running' && r.scopeKey === body.scopeKey);
    if (active) return Promise.reject(new RunConflictError(active.id));
    const at = new Date(this.now()).toISOString();
    const run: SyncRun = {
      id: this.nextId++,
      entity: body.entity,
      mode: body.mode,
      scope: body.scope,
      scopeKey: body.scopeKey,
      status: 'running',
      cursor: null,
      plan: body.plan ?? null,
      counters: zero(),
      error: null,
      errorRequestId: null,
      startedAt: at,
      heartbeatAt: at,
      finishedAt: null,
    };
    this.runs.set(run.id, run);
    return Promise.resolve(structuredClone(run));
  }

  patchRun(id: number, patch: SyncRunPatch): Promise<SyncRun> {
    const run = this.runs.get(id);
    if (!run) return Promise.reject(new DependencyError('database', 'not found', { status: 404, transient: false }));
    if (patch.ifHeartbeatAt !== undefined && patch.ifHeartbeatAt !== run.heartbeatAt) return Promise.reject(new RunConflictError(id));
    if (patch.status === 'running' && run.status !== 'running') {
      const active = [...this.runs.values()].find((r) => r.status === 'running' && r.scopeKey === run.scopeKey && r.id !== id);
      if (active) return Promise.reject(new RunConflictError(active.id));
    }
    const at = new Date(this.now()).toISOString();
    if (patch.status !== undefined) {
      run.status = patch.status;
      run.finishedAt = patch.status === 'running' ? null : at;
    }
    if (patch.cursor !== undefined) run.cursor = patch.cursor;
    if (patch.plan !== undefined) run.plan = patch.plan;
    if (patch.counters !== undefined) run.counters = patch.counters;
    if (patch.error !== undefined) run.error = patch.error;
    if (patch.errorRequestId !== undefined) run.errorRequestId = patch.errorRequestId;
    run.heartbeatAt = at;
    return Promise.resolve(structuredClone(run));
  }

  getRun(id: number): Promise<SyncRun | null> {
    const run = this.runs.get(id);
    return Promise.resolve(run ? structuredClone(run) : null);
  }

  listRuns(filter: RunListFilter): Promise<{ items: SyncRun[]; next: string | null }> {
    const items = [...this.runs.values()]
      .filter((r) => (filter.status === undefined || r.status === filter.status) && (filter.entity === undefined || r.entity === filter.entity))
      .sort((a, b) => b.id - a.id)
      .map((r) => structuredClone(r));
    return Promise.resolve({ items, next: null });
  }

  async bulk(entity: EntityName, body: BulkRequest<unknown>): Promise<BulkResult> {
    this.bulkCalls++;
    await this.beforeBulk(entity, body);
    await this.inTurn(body);
    this.bulkEntities.push(entity);
    if (this.failNextBulk > 0 && !this.commitThenFail) {
      this.failNextBulk--;
      throw transient('database', 'connect ECONNREFUSED');
    }
    const result = this.apply(entity, body);
    if (this.failNextBulk > 0) {
      this.failNextBulk--;
      throw transient('database', 'socket hang up');
    }
    return result;
  }

  seasonSyncs(): Promise<SeasonSync[]> {
    const items: SeasonSync[] = [];
    for (const [key, note] of this.seasonNotes) {
      const [entity, season] = key.split('/') as [SeasonSync['entity'], string];
      const row = this.seasons.get(Number(season));
      if (row) items.push({ seasonId: Number(season), entity, ...note, seasonFinished: row.finished, seasonEndingAt: row.endingAt });
    }
    return Promise.resolve(items);
  }

  /** As the writer does: a page that follows a cursor the run has not reached waits for it (then 503). */
  private async inTurn(body: BulkRequest<unknown>): Promise<void> {
    const sync = body.sync;
    if (sync?.after === undefined) return;
    for (let waited = 0; this.runs.get(sync.runId)?.cursor !== sync.after; waited++) {
      if (this.appliedPages.has(`${sync.runId}/${sync.pageKey}`)) return;
      if (waited > 2000) throw transient('database', 'the previous page has not landed');
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
  }

  /** As the writer keeps them: the people the stored fixtures' detail names that are not stored themselves. */
  stubIds(entity: 'players' | 'referees', limit: number): Promise<number[]> {
    const stored = this.tables.get(entity) ?? new Map<number, string>();
    const named = new Set<number>();
    for (const json of this.tables.get('fixtures')?.values() ?? []) {
      const detail = (JSON.parse(json) as { detail?: Record<string, Record<string, unknown>[]> }).detail ?? {};
      const keys = entity === 'players' ? ['playerId', 'relatedPlayerId'] : ['refereeId'];
      for (const row of Object.values(detail).flat()) for (const key of keys) if (typeof row[key] === 'number') named.add(row[key]);
    }
    return Promise.resolve([...named].filter((id) => !stored.has(id)).sort((a, b) => a - b).slice(0, limit));
  }

  /** The states landed so far, as the writer's GET /states answers them. */
  listStates(): Promise<FixtureState[]> {
    const rows = [...(this.tables.get('states')?.values() ?? [])].map((json) => JSON.parse(json) as Rec);
    return Promise.resolve(rows.map((r) => ({ isLive: false, isFinalState: false, isNotStarted: false, ...r }) as unknown as FixtureState));
  }

  /** Set by a test: what GET /freshness answers. */
  leagueFreshness: LeagueFreshness[] = [];

  freshness(leagues: number[] | null): Promise<LeagueFreshness[]> {
    return Promise.resolve(this.leagueFreshness.filter((l) => leagues === null || leagues.includes(l.leagueId)));
  }

  quarantine(records: RejectedRecord[]): Promise<void> {
    for (const r of records) this.quarantined.push({ runId: 0, sourceId: r.sourceId });
    return Promise.resolve();
  }

  seasonTeams(season: number): Promise<number[]> {
    const rows = [...(this.tables.get('fixtures')?.values() ?? [])].map((json) => JSON.parse(json) as Rec);
    const teams = new Set<number>();
    for (const r of rows) {
      if (r.seasonId !== season || r.deleted === true) continue;
      for (const team of [r.homeTeamId, r.awayTeamId]) if (typeof team === 'number') teams.add(team);
    }
    return Promise.resolve([...teams].sort((a, b) => a - b));
  }

  listFixtures(query: FixtureListQuery): Promise<{ items: Fixture[]; next: string | null }> {
    const rows = [...(this.tables.get('fixtures')?.values() ?? [])].map((json) => JSON.parse(json) as Rec);
    // As the writer reads them: from inclusive; to exclusive, a date meaning the end of that day.
    const to = query.to === undefined ? undefined : query.to.length === 10 ? `${query.to}T24` : query.to;
    const from = query.from;
    const items = rows
      .filter((r) => (query.state === undefined || r.stateId === query.state) && (to === undefined || (r.startingAt ?? '') < to) && (from === undefined || (r.startingAt ?? '') >= from))
      .map((r) => ({ id: r.id, leagueId: r.leagueId, stateId: r.stateId }) as unknown as Fixture);
    return Promise.resolve({ items, next: null });
  }

  private apply(entity: EntityName, body: BulkRequest<unknown>): BulkResult {
    const sync = body.sync;
    if (sync) {
      const key = `${sync.runId}/${sync.pageKey}`;
      if (this.appliedPages.has(key)) return { created: 0, updated: 0, unchanged: 0, failed: [], duplicatePage: true };
      this.appliedPages.add(key);
    }
    let created = 0;
    let updated = 0;
    let unchanged = 0;
    const store = (into: EntityName, records: readonly Rec[], counted: boolean) => {
      const table = this.tables.get(into) ?? new Map<number, string>();
      this.tables.set(into, table);
      for (const record of records) {
        const json = JSON.stringify(record);
        const before = table.get(record.id);
        table.set(record.id, json);
        if (!counted) continue;
        if (before === undefined) created++;
        else if (before === json) unchanged++;
        else updated++;
      }
    };
    // What rides with the page lands first: the structure counted with it, the people (the writer's nested records) not.
    for (const related of RELATED_ENTITIES) store(related, (body.related?.[related] ?? []) as Rec[], (STRUCTURE_ENTITIES as readonly string[]).includes(related));
    store(entity, body.records as Rec[], true);
    if (sync) {
      for (const r of sync.rejected ?? []) this.quarantined.push({ runId: sync.runId, sourceId: r.sourceId });
      const run = this.runs.get(sync.runId);
      if (run) {
        run.counters = addCounters(run.counters, { ...sync.checkpoint.add, created: sync.checkpoint.add.created + created, updated: sync.checkpoint.add.updated + updated, unchanged: sync.checkpoint.add.unchanged + unchanged });
        run.cursor = sync.checkpoint.cursor;
      }
      for (const season of sync.seasonsCompleted ?? []) {
        this.seasonNotes.set(`${entity}/${season}`, { runId: sync.runId, completedAt: new Date(this.now()).toISOString() });
      }
    }
    return { created, updated, unchanged, failed: [], duplicatePage: false };
  }
}

/** A small league world: 2 leagues, 2 seasons each (one current), teams, venues, fixtures, standings. */
export function world(fixturesPerSeason = 10): Partial<Record<EntityName, Rec[]>> {
  // Not started, live (two), finished, postponed: what the engine reads of them is their flags.
  const states = [
    { id: 1, isNotStarted: true },
    { id: 2, isLive: true },
    { id: 3, isLive: true },
    { id: 5, isFinalState: true },
    { id: 10, isNotStarted: true },
  ];
  const leagues = [{ id: 8 }, { id: 9 }];
  const seasons = [
    { id: 100, leagueId: 8, isCurrent: false },
    { id: 101, leagueId: 8, isCurrent: true },
    { id: 200, leagueId: 9, isCurrent: false },
    { id: 201, leagueId: 9, isCurrent: true },
  ];
  const perSeason = (base: number, count: number) => seasons.flatMap((s) => Array.from({ length: count }, (_, i) => ({ id: s.id * base + i, seasonId: s.id, leagueId: s.leagueId })));
  // Each fixture between two of its season's four teams; one squad list and one top-scorer list a season.
  const fixtures = perSeason(1000, fixturesPerSeason).map((f, i) => ({ ...f, homeTeamId: f.seasonId * 100 + (i % 4), awayTeamId: f.seasonId * 100 + ((i + 1) % 4) }));
  const lists = seasons.map((s) => ({ id: s.id, seasonId: s.id, leagueId: s.leagueId }));
  return {
    states,
    leagues,
    seasons,
    venues: perSeason(10, 2),
    teams: perSeason(100, 4),
    referees: perSeason(100_000, 1),
    fixtures,
    squads: lists,
    standings: perSeason(10_000, 4),
    topscorers: lists,
  };
}
