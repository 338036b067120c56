// One chaos scenario's world: a fresh database reached by a user with a password, the whole
// stack as processes on loopback, every log line checked for secrets and read for 5xx answers,
// and the measurement of what landed against the simulator's ground truth.
import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import mariadb, { type Pool } from 'mariadb';
import { request } from 'undici';
import type { SyncRunSummary } from '@insightxi/contracts';
import { connectionConfig, resolveServerUrl, withDatabase } from '@insightxi/mysql';
import { startSimulator, type FaultOptions, type Simulator, type SimulatorOptions } from '@insightxi/sportmonks-sim';
import {
  actualDetailRows,
  actualPeopleRows,
  actualRows,
  actualScoreRows,
  expectedDetailRows,
  expectedPeopleRows,
  expectedRows,
  expectedScoreRows,
  startStack,
  type Stack,
} from '@insightxi/stack';
import { answerOf } from './log-lines.ts';
import type { SecretScanner } from './secrets.ts';
import { TABLE_OF_ENTITY, keyed, squadKeys, tally, type Tally } from './tally.ts';
import { onInterrupt } from './teardown.ts';

/** Shared by every scenario of one chaos run: the secrets to grep for and the scanner. */
export interface ChaosContext {
  scanner: SecretScanner;
  internalToken: string;
  operatorToken: string;
  sportmonksToken: string;
}

export function chaosContext(scanner: SecretScanner): ChaosContext {
  const secret = () => randomBytes(24).toString('hex');
  const context = { scanner, internalToken: secret(), operatorToken: secret(), sportmonksToken: secret() };
  scanner.watch('INTERNAL_TOKEN', context.internalToken);
  scanner.watch('OPERATOR_TOKEN', context.operatorToken);
  scanner.watch('SPORTMONKS_API_TOKEN', context.sportmonksToken);
  return context;
}

// Small (2 leagues × 2 seasons) and frozen in time, a Wednesday in the middle of the current
// seasons: the ground truth cannot move under a run, and an incremental window has fixtures.
export const SIMULATOR: SimulatorOptions = {
  seed: 11,
  leagues: 2,
  seasonsPerLeague: 2,
  budgetPerHour: 1_000_000_000,
  clock: { start: '2026-10-14T12:00:00Z', speed: 0 },
};

// Short windows so that outages, retries and take-overs happen within seconds.
export const BASE_ENV: Record<string, string> = {
  HEARTBEAT_MS: '300',
  STALE_AFTER_MS: '10000',
  RECOVERY_SWEEP_MS: '500',
  RETRY_ATTEMPTS: '12',
  RETRY_INITIAL_DELAY_MS: '200',
  RETRY_MAX_DELAY_MS: '2000',
  DOWNSTREAM_TIMEOUT_MS: '20000',
  LIVE_POLL_MS: '0',
  SPORTMONKS_CONNECT_TIMEOUT_MS: '1000',
  SPORTMONKS_HEADERS_TIMEOUT_MS: '2000',
  SPORTMONKS_BODY_TIMEOUT_MS: '2000',
  SPORTMONKS_RETRY_MIN_DELAY_MS: '50',
  SPORTMONKS_RETRY_MAX_DELAY_MS: '500',
};

export interface ScenarioOptions {
  /** For database and user names: lower case, digits, underscores. */
  slug: string;
  /** A server URL with a root login (the private server); default: the located server. */
  serverUrl?: string;
  env?: Record<string, string>;
  faults?: FaultOptions;
  /** A bigger or different world than SIMULATOR's. */
  simulator?: SimulatorOptions;
}

export interface Measure extends Tally {
  quarantined: number;
  /** `fixture_events 17940/17940, …`: stored / expected rows of the match-detail and people tables. */
  detail: string;
  /** Rows of the match-detail tables in MySQL: zero means the scenario proved nothing about detail. */
  detailStored: number;
  /** Quarantine rows standing for more than one team's squad: a season's squads lost whole. */
  squadsLostWhole?: number;
}

