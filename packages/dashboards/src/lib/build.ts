// One build of the static site from the database: every query run afresh as the analyst
// (queries.ts), then Framework's `observable build`. Reports the time and each page's data.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FRAMEWORK_BIN, FRAMEWORK_CACHE_DIR, LOADER_CACHE_DIR, PACKAGE_DIR } from './site.ts';
import { runAllQueries, type QueryRun } from './queries.ts';
import { oversized, pageDataSizes, PAGE_DATA_LIMIT_BYTES, type PageData } from './sizes.ts';

export interface BuildOptions {
  databaseUrl: string;
  /** An absolute folder; emptied first. */
  output: string;
  /** The rest of the environment of the build (PATH, DASHBOARDS_HOURLY_CALL_BUDGET …). */
  env?: NodeJS.ProcessEnv;
  /** Framework's output as it comes, for a terminal. */
  onOutput?: (text: string) => void;
  /** Largest data a page may carry. */
  pageLimitBytes?: number;
}

export interface BuildReport {
  output: string;
  seconds: number;
  /** Of those, the queries' share (the rest is Framework's build). */
  querySeconds: number;
  pages: PageData[];
  queries: QueryRun[];
}

export class BuildError extends Error {
  override name = 'BuildError';
}

/** The failing queries' own lines ("…/points-race.json.sql: Unknown column …"), else the end of the log. */
export function failureSummary(log: string): string {
  const lines = log.split('\n').map((line) => line.trim());
  const queries = lines.filter((line) => /\.sql: /.test(line));
  if (queries.length > 0) return queries.join('\n');
  return lines.filter((line) => line !== '').slice(-5).join('\n');
}

export function runFramework(options: BuildOptions): Promise<{ code: number; log: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [FRAMEWORK_BIN, 'build'], {
      cwd: PACKAGE_DIR,
      env: {
        ...(options.env ?? process.env),
        // Framework otherwise reports usage to Observable: no call leaves the machine.
        OBSERVABLE_TELEMETRY_DISABLE: 'true',
        ANALYST_DATABASE_URL: options.databaseUrl,
        DASHBOARDS_OUTPUT: options.output,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let log = '';
    const collect = (chunk: Buffer) => {
      const text = chunk.toString();
      log += text;
      options.onOutput?.(text);
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.on('error', reject);
    child.on('close', (code) => {
      resolve({ code: code ?? 1, log });
    });
  });
}

export async function buildSite(options: BuildOptions): Promise<BuildReport> {
  const started = performance.now();
  await rm(LOADER_CACHE_DIR, { recursive: true, force: true });
  await rm(options.output, { recursive: true, force: true });
  const queries = await runAllQueries(options.databaseUrl, options.env ?? process.env).catch((error: unknown) => {
    throw new BuildError(`the dashboards build failed:\n${error instanceof Error ? error.message : String(error)}`);
  });
  const querySeconds = (performance.now() - started) / 1000;
  const { code, log } = await runFramework(options);
  if (code !== 0) throw new BuildError(`the dashboards build failed:\n${failureSummary(log)}`);
  const pages = await pageDataSizes(options.output);
  const seconds = (performance.now() - started) / 1000;
  const limit = options.pageLimitBytes ?? PAGE_DATA_LIMIT_BYTES;
  const tooBig = oversized(pages, limit);
  if (tooBig.length > 0) {
    throw new BuildError(
      `pages over ${(limit / 1024 / 1024).toFixed(1)} MB of data (aggregate in SQL): ${tooBig.map((p) => `${p.page} ${(p.bytes / 1024 / 1024).toFixed(2)} MB`).join(', ')}`,
    );
  }
  return { output: options.output, seconds, querySeconds, pages, queries };
}

/**
 * Framework's bundles of the pages' libraries and the npm versions its client looks up, made once
 * without a database (the image build does this): Framework makes them before it reads any query
 * result, then stops at the first query, which is expected here. Later builds need no registry.
 */
export async function prepareFrameworkCache(env: NodeJS.ProcessEnv = process.env): Promise<string[]> {
  const output = await mkdtemp(join(tmpdir(), 'dashboards-prepare-'));
  try {
    await rm(LOADER_CACHE_DIR, { recursive: true, force: true });
    const { log } = await runFramework({ databaseUrl: 'mysql://prepare@127.0.0.1:9/none', output, env });
    const made = ['_node', '_npm', '_observablehq'].filter((dir) => existsSync(join(FRAMEWORK_CACHE_DIR, dir)));
    if (made.length < 3) throw new BuildError(`Framework did not fill its cache:\n${failureSummary(log)}`);
    return made;
  } finally {
    await rm(output, { recursive: true, force: true });
  }
}
