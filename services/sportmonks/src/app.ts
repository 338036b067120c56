// Builds the fetcher: service-kit's Fastify app, then its plugins (the rate limits, the
// SportMonks client and fetcher), then the routes. Not listening; server.ts does that.
import { buildService, fromConfig, type App, type ServiceOverrides } from '@insightxi/service-kit';
import { systemClock, type Clock } from './clock.ts';
import type { FetcherConfig } from './config.ts';
import fetcher from './plugins/fetcher.ts';
import rateLimits from './plugins/rate-limits.ts';
import { entityRoutes } from './routes/entities.ts';
import { mapError } from './routes/errors.ts';
import { rateLimitRoutes } from './routes/rate-limits.ts';

export interface AppOverrides extends ServiceOverrides {
  /** Upstream time; tests share the simulator's fast clock. */
  clock?: Clock;
}

export async function buildApp(config: FetcherConfig, overrides: AppOverrides = {}): Promise<App> {
  const app = await buildService({
    name: 'sportmonks',
    description: 'The only service that talks to SportMonks: validated, normalized pages within the rate limit.',
    ...fromConfig(config, overrides),
    mapError,
  });
  await app.register(rateLimits, { config, clock: overrides.clock ?? systemClock });
  await app.register(fetcher, { config });
  await app.register(entityRoutes);
  await app.register(rateLimitRoutes);
  return app;
}
