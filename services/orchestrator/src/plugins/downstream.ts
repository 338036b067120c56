// The fetcher and the writer as the engine sees them (app.downstream): over
// @insightxi/http-client, or the stand-ins a test passes.
import { createServiceClient, type ServiceClient } from '@insightxi/http-client';
import fp from 'fastify-plugin';
import { httpFetcher } from '../clients/fetcher-client.ts';
import { httpWriter } from '../clients/writer-client.ts';
import type { OrchestratorConfig } from '../config.ts';
import type { Fetcher, Writer } from '../engine/ports.ts';

declare module 'fastify' {
  interface FastifyInstance {
    downstream: { fetcher: Fetcher; writer: Writer };
  }
}

export interface DownstreamOptions {
  config: OrchestratorConfig;
  /** Stand-ins for the downstream services (tests). */
  fetcher?: Fetcher | undefined;
  writer?: Writer | undefined;
}

export default fp<DownstreamOptions>(
  (app, { config, ...standIns }) => {
    const downstream = (name: string, baseUrl: string): ServiceClient =>
      createServiceClient({
        name,
        baseUrl,
        token: config.INTERNAL_TOKEN,
        timeouts: { headersMs: config.DOWNSTREAM_TIMEOUT_MS, bodyMs: config.DOWNSTREAM_TIMEOUT_MS },
        // No retries of its own: the run's retries (RETRY_*) decide, log and can fail the run.
        retries: { retries: 0 },
      });
    const database = downstream('database', config.DATABASE_SERVICE_URL);
    const sportmonks = downstream('sportmonks', config.SPORTMONKS_SERVICE_URL);
    app.addReadinessCheck('database', () => database.request({ method: 'GET', path: '/health/live' }));
    app.addReadinessCheck('sportmonks', () => sportmonks.request({ method: 'GET', path: '/health/live' }));
    app.decorate('downstream', { fetcher: standIns.fetcher ?? httpFetcher(sportmonks), writer: standIns.writer ?? httpWriter(database) });
    app.addHook('onClose', async () => {
      await Promise.all([database.close(), sportmonks.close()]);
    });
    return Promise.resolve();
  },
  { name: 'downstream' },
);
