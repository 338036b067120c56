// What Framework runs for each src/data/*.json.sql file (the `.sql` interpreter in
// observablehq.config.ts): the query as the analyst, its JSON on stdout. A query under
// data/season/[season]/ gets `--season=<id>` and writes that season's rows. A failing query
// writes "<file>: <MySQL message>" on stderr and exits 1, which fails the build.
import { readFile } from 'node:fs/promises';
import { relative, resolve } from 'node:path';
import { dashboardDatabase } from './database-url.ts';
import { seasonParam, splitBySeason } from './per-season.ts';
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

/** Returns the exit code. `args` are Framework's after the file (`--season=123`). */
export async function runLoader(path: string, io: LoaderIo, args: string[] = []): Promise<number> {
  const shown = relative(io.root, resolve(path));
  try {
    const season = seasonParam(args);
    const file = parseSqlFile(shown, await readFile(path, 'utf8'));
    const { url } = await dashboardDatabase(io.env);
    const output = await withQueryConnection(url, io.env, (connection) => runQuery(connection, file));
    io.out(JSON.stringify(season === null ? output : splitBySeason(output, [season], shown).get(season)));
    return 0;
  } catch (error) {
    const message = mysqlMessage(error);
    io.err(`${message.startsWith(`${shown}:`) ? message : `${shown}: ${message}`}\n`);
    return 1;
  }
}
