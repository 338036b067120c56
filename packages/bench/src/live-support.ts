// The live benchmarks' world: the simulator on a driven clock with its change log, the writer on
// a fresh database, the fetcher following the simulator's clock, and the orchestrator whose live
// poller the driver ticks; then, for every change the simulator made, when it was visible in MySQL.
import mariadb, { type Connection } from 'mariadb';
import type { RateLimitsResponse } from '@insightxi/contracts';
import type { App } from '@insightxi/service-kit';
import { buildApp as buildWriter, MIGRATIONS_DIR, readConfig as writerConfig } from '@insightxi/database';
import { connectionConfig, createTestDatabase, type TestDatabase } from '@insightxi/mysql';
import { buildApp as buildOrchestrator, readConfig as orchestratorConfig } from '@insightxi/orchestrator';
import { buildApp as buildFetcher, drivenClock, readConfig as fetcherConfig, type DrivenClock } from '@insightxi/sportmonks';
import { startSimulator, type FixtureChange, type Simulator } from '@insightxi/sportmonks-sim';

const INTERNAL_TOKEN = 'bench-internal-token-0123456789';
export const OPERATOR_TOKEN = 'bench-operator-token-0123456789';
// A loaded shared machine slows the event loop; measure the services, not their load shedding.
const UNDER_PRESSURE_OFF = { underPressure: { maxEventLoopDelay: 0 } };

export interface LiveStack {
  sim: Simulator;
  clock: DrivenClock;
  fetcher: App;
  orchestrator: App;
  db: TestDatabase;
  close(): Promise<void>;
}

async function listen(app: App): Promise<string> {
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (address === null || typeof address === 'string') throw new Error('expected a TCP address');
  return `http://127.0.0.1:${String(address.port)}`;
}

export async function startLiveStack(options: { start: string; scale: number; seasons: number; budgetPerHour: number; liveSweepMs: number }): Promise<LiveStack> {
  const db = await createTestDatabase({ prefix: 'bench_live', migrationsDir: MIGRATIONS_DIR });
  const sim = await startSimulator({
    port: 0,
    seed: 42,
    scale: options.scale,
    seasonsPerLeague: options.seasons,
    budgetPerHour: options.budgetPerHour,
    clock: { start: options.start, speed: 0 },
    changeLog: true,
    // A card or a substitution is a change of its fixture, reported by the latest-updated feed.
    eventsTouchFixtures: true,
  });
  const clock = drivenClock(() => sim.now());
  const writer = await buildWriter(writerConfig({ DATABASE_URL: db.url, INTERNAL_TOKEN, LOG_LEVEL: 'warn' }), UNDER_PRESSURE_OFF);
  const fetcher = await buildFetcher(
    fetcherConfig({ SPORTMONKS_API_TOKEN: 'demo', SPORTMONKS_BASE_URL: sim.url, INTERNAL_TOKEN, LOG_LEVEL: 'warn', RATE_LIMIT_ID_PREFIX: `bench-live-${String(process.pid)}` }),
    { clock, ...UNDER_PRESSURE_OFF },
  );
  const orchestrator = await buildOrchestrator(
    orchestratorConfig({
      OPERATOR_TOKEN,
      INTERNAL_TOKEN,
      DATABASE_SERVICE_URL: await listen(writer),
      SPORTMONKS_SERVICE_URL: await listen(fetcher),
      LOG_LEVEL: 'warn',
      LIVE_SWEEP_MS: String(options.liveSweepMs),
      // On the driven clock a sweep held for the live reserve waits for the driver, not for a 503:
      // as long in real time as the driver takes to reach the simulator's next minute or reset.
      DOWNSTREAM_TIMEOUT_MS: String(30 * 60_000),
    }),
    { now: () => sim.now(), ...UNDER_PRESSURE_OFF },
  );
  return {
    sim,
    clock,
    fetcher,
    orchestrator,
    db,
    async close() {
      await orchestrator.close();
      await fetcher.close();
      await writer.close();
      await sim.close();
      await db.drop();
    },
  };
}

/** Starts a sync through the orchestrator's API; with `wait` it returns when the run has ended. */
export async function sync(stack: LiveStack, path: string): Promise<{ runId: number; status: string }> {
  const response = await stack.orchestrator.inject({ method: 'POST', url: path, headers: { authorization: `Bearer ${OPERATOR_TOKEN}` } });
  if (response.statusCode >= 300) throw new Error(`POST ${path} answered ${String(response.statusCode)}: ${response.body}`);
  return response.json<{ runId: number; status: string }>();
}

/** Cancels the entity's running runs through the orchestrator's API (each stops after its page in hand). */
export async function cancelRuns(stack: LiveStack, entity: string): Promise<void> {
  const headers = { authorization: `Bearer ${OPERATOR_TOKEN}` };
  const list = await stack.orchestrator.inject({ url: `/sync/runs?entity=${entity}&status=running`, headers });
  for (const run of list.json<{ items: { runId: number }[] }>().items) {
    await stack.orchestrator.inject({ method: 'POST', url: `/sync/runs/${String(run.runId)}/cancel`, headers });
  }
}

/** What a fixture's row must show once a change is visible, and its rows in fixture_events. */
interface Expected {
  stateId: number;
  home: number | null;
  away: number | null;
  startingAtMs: number;
  deleted: boolean;
  /** Its match events as `id:minute`, in id order (null when the change names none). */
  events: string | null;
}

