// The commands behind src/cli.ts (the make targets), each printing what it did.
import { spawn } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { redactUrl, repoRoot } from '@insightxi/mysql';
import { buildSite } from './build.ts';
import { ensureChromium } from './chromium.ts';
import { dashboardDatabase } from './database-url.ts';
import { DEFAULT_OUTPUT, FRAMEWORK_BIN, LOADER_CACHE_DIR, PACKAGE_DIR } from './site.ts';
import { formatSizes } from './sizes.ts';

export const USAGE = 'usage: dashboards build|preview|shots|chromium';
export const SHOTS_DIR = join(repoRoot(), 'docs', 'images', 'dashboards');
export const PREVIEW_PORT = 3000;

async function database(env: NodeJS.ProcessEnv): Promise<string> {
  const found = await dashboardDatabase(env);
  console.log(`reading ${redactUrl(found.url)}${found.analyst ? '' : ' (no ANALYST_DATABASE_URL: the project database, as `make demo` filled it)'}`);
  return found.url;
}

async function build(env: NodeJS.ProcessEnv): Promise<number> {
  const report = await buildSite({ databaseUrl: await database(env), output: DEFAULT_OUTPUT, env });
  console.log(`\n${formatSizes(report.pages).join('\n')}`);
  console.log(`\nbuilt ${report.pages.length} pages into ${report.output} in ${report.seconds.toFixed(1)} s`);
  return 0;
}

/** Framework's preview: pages reload as their Markdown or SQL changes; queries rerun when their file does. */
async function preview(env: NodeJS.ProcessEnv): Promise<number> {
  const databaseUrl = await database(env);
  await rm(LOADER_CACHE_DIR, { recursive: true, force: true });
  const child = spawn(process.execPath, [FRAMEWORK_BIN, 'preview', '--port', String(PREVIEW_PORT), '--no-open'], {
    cwd: PACKAGE_DIR,
    env: { ...env, OBSERVABLE_TELEMETRY_DISABLE: 'true', ANALYST_DATABASE_URL: databaseUrl },
    stdio: 'inherit',
  });
  return new Promise((resolve) => {
    child.on('close', (code) => {
      resolve(code ?? 0);
    });
  });
}

async function shots(env: NodeJS.ProcessEnv): Promise<number> {
  // Dev-only modules (the sample database comes from docs-checks): loaded only for this command.
  const { startSampleDatabase } = await import('./sample-site.ts');
  const { serveBuiltSite } = await import('./site-session.ts');
  const { launchBrowser } = await import('./browser.ts');
  const { sampleShots, takeScreenshots } = await import('./shots.ts');
  const { openQueryConnection, querySettings } = await import('./query.ts');
  const executable = ensureChromium(env);
  console.log('filling a sample database (one simulator sync of every season, then three more runs) …');
  const sample = await startSampleDatabase('dashboards_shots');
  try {
    const site = await serveBuiltSite(sample.analyst.url, env);
    const connection = await openQueryConnection(sample.analyst.url, querySettings(env));
    const browser = await launchBrowser(executable);
    try {
      const written = await takeScreenshots(browser, site.url, SHOTS_DIR, await sampleShots(connection));
      for (const path of written) console.log(`wrote ${path}`);
    } finally {
      await browser.close();
      await connection.end();
      await site.stop();
    }
  } finally {
    await sample.stop();
  }
  return 0;
}

export async function runCommand(args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  try {
    switch (args[0]) {
      case 'build':
        return await build(env);
      case 'preview':
        return await preview(env);
      case 'shots':
        return await shots(env);
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
