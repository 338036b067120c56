// Every src/data/*.json.sql run in one session before Framework builds, its JSON written where
// Framework keeps loader output (.observablehq/cache/data, newer than the .sql file, so Framework
// takes it as fresh instead of starting one process per query): one connection and a second or
// two instead of half a second per query. The `.sql` interpreter stays for `make dashboards`.
import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { redactUrl } from '@insightxi/mysql';
import type { Connection } from 'mariadb';
import { runQuery, withQueryConnection } from './query.ts';
import { mysqlMessage } from './run-loader.ts';
import { DATA_DIR, LOADER_CACHE_DIR, messageRoot } from './site.ts';
import { parseSqlFile } from './sql-file.ts';

export class QueryFileError extends Error {
  override name = 'QueryFileError';
}

export interface QueryRun {
  /** seasons.json.sql */
  file: string;
  available: boolean;
  bytes: number;
}

export async function runAllQueries(databaseUrl: string, env: NodeJS.ProcessEnv, dataDir = DATA_DIR, cacheDir = LOADER_CACHE_DIR): Promise<QueryRun[]> {
  const files = (await readdir(dataDir)).filter((name) => name.endsWith('.json.sql')).sort();
  await mkdir(cacheDir, { recursive: true });
  const connect = (work: (connection: Connection) => Promise<QueryRun[]>) =>
    withQueryConnection(databaseUrl, env, work).catch((error: unknown) => {
      if (error instanceof QueryFileError) throw error;
      throw new QueryFileError(`cannot read ${redactUrl(databaseUrl)}: ${mysqlMessage(error)}`);
    });
  return connect(async (connection) => {
    const runs: QueryRun[] = [];
    for (const name of files) {
      const shown = relative(messageRoot(), join(dataDir, name));
      let json: string;
      let available: boolean;
      try {
        const output = await runQuery(connection, parseSqlFile(shown, await readFile(join(dataDir, name), 'utf8')));
        json = JSON.stringify(output);
        available = output.available;
      } catch (error) {
        const message = mysqlMessage(error);
        throw new QueryFileError(message.startsWith(`${shown}:`) ? message : `${shown}: ${message}`);
      }
      const target = join(cacheDir, name.replace(/\.sql$/, ''));
      await writeFile(`${target}.${process.pid}`, json);
      await rename(`${target}.${process.pid}`, target);
      runs.push({ file: name, available, bytes: Buffer.byteLength(json) });
    }
    return runs;
  });
}
