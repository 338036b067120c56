// Serves the current build of the site, with the team's health routes, request ids and JSON logs
// (service-kit). /health/ready fails until a first build has been published.
import { access } from 'node:fs/promises';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import { buildService, type App, type LoggerOptions } from '@insightxi/service-kit';
import { CURRENT } from './publish.ts';

export interface SiteServerOptions {
  sitesDir: string;
  logger?: LoggerOptions;
}

export async function buildSiteServer(options: SiteServerOptions): Promise<App> {
  const root = join(options.sitesDir, CURRENT);
  const app = await buildService({
    name: 'dashboards',
    description: 'The analysts\' dashboards: a static site rebuilt from the analyst account',
    docs: false,
    ...(options.logger ? { logger: options.logger } : {}),
    readiness: { site: () => access(join(root, 'index.html')) },
  });
  // Framework links pages without ".html" (/league-table); `current` may not exist before the first build.
  // A per-season dashboard is a folder (/team/ and /team/<season>): /team redirects to /team/.
  await app.register(fastifyStatic, { root, suppressWarning: true, extensions: ['html'], redirect: true, wildcard: true, cacheControl: true, maxAge: '5m' });
  return app;
}
