// A built site served on a free local port: what the browser checks and the screenshots look at.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSite, type BuildReport } from './build.ts';
import { nextBuildDir, publishSite } from './publish.ts';
import { buildSiteServer } from './server.ts';

export interface SiteSession {
  /** http://127.0.0.1:<port> */
  url: string;
  report: BuildReport;
  stop(): Promise<void>;
}

export async function serveBuiltSite(databaseUrl: string, env: NodeJS.ProcessEnv = process.env): Promise<SiteSession> {
  const sitesDir = await mkdtemp(join(tmpdir(), 'dashboards-site-'));
  try {
    const output = nextBuildDir(sitesDir);
    const report = await buildSite({ databaseUrl, output, env });
    await publishSite(sitesDir, output);
    const app = await buildSiteServer({ sitesDir, logger: { level: 'warn' } });
    const url = await app.listen({ port: 0, host: '127.0.0.1' });
    return {
      url,
      report,
      stop: async () => {
        await app.close();
        await rm(sitesDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await rm(sitesDir, { recursive: true, force: true });
    throw error;
  }
}
