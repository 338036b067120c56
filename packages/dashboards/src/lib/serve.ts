// What the container runs: the server first (health answers at once), then a build on start and
// one every interval, each published when it succeeds.
import { rm } from 'node:fs/promises';
import { redactUrl } from '@insightxi/mysql';
import { startService, type App } from '@insightxi/service-kit';
import { buildSite, type BuildReport } from './build.ts';
import type { DashboardsConfig } from './config.ts';
import { nextBuildDir, publishSite } from './publish.ts';
import { scheduleRebuilds } from './rebuild.ts';
import { buildSiteServer } from './server.ts';

export interface RunningDashboards {
  app: App;
  /** Where it listens. */
  url: string;
  /** The first build's outcome (later builds only log theirs). */
  firstBuild: Promise<BuildReport>;
}

export async function serveDashboards(config: DashboardsConfig): Promise<RunningDashboards> {
  const app = await buildSiteServer({ sitesDir: config.DASHBOARDS_SITES_DIR, logger: { level: config.LOG_LEVEL, pretty: config.LOG_PRETTY } });
  let settleFirst: { resolve: (report: BuildReport) => void; reject: (error: unknown) => void } | undefined;
  const firstBuild = new Promise<BuildReport>((resolve, reject) => {
    settleFirst = { resolve, reject };
  });
  // Nobody may be waiting for it (the container): a failed first build is logged below.
  firstBuild.catch(() => undefined);
  const rebuilds = scheduleRebuilds({
    intervalMs: config.DASHBOARDS_REBUILD_MINUTES * 60_000,
    build: async () => {
      const output = nextBuildDir(config.DASHBOARDS_SITES_DIR);
      app.log.info({ database: redactUrl(config.ANALYST_DATABASE_URL) }, 'building the dashboards');
      const report = await buildSite({
        databaseUrl: config.ANALYST_DATABASE_URL,
        output,
        env: { ...process.env, DASHBOARDS_HOURLY_CALL_BUDGET: String(config.DASHBOARDS_HOURLY_CALL_BUDGET) },
      }).catch(async (error: unknown) => {
        await rm(output, { recursive: true, force: true });
        throw error;
      });
      await publishSite(config.DASHBOARDS_SITES_DIR, output);
      app.log.info({ seconds: Number(report.seconds.toFixed(1)), pageDataBytes: Object.fromEntries(report.pages.map((p) => [p.page, p.bytes])) }, 'dashboards built');
      settleFirst?.resolve(report);
    },
    onError: (error) => {
      app.log.error({ err: error }, 'dashboards build failed; the previous site (if any) stays up');
      settleFirst?.reject(error);
    },
  });
  app.addHook('onClose', async () => {
    await rebuilds.stop();
  });
  const url = await startService(app, { port: config.PORT, host: config.HOST, shutdownDelayMs: config.SHUTDOWN_DELAY_MS });
  return { app, url, firstBuild };
}
