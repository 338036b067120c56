// What the engine needs from the fetcher and the writer. The HTTP adapters in src/clients
// implement these; unit tests use in-process fakes.
import type {
  BulkRequest,
  BulkResult,
  EntityName,
  FetchPage,
  FixtureState,
  FetchQuery,
  Fixture,
  FixtureListQuery,
  LeagueFreshness,
  RejectedRecord,
  SeasonSync,
  RunCounters,
  RunStatus,
  SyncRun,
  SyncRunCreate,
  SyncRunPatch,
} from '@insightxi/contracts';

export type { EntityName };
export type RunTarget = EntityName | 'all';

export interface CallContext {
  requestId?: string;
  signal?: AbortSignal;
}

export interface Fetcher {
  fetchPage(entity: EntityName, query: FetchQuery, ctx: CallContext): Promise<FetchPage<unknown>>;
}

export interface RunListFilter {
  entity?: RunTarget;
  status?: RunStatus;
  limit?: number;
  cursor?: string;
}

export interface Writer {
  bulk(entity: EntityName, body: BulkRequest<unknown>, ctx: CallContext): Promise<BulkResult>;
  /** Throws RunConflictError when a run with the same scope key is running. */
  createRun(body: SyncRunCreate, ctx: CallContext): Promise<SyncRun>;
  /** Throws RunConflictError when setting `running` collides with another running run. */
  patchRun(id: number, patch: SyncRunPatch, ctx: CallContext): Promise<SyncRun>;
  getRun(id: number, ctx: CallContext): Promise<SyncRun | null>;
  listRuns(filter: RunListFilter, ctx: CallContext): Promise<{ items: SyncRun[]; next: string | null }>;
  /** Records kept out of the tables, outside a run's page (the live poller's rejects). */
  quarantine(records: RejectedRecord[], ctx: CallContext): Promise<void>;
  /** When each entity of each season was last read completely (to leave frozen seasons out of a plan). */
  seasonSyncs(ctx: CallContext): Promise<SeasonSync[]>;
  /** The teams of a season's stored fixtures (tombstones left out): whose squads the season has. */
  seasonTeams(season: number, ctx: CallContext): Promise<number[]>;
  /** Fixtures as stored, for re-checks of the ones not yet settled. */
  listFixtures(query: FixtureListQuery, ctx: CallContext): Promise<{ items: Fixture[]; next: string | null }>;
  /** Ids of the stub players or referees (named by match detail, not described yet), lowest first, at most `limit`. */
  stubIds(entity: 'players' | 'referees', limit: number, ctx: CallContext): Promise<number[]>;
  /** The fixture states as stored, with SportMonks' flags (live, final, not started). */
  listStates(ctx: CallContext): Promise<FixtureState[]>;
  /** How fresh each league is (the data_freshness view); `leagues` null: every league. */
  freshness(leagues: number[] | null, ctx: CallContext): Promise<LeagueFreshness[]>;
}

export interface Log {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

/** Where the engine reports what it did (metrics, failure notifications); optional, a no-op by default. Must not throw. */
export interface RunObserver {
  /** `run` is the run as it ended: the recorded state, or the last known one with the outcome applied when recording failed. */
  runEnded(entity: RunTarget, status: 'succeeded' | 'failed' | 'cancelled', run: SyncRun): void;
  /** What a batch of pages of one entity added to the run's counters. */
  pagesLanded(entity: EntityName, delta: RunCounters): void;
}

