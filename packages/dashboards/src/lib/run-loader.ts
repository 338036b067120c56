// What Framework runs for each src/data/*.json.sql file (the `.sql` interpreter in
// observablehq.config.ts): the query as the analyst, its JSON on stdout. A failing query writes
// "<file>: <MySQL message>" on stderr and exits 1, which fails the build.
import { readFile } from 'node:fs/promises';
import { relative, resolve } from 'node:path';
import { dashboardDatabase } from './database-url.ts';
import { runQuery, withQueryConnection } from './query.ts';
import { parseSqlFile } from './sql-file.ts';

export interface LoaderIo {
  env: NodeJS.ProcessEnv;
  /** Paths in messages are relative to this folder (the repository). */
  root: string;
  out: (text: string) => void;
  err: (text: string) => void;
}

/** MySQL's own message and error code, without the driver's connection header and the SQL echoed back. */
export function mysqlMessage(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const { sqlMessage, code } = error as Error & { sqlMessage?: unknown; code?: unknown };
  if (typeof sqlMessage !== 'string') return error.message;
  return typeof code === 'string' ? `${sqlMessage} (${code})` : sqlMessage;
}

/** Returns the exit code. */
export async function runLoader(path: string, io: LoaderIo): Promise<number> {
  const shown = relative(io.root, resolve(path));
  try {
    const file = parseSqlFile(shown, await readFile(path, 'utf8'));
    const { url } = await dashboardDatabase(io.env);
    const output = await withQueryConnection(url, io.env, (connection) => runQuery(connection, file));
    io.out(JSON.stringify(output));
    return 0;
  } catch (error) {
    const message = mysqlMessage(error);
    io.err(`${message.startsWith(`${shown}:`) ? message : `${shown}: ${message}`}\n`);
    return 1;
  }
}
