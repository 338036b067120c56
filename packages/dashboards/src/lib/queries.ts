// Every src/data/*.json.sql run in one session before Framework builds, its JSON written where
// Framework keeps loader output (.observablehq/cache/data, newer than the .sql file, so Framework
// takes it as fresh instead of starting one process per query): one connection and a second or
// two instead of half a second per query. The queries under data/season/[season]/ run once each
// too, their rows split into one file per season (per-season.ts). The `.sql` interpreter stays for
// `make dashboards`.
import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { redactUrl } from '@insightxi/mysql';
import type { Connection } from 'mariadb';
import { SEASON_QUERY_DIR, seasonIds, splitBySeason } from './per-season.ts';
import { runQuery, withQueryConnection, type QueryOutput } from './query.ts';
import { mysqlMessage } from './run-loader.ts';
import { DATA_DIR, LOADER_CACHE_DIR, messageRoot } from './site.ts';
import { parseSqlFile } from './sql-file.ts';

export class QueryFileError extends Error {
  override name = 'QueryFileError';
}

export interface QueryRun {
  /** seasons.json.sql, season/[season]/matches.json.sql */
  file: string;
  available: boolean;
  /** All the files it wrote (one per season for a per-season query). */
  bytes: number;
}

async function queryFiles(dir: string): Promise<string[]> {
  return (await readdir(dir).catch(() => [])).filter((name) => name.endsWith('.json.sql')).sort();
}

async function writeAtomically(path: string, json: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(`${path}.${process.pid}`, json);
  await rename(`${path}.${process.pid}`, path);
}

export async function runAllQueries(databaseUrl: string, env: NodeJS.ProcessEnv, dataDir = DATA_DIR, cacheDir = LOADER_CACHE_DIR): Promise<QueryRun[]> {
  const files = await queryFiles(dataDir);
  const seasonFiles = await queryFiles(join(dataDir, SEASON_QUERY_DIR));
  await mkdir(cacheDir, { recursive: true });
  const connect = (work: (connection: Connection) => Promise<QueryRun[]>) =>
    withQueryConnection(databaseUrl, env, work).catch((error: unknown) => {
      if (error instanceof QueryFileError) throw error;
      throw new QueryFileError(`cannot read ${redactUrl(databaseUrl)}: ${mysqlMessage(error)}`);
    });
  return connect(async (connection) => {
    const run = async (name: string): Promise<QueryOutput> => {
      const shown = relative(messageRoot(), join(dataDir, name));
      try {
        return await runQuery(connection, parseSqlFile(shown, await readFile(join(dataDir, name), 'utf8')));
      } catch (error) {
        const message = mysqlMessage(error);
        throw new QueryFileError(message.startsWith(`${shown}:`) ? message : `${shown}: ${message}`);
      }
    };
    const runs: QueryRun[] = [];
    const outputs = new Map<string, QueryOutput>();
    for (const name of files) {
      const output = await run(name);
      const json = JSON.stringify(output);
      await writeAtomically(join(cacheDir, name.replace(/\.sql$/, '')), json);
      outputs.set(name, output);
      runs.push({ file: name, available: output.available, bytes: Buffer.byteLength(json) });
    }
    const seasons = outputs.get('seasons.json.sql');
    const ids = seasons ? seasonIds(seasons) : [];
    for (const name of seasonFiles) {
      const file = `${SEASON_QUERY_DIR}/${name}`;
      const output = await run(file);
      let parts: Map<number, QueryOutput>;
      try {
        parts = splitBySeason(output, ids, relative(messageRoot(), join(dataDir, file)));
      } catch (error) {
        throw new QueryFileError(error instanceof Error ? error.message : String(error));
      }
      let bytes = 0;
      for (const [id, part] of parts) {
        const json = JSON.stringify(part);
        await writeAtomically(join(cacheDir, 'season', String(id), name.replace(/\.sql$/, '')), json);
        bytes += Buffer.byteLength(json);
      }
      runs.push({ file, available: output.available, bytes });
    }
    return runs;
  });
}
