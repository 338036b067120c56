// The commands behind src/cli.ts (the make targets), each printing what it did.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { redactUrl } from '@insightxi/mysql';
import { buildSite, prepareFrameworkCache } from './build.ts';
import { ensureChromium } from './chromium.ts';
import { readConfig } from './config.ts';
import { dashboardDatabase } from './database-url.ts';
import { DEFAULT_OUTPUT, FRAMEWORK_BIN, LOADER_CACHE_DIR, PACKAGE_DIR } from './site.ts';
import { withQueryConnection } from './query.ts';
import type { SampleDatabase } from './sample-site.ts';
import { serveDashboards } from './serve.ts';
import { formatSizes } from './sizes.ts';

export const USAGE = 'usage: dashboards build|preview|shots|prepare|chromium';
export const SHOTS_DIR = join(PACKAGE_DIR, '..', '..', 'docs', 'images', 'dashboards');
export const PREVIEW_PORT = 3000;

async function database(env: NodeJS.ProcessEnv): Promise<string> {
  const found = await dashboardDatabase(env);
  console.log(`reading ${redactUrl(found.url)}${found.analyst ? '' : ' (no ANALYST_DATABASE_URL: the project database, as `make demo` filled it)'}`);
  return found.url;
}

async function build(env: NodeJS.ProcessEnv): Promise<number> {
  const report = await buildSite({ databaseUrl: await database(env), output: env.DASHBOARDS_OUTPUT ?? DEFAULT_OUTPUT, env });
  console.log(`\n${formatSizes(report.pages).join('\n')}`);
  console.log(`\nbuilt ${report.pages.length} pages into ${report.output} in ${report.seconds.toFixed(1)} s (queries ${report.querySeconds.toFixed(1)} s, Framework ${(report.seconds - report.querySeconds).toFixed(1)} s)`);
  return 0;
}

/** Framework's preview: pages reload as their Markdown or SQL changes; queries rerun when their file does. */
export async function startPreview(databaseUrl: string, port: number, env: NodeJS.ProcessEnv, stdio: 'inherit' | 'ignore' = 'inherit'): Promise<ChildProcess> {
  await rm(LOADER_CACHE_DIR, { recursive: true, force: true });
  return spawn(process.execPath, [FRAMEWORK_BIN, 'preview', '--port', String(port), '--no-open'], {
    cwd: PACKAGE_DIR,
    env: { ...env, OBSERVABLE_TELEMETRY_DISABLE: 'true', ANALYST_DATABASE_URL: databaseUrl },
    stdio,
  });
}

async function preview(env: NodeJS.ProcessEnv): Promise<number> {
  const child = await startPreview(await database(env), PREVIEW_PORT, env);
  return new Promise((resolve) => {
    child.on('close', (code) => {
      resolve(code ?? 0);
    });
  });
}

export interface CommandDeps {
  /** The sample database of the screenshots (tests hand in one they already filled). */
  startSample?: (prefix: string) => Promise<SampleDatabase>;
  /** Where the screenshots go: docs/images/dashboards. */
  shotsDir?: string;
}

async function shots(env: NodeJS.ProcessEnv, deps: CommandDeps): Promise<number> {
  // Dev-only modules (the sample database comes from docs-checks, Chromium's driver is a dev
  // dependency): loaded only for this command, never by the container's pruned install.
  const { startSampleDatabase } = await import('./sample-site.ts');
  const { launchBrowser } = await import('./browser.ts');
  const { sampleShots, takeScreenshots } = await import('./shots.ts');
  const executable = ensureChromium(env);
  console.log('filling a sample database (one simulator sync of every season, then three more runs) …');
  const sample = await (deps.startSample ?? startSampleDatabase)('dashboards_shots');
  const sitesDir = await mkdtemp(join(tmpdir(), 'dashboards-shots-'));
  try {
    const config = await readConfig({ ...env, ANALYST_DATABASE_URL: sample.analyst.url, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', DASHBOARDS_SITES_DIR: sitesDir });
    const running = await serveDashboards(config);
    const browser = await launchBrowser(executable);
    try {
      await running.firstBuild;
      const shotList = await withQueryConnection(sample.analyst.url, env, sampleShots);
      const written = await takeScreenshots(browser, running.url, deps.shotsDir ?? SHOTS_DIR, shotList);
      for (const path of written) console.log(`wrote ${path}`);
    } finally {
      await browser.close();
      await running.app.close();
    }
  } finally {
    await rm(sitesDir, { recursive: true, force: true });
    await sample.stop();
  }
  return 0;
}

export async function runCommand(args: string[], env: NodeJS.ProcessEnv, deps: CommandDeps = {}): Promise<number> {
  try {
    switch (args[0]) {
      case 'build':
        return await build(env);
      case 'preview':
        return await preview(env);
      case 'shots':
        return await shots(env, deps);
      case 'prepare':
        console.log(`Framework's cache holds ${(await prepareFrameworkCache(env)).join(', ')}`);
        return 0;
      case 'chromium':
        console.log(`chromium: ${ensureChromium(env)}`);
        return 0;
      default:
        console.error(USAGE);
        return 2;
    }
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    return 1;
  }
}
