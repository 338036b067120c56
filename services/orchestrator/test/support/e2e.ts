// End-to-end helpers: the whole stack (simulator, fetcher, writer, orchestrator as processes)
// on a database of its own, and the simulator's ground truth in the shape of our tables.
import mariadb, { type Pool } from 'mariadb';
import { connectionConfig, createTestDatabase, type TestDatabase } from '@insightxi/mysql';
import { startStack, type Stack, type StackOptions } from '@insightxi/stack';
import type { Dataset } from '@insightxi/sportmonks-sim';
import type { SyncRunSummary } from '@insightxi/contracts';

export interface E2E {
  stack: Stack;
  db: TestDatabase;
  sql: Pool;
  post(path: string, body?: unknown): Promise<{ status: number; body: unknown; location: string | null }>;
  get<T>(path: string): Promise<T>;
  /** Polls the run until it is no longer running. */
  waitFor(runId: number, timeoutMs?: number, until?: (run: SyncRunSummary) => boolean): Promise<SyncRunSummary>;
  close(): Promise<void>;
}

export async function startE2E(prefix: string, options: Omit<StackOptions, 'databaseUrl'> = {}): Promise<E2E> {
  const db = await createTestDatabase({ prefix });
  let stack: Stack;
  try {
    stack = await startStack({ logLevel: 'warn', ...options, databaseUrl: db.url });
  } catch (error) {
    await db.drop();
    throw error;
  }
  const sql = mariadb.createPool({ ...connectionConfig(db.url), connectionLimit: 2 });
  const auth = { authorization: `Bearer ${stack.operatorToken}` };
  const base = () => stack.url('orchestrator');

  const post: E2E['post'] = async (path, body) => {
    const res = await fetch(`${base()}${path}`, {
      method: 'POST',
      headers: body === undefined ? auth : { ...auth, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: res.status, body: await res.json(), location: res.headers.get('location') };
  };
  const get = async <T>(path: string): Promise<T> => {
    const res = await fetch(`${base()}${path}`, { headers: auth });
    if (res.status !== 200) throw new Error(`GET ${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  };
  const waitFor: E2E['waitFor'] = async (runId, timeoutMs = 120_000, until = (run) => run.status !== 'running') => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      try {
        const run = await get<SyncRunSummary>(`/sync/runs/${runId}`);
        if (until(run)) return run;
      } catch (error) {
        if (Date.now() > deadline) throw error;
      }
      if (Date.now() > deadline) throw new Error(`run ${runId} did not get there within ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };
  const close = async () => {
    await sql.end();
    await stack.stop();
    await db.drop();
  };
  return { stack, db, sql, post, get, waitFor, close };
}

type Row = Record<string, unknown>;

const participant = (fixture: Row, side: 'home' | 'away'): number | null => {
  const list = (fixture.participants ?? []) as { id: number; meta: { location: string } }[];
  return list.find((p) => p.meta.location === side)?.id ?? null;
};
const currentGoals = (fixture: Row, side: 'home' | 'away'): number | null => {
  const scores = (fixture.scores ?? []) as { description: string; score: { goals: number; participant: string } }[];
  return scores.find((s) => s.description === 'CURRENT' && s.score.participant === side)?.score.goals ?? null;
};

/** What our tables must hold for the simulator's ground truth, one sorted row of key fields per record. */
export function expectedRows(dataset: Dataset): Record<string, string[]> {
  const line = (...values: unknown[]) => values.map((v) => (v === undefined || v === null ? '' : String(v as string | number | boolean))).join('|');
  const sorted = (rows: string[]) => rows.sort();
  return {
    fixture_states: sorted(dataset.states.map((s) => line(s.id, s.developer_name))),
    leagues: sorted(dataset.leagues.map((l) => line(l.id, l.name))),
    seasons: sorted(dataset.seasons.map((s) => line(s.id, s.league_id, s.name, s.is_current ? 1 : 0, s.finished ? 1 : 0))),
    venues: sorted(dataset.venues.map((v) => line(v.id, v.name, v.capacity))),
    teams: sorted(dataset.teams.map((t) => line(t.id, t.name, t.venue_id))),
    fixtures: sorted(
      dataset.fixtures.map((f) => {
        const placeholder = f.placeholder === true;
        return line(
          f.id,
          f.league_id,
          f.season_id,
          f.state_id,
          f.starting_at,
          placeholder ? null : participant(f, 'home'),
          placeholder ? null : participant(f, 'away'),
          currentGoals(f, 'home'),
          currentGoals(f, 'away'),
        );
      }),
    ),
    standings: sorted(dataset.standings.map((s) => line(s.id, s.season_id, s.participant_id, s.position, s.points))),
  };
}

const QUERIES: Record<string, string> = {
  fixture_states: "SELECT CONCAT_WS('|', id, developer_name) AS l FROM fixture_states",
  leagues: "SELECT CONCAT_WS('|', id, name) AS l FROM leagues",
  seasons: "SELECT CONCAT_WS('|', id, league_id, name, is_current, finished) AS l FROM seasons",
  venues: "SELECT CONCAT_WS('|', id, name, IFNULL(capacity, '')) AS l FROM venues",
  teams: "SELECT CONCAT_WS('|', id, name, IFNULL(venue_id, '')) AS l FROM teams",
  fixtures: `SELECT CONCAT_WS('|', id, league_id, season_id, state_id, DATE_FORMAT(starting_at, '%Y-%m-%d %H:%i:%s'),
               IFNULL(home_team_id, ''), IFNULL(away_team_id, ''), IFNULL(home_goals, ''), IFNULL(away_goals, '')) AS l
             FROM fixtures WHERE deleted_at IS NULL`,
  standings: "SELECT CONCAT_WS('|', id, season_id, team_id, position, points) AS l FROM standings",
};

export async function actualRows(sql: Pool): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const [table, query] of Object.entries(QUERIES)) {
    const rows = await sql.query<{ l: string }[]>(query);
    out[table] = rows.map((r) => r.l).sort();
  }
  return out;
}

export const DATA_TABLES = ['standings', 'fixture_scores', 'fixtures', 'teams', 'venues', 'seasons', 'leagues', 'fixture_states', 'quarantine'];