/** Match detail and people, beside the tables of `expectedRows`: counted in the row like them. */
const DETAIL_TABLES = ['fixture_events', 'fixture_lineups', 'fixture_statistics', 'fixture_referees', 'fixture_formations', 'squads', 'players', 'referees', 'topscorers'];

type Line = (line: string) => void;

const ERROR_LINE = /^\[([a-z-]+)\] \{"level":(?:50|60)\b/;

/** Reads every log line of the stack from its first one on, before the Scenario exists. */
class LineSink {
  served5xx = 0;
  /** Error and fatal lines per service: evidence that the damage was felt. */
  readonly errors = new Map<string, number>();
  readonly listeners = new Set<Line>();

  constructor(
    private readonly scanner: SecretScanner,
    private readonly source: string,
  ) {}

  readonly take = (line: string): void => {
    this.scanner.scan(line, this.source);
    const answer = answerOf(line);
    if (answer && answer.statusCode >= 500) this.served5xx++;
    const error = ERROR_LINE.exec(line);
    if (error?.[1]) this.errors.set(error[1], (this.errors.get(error[1]) ?? 0) + 1);
    for (const listener of this.listeners) listener(line);
  };
}

export class Scenario {
  private replacement: Simulator | null = null;
  private forget = (): void => undefined;

  private constructor(
    private readonly context: ChaosContext,
    private readonly simulatorOptions: SimulatorOptions,
    private readonly sink: LineSink,
    readonly stack: Stack,
    readonly sql: Pool,
    private readonly dropDatabase: () => Promise<void>,
  ) {}

  static async open(context: ChaosContext, options: ScenarioOptions): Promise<Scenario> {
    const serverUrl = options.serverUrl ?? (await resolveServerUrl());
    const suffix = randomBytes(4).toString('hex');
    const database = `chaos_${options.slug}_${suffix}`;
    const user = `chaos_${suffix}`;
    const password = randomBytes(18).toString('hex');
    context.scanner.watch(`database password (${options.slug})`, password);

    const hosts = ['127.0.0.1', 'localhost'];
    const admin = async (statements: string[]) => {
      const connection = await mariadb.createConnection(connectionConfig(withDatabase(serverUrl, null)));
      try {
        for (const statement of statements) await connection.query(statement);
      } finally {
        await connection.end();
      }
    };
    const drop = () => admin([`DROP DATABASE IF EXISTS \`${database}\``, ...hosts.map((h) => `DROP USER IF EXISTS '${user}'@'${h}'`)]);
    await admin([
      `CREATE DATABASE \`${database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`,
      ...hosts.flatMap((h) => [`CREATE USER '${user}'@'${h}' IDENTIFIED BY '${password}'`, `GRANT ALL PRIVILEGES ON \`${database}\`.* TO '${user}'@'${h}'`]),
    ]);

    const server = new URL(serverUrl);
    // MySQL 8.4 (CI) logs a password user in over caching_sha2_password: without TLS the driver
    // must be allowed to fetch the server's key. MariaDB ignores the flag.
    const databaseUrl = `mysql://${user}:${password}@${server.hostname}:${server.port || '3306'}/${database}?allowPublicKeyRetrieval=true`;
    const sink = new LineSink(context.scanner, `${options.slug} log`);
    const simulator: SimulatorOptions = { ...SIMULATOR, ...options.simulator, token: context.sportmonksToken };
    let stack: Stack;
    try {
      stack = await startStack({
        databaseUrl,
        simulator: { ...simulator, ...(options.faults ? { faults: options.faults } : {}) },
        env: { ...BASE_ENV, ...options.env, INTERNAL_TOKEN: context.internalToken, OPERATOR_TOKEN: context.operatorToken },
        logLevel: 'info',
        onLine: sink.take,
      });
    } catch (error) {
      await drop();
      throw error;
    }
    const sql = mariadb.createPool({ ...connectionConfig(databaseUrl), connectionLimit: 2 });
    const scenario = new Scenario(context, simulator, sink, stack, sql, drop);
    scenario.forget = onInterrupt(() => scenario.close());
    return scenario;
  }

  /** 5xx answers of our services so far, from their `request completed` log lines. */
  get served5xx(): number {
    return this.sink.served5xx;
  }

  /** `database 3, orchestrator 1`: error lines logged so far, per service. */
  errorLines(): string {
    const counts = [...this.sink.errors].map(([service, n]) => `${service} ${String(n)}`);
    return counts.length === 0 ? 'none' : counts.join(', ');
  }

  /** Calls `listener` with every log line until it returns true. */
  watchLines(listener: (line: string) => boolean): void {
    const wrapped: Line = (line) => {
      if (listener(line)) this.sink.listeners.delete(wrapped);
    };
    this.sink.listeners.add(wrapped);
  }

  /** The simulator serving now (a replacement after `restartSimulator`). */
  get simulator(): Simulator {
    const sim = this.replacement ?? this.stack.simulator;
    if (!sim) throw new Error('the chaos stack always runs the simulator');
    return sim;
  }

  /** Takes SportMonks away: the port refuses connections until `restartSimulator`. */
  async stopSimulator(): Promise<void> {
    await this.simulator.close();
  }

  /** The same simulator (seed, frozen clock, hence the same data) back on the same port. */
  async restartSimulator(): Promise<void> {
    const port = this.simulator.port;
    this.replacement = await startSimulator({ ...this.simulatorOptions, port });
  }

  async post(path: string): Promise<{ status: number; body: Record<string, unknown> }> {
    const response = await request(`${this.stack.url('orchestrator')}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${this.stack.operatorToken}` },
      headersTimeout: 60_000,
    });
    const text = await response.body.text();
    this.context.scanner.scan(text, `POST ${path}`);
    return { status: response.statusCode, body: JSON.parse(text) as Record<string, unknown> };
  }

  async run(runId: number): Promise<SyncRunSummary> {
    const response = await request(`${this.stack.url('orchestrator')}/sync/runs/${String(runId)}`, {
      headers: { authorization: `Bearer ${this.stack.operatorToken}` },
      headersTimeout: 10_000,
    });
    const text = await response.body.text();
    this.context.scanner.scan(text, `GET /sync/runs/${String(runId)}`);
    if (response.statusCode !== 200) throw new Error(`GET /sync/runs/${String(runId)}: ${String(response.statusCode)} ${text}`);
    return JSON.parse(text) as SyncRunSummary;
  }

  /** Starts a run and returns its id; throws unless the orchestrator accepts it. */
  async start(path: string): Promise<number> {
    const { status, body } = await this.post(path);
    if (status !== 202) throw new Error(`POST ${path} answered ${String(status)}: ${JSON.stringify(body)}`);
    return body.runId as number;
  }

  /** Polls the run until `until` holds (default: it ended). The orchestrator may be restarting meanwhile. */
  async waitFor(runId: number, timeoutMs: number, until: (run: SyncRunSummary) => boolean = (run) => run.status !== 'running'): Promise<SyncRunSummary> {
    const deadline = Date.now() + timeoutMs;
    let last: unknown;
    while (Date.now() < deadline) {
      try {
        const run = await this.run(runId);
        if (until(run)) return run;
        last = run.status;
      } catch (error) {
        last = error;
      }
      await sleep(100);
    }
    throw new Error(`run ${String(runId)} did not get there within ${String(timeoutMs)} ms (last: ${String(last)})`);
  }

  /** What MySQL holds against what the simulator serves, match detail and people included, with the quarantine accounted for. */
  async measure(): Promise<Measure> {
    const dataset = this.simulator.dataset();
    const detail = this.simulator.detail();
    const people = expectedPeopleRows(detail);
    const stored = await actualPeopleRows(this.sql);
    // Squad and ranking lines start with their season, not a unique id: their natural key goes first.
    const byKey = (rows: Record<string, string[]>) => ({ ...rows, squads: keyed(rows.squads ?? [], [0, 1, 2]), topscorers: keyed(rows.topscorers ?? [], [0, 1, 3]) });
    const expected: Record<string, string[]> = { ...expectedRows(dataset), fixture_scores: expectedScoreRows(dataset), ...expectedDetailRows(detail), ...byKey(people) };
    const actual: Record<string, string[]> = { ...(await actualRows(this.sql)), fixture_scores: await actualScoreRows(this.sql), ...(await actualDetailRows(this.sql)), ...byKey(stored) };
    const rows = await this.sql.query<{ entity: string; source_id: number | null; payload: unknown }[]>('SELECT entity, source_id, payload FROM quarantine');
    const quarantined = new Map<string, Set<string>>();
    let squadsLostWhole = 0;
    for (const row of rows) {
      const table = TABLE_OF_ENTITY[row.entity] ?? row.entity;
      const ids = quarantined.get(table) ?? new Set<string>();
      const keys = table === 'squads' ? squadKeys(row.source_id, row.payload) : [String(row.source_id)];
      if (keys.length > 1) squadsLostWhole += 1;
      for (const id of keys) ids.add(id);
      quarantined.set(table, ids);
    }
    // Players named only by quarantined squads (a team's, per season) or ranking lists cannot have arrived with them.
    type List = { season_id: number; team_id?: number; rows: Record<string, unknown>[] };
    const kept = (table: 'squads' | 'topscorers', list: List) =>
      !(quarantined.get(table)?.has(table === 'squads' ? `${String(list.season_id)}:${String(list.team_id)}` : String(list.season_id)) ?? false);
    const named = (lists: List[], table: 'squads' | 'topscorers', keep: boolean) =>
      lists.filter((list) => kept(table, list) === keep).flatMap((list) => list.rows.map((row) => String(row.player_id)));
    const landed = new Set([...named(detail.squads, 'squads', true), ...named(detail.topscorers, 'topscorers', true)]);
    const lost = [...named(detail.squads, 'squads', false), ...named(detail.topscorers, 'topscorers', false)].filter((id) => !landed.has(id));
    if (lost.length > 0) quarantined.set('players', new Set([...(quarantined.get('players') ?? []), ...lost]));
    const counts = DETAIL_TABLES.map((table) => `${table} ${String(actual[table]?.length ?? 0)}/${String(expected[table]?.length ?? 0)}`).join(', ');
    const detailStored = Object.keys(expectedDetailRows({ ...detail, fixtures: [] })).reduce((sum, table) => sum + (actual[table]?.length ?? 0), 0);
    return { ...tally(expected, actual, quarantined, await this.naturalKeyDuplicates()), quarantined: rows.length, detail: `stored/expected: ${counts}`, detailStored, squadsLostWhole };
  }

  /** Rows beyond the first under a natural key that the primary key (SportMonks' id) does not guard. */
  private async naturalKeyDuplicates(): Promise<number> {
    const [row] = await this.sql.query<{ n: number | bigint | null }[]>(
      `SELECT (SELECT COALESCE(SUM(c - 1), 0) FROM (SELECT COUNT(*) AS c FROM fixture_scores GROUP BY fixture_id, type_id, participant) AS s)
            + (SELECT COALESCE(SUM(c - 1), 0) FROM (SELECT COUNT(*) AS c FROM standings GROUP BY season_id, stage_id, team_id) AS t) AS n`,
    );
    return Number(row?.n ?? 0);
  }

  async close(): Promise<void> {
    this.forget();
    await this.sql.end();
    await this.stack.stop();
    await this.replacement?.close();
    await this.dropDatabase();
  }
}