interface RawFixture {
  state_id: number;
  starting_at_timestamp: number;
  participants?: { id: number; meta?: { location?: string } }[];
  scores?: { description: string; participant_id: number; score: { goals: number; participant?: string } }[];
  events?: { id: number; minute: number | null }[];
}

const eventKeys = (events: { id: number | bigint; minute: number | null }[]): string =>
  events
    .map((e) => ({ id: BigInt(e.id), minute: e.minute }))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((e) => `${String(e.id)}:${String(e.minute)}`)
    .join(',');

const DELETED_STATE = 20;

function expected(change: FixtureChange): Expected {
  const raw = change.fixture as unknown as RawFixture;
  const current = (raw.scores ?? []).filter((s) => s.description === 'CURRENT');
  const goals = (side: string) => current.find((s) => s.score.participant === side)?.score.goals ?? null;
  const events = raw.events === undefined ? null : eventKeys(raw.events);
  return { stateId: raw.state_id, home: goals('home'), away: goals('away'), startingAtMs: raw.starting_at_timestamp * 1000, deleted: raw.state_id === DELETED_STATE, events };
}

interface Row {
  id: number;
  state_id: number;
  home_goals: number | null;
  away_goals: number | null;
  starting_ms: number;
  deleted: number;
  events: string;
}

const shows = (row: Row, want: Expected): boolean =>
  want.deleted
    ? row.deleted === 1
    : row.deleted === 0 &&
      row.state_id === want.stateId &&
      row.home_goals === want.home &&
      row.away_goals === want.away &&
      row.starting_ms === want.startingAtMs &&
      (want.events === null || row.events === want.events);

export interface Timed {
  change: FixtureChange;
  visibleAt: number | null;
  /** The change brought a match event (a goal, a card, a substitution) or took one away. */
  event: boolean;
}

/**
 * Follows the changes the simulator makes from `fromMs` on and notes, at each look, the ones whose
 * fixture row in MySQL shows them, its rows in fixture_events included (or a later change of the
 * same fixture already made).
 */
export class Visibility {
  readonly timed: Timed[] = [];
  private seen = 0;
  /** Each fixture's match events as of its last change in the log. */
  private readonly eventsOf = new Map<number, string>();
  private readonly connection: Promise<Connection>;

  constructor(
    private readonly stack: LiveStack,
    private readonly fromMs: number,
    private readonly counts: (change: FixtureChange) => boolean,
  ) {
    this.connection = mariadb.createConnection({ ...connectionConfig(stack.db.url), timezone: 'Z' });
  }

  /** The changes made since the last look join the ones waiting; those MySQL now shows are stamped `now`. */
  async look(now: number): Promise<void> {
    const log = this.stack.sim.changes();
    for (; this.seen < log.length; this.seen++) {
      const change = log[this.seen];
      if (change === undefined) continue;
      const events = expected(change).events ?? '';
      const event = events !== (this.eventsOf.get(change.fixtureId) ?? '');
      this.eventsOf.set(change.fixtureId, events);
      if (change.atMs > this.fromMs && this.counts(change)) this.timed.push({ change, visibleAt: null, event });
    }
    const waiting = this.timed.filter((t) => t.visibleAt === null);
    if (waiting.length === 0) return;
    const ids = [...new Set(waiting.map((t) => t.change.fixtureId))];
    const rows = await (await this.connection).query<(Omit<Row, 'starting_ms' | 'deleted'> & { starting_ms: number | string; deleted: number | bigint })[]>(
      `SELECT id, state_id, home_goals, away_goals, UNIX_TIMESTAMP(starting_at) * 1000 AS starting_ms, deleted_at IS NOT NULL AS deleted FROM fixtures WHERE id IN (${ids.map(() => '?').join(',')})`,
      ids,
    );
    const eventRows = await (await this.connection).query<{ fixture_id: number; id: number | bigint; minute: number | null }[]>(
      `SELECT fixture_id, id, minute FROM fixture_events WHERE fixture_id IN (${ids.map(() => '?').join(',')})`,
      ids,
    );
    const events = new Map<number, { id: number | bigint; minute: number | null }[]>();
    for (const e of eventRows) events.set(e.fixture_id, [...(events.get(e.fixture_id) ?? []), e]);
    const byId = new Map<number, Row>(rows.map((r) => [r.id, { ...r, starting_ms: Number(r.starting_ms), deleted: Number(r.deleted), events: eventKeys(events.get(r.id) ?? []) }]));
    const all = this.timed;
    for (let i = 0; i < all.length; i++) {
      const entry = all[i];
      if (entry === undefined || entry.visibleAt !== null) continue;
      const row = byId.get(entry.change.fixtureId);
      if (row === undefined) continue;
      // This change, or a later one of the same fixture the row already shows.
      const later = all.slice(i).filter((t) => t.change.fixtureId === entry.change.fixtureId);
      if (later.some((t) => shows(row, expected(t.change)))) entry.visibleAt = now;
    }
  }

  async close(): Promise<void> {
    await (await this.connection).end();
  }
}

/** The fetcher's view of an entity's budget: what SportMonks last said was left, and when it resets. */
export async function budgetOf(stack: LiveStack, entity: string): Promise<{ remaining: number | null; resetsAt: string | null; pausedUntil: string | null }> {
  const response = await stack.fetcher.inject({ url: '/rate-limits', headers: { authorization: `Bearer ${INTERNAL_TOKEN}` } });
  const found = response.json<RateLimitsResponse>().entities.find((e) => e.entity === entity);
  return { remaining: found?.remaining ?? null, resetsAt: found?.resetsAt ?? null, pausedUntil: found?.pausedUntil ?? null };
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}
