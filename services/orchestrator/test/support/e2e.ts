// End-to-end helpers: the whole stack (simulator, fetcher, writer, orchestrator as processes)
// on a database of its own, and the simulator's ground truth in the shape of our tables.
import mariadb, { type Pool } from 'mariadb';
import { connectionConfig, createTestDatabase, type TestDatabase } from '@insightxi/mysql';
import { startStack, type Stack, type StackOptions } from '@insightxi/stack';
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

// The ground truth in our tables' shape is shared with the chaos suite.
export { actualPeopleRows, actualRows, expectedPeopleRows, expectedRows } from '@insightxi/stack';

/** Every synced table, each after the ones that reference it (the order a wipe deletes in). */
export const DATA_TABLES = [
  'topscorers',
  'topscorer_lists',
  'squads',
  'squad_lists',
  'standings',
  'fixture_scores',
  'fixtures',
  'aggregates',
  'stage_groups',
  'rounds',
  'stages',
  'teams',
  'venues',
  'seasons',
  'leagues',
  'fixture_states',
  'players',
  'referees',
  'countries',
  'types',
  'quarantine',
];
