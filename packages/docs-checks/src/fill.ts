// A stack filled by one simulator sync: what the guides' SQL and curl blocks run against.
import { createTestDatabase, type TestDatabase } from '@insightxi/mysql';
import { startStack, type Stack } from '@insightxi/stack';
import { request } from 'undici';

/** The simulated "now" the guides' samples were taken at: dates in the samples follow from it. */
export const SAMPLE_CLOCK = '2026-11-23T12:00:00Z';
export const SAMPLE_SEED = 42;

export interface FilledStack {
  stack: Stack;
  database: TestDatabase;
  /** The summary of the sync that filled the database. */
  summary: Record<string, unknown>;
  stop(): Promise<void>;
}

/** Every season of every league (finished ones too, for the history questions), in one run. */
export async function startFilledStack(prefix: string): Promise<FilledStack> {
  const database = await createTestDatabase({ prefix });
  let stack: Stack;
  try {
    stack = await startStack({
      databaseUrl: database.url,
      // The guides' blocks run many syncs within one frozen simulated hour: a real hourly budget
      // runs out there (since each detail run also fetches its stub players by id) and a block then
      // waits a minute for a reset, past its time limit.
      simulator: { seed: SAMPLE_SEED, clock: { start: SAMPLE_CLOCK, speed: 0 }, budgetPerHour: 1_000_000 },
      logLevel: 'warn',
      onLine: () => undefined,
    });
  } catch (error) {
    await database.drop();
    throw error;
  }
  const stop = async () => {
    await stack.stop();
    await database.drop();
  };
  try {
    const response = await request(`${stack.url('orchestrator')}/sync/all?seasons=all&wait=true`, {
      method: 'POST',
      headers: { authorization: `Bearer ${stack.operatorToken}` },
      headersTimeout: 240_000,
      bodyTimeout: 240_000,
    });
    const summary = (await response.body.json()) as Record<string, unknown>;
    if (response.statusCode !== 200 || summary.status !== 'succeeded') {
      throw new Error(`the filling sync did not succeed: HTTP ${response.statusCode} ${JSON.stringify(summary)}`);
    }
    return { stack, database, summary, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
