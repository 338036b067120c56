// The live poller of the latest-updated feed (app.live): started by server.ts when LIVE_POLL_MS > 0.
import fp from 'fastify-plugin';
import type { OrchestratorConfig } from '../config.ts';
import { LivePoller } from '../engine/live-poller.ts';

declare module 'fastify' {
  interface FastifyInstance {
    live: LivePoller;
  }
}

export interface LiveOptions {
  config: OrchestratorConfig;
  now?: (() => number) | undefined;
}

export default fp<LiveOptions>(
  (app, { config, now }) => {
    const live = new LivePoller({ ...app.downstream, log: app.log.child({ component: 'live' }), settings: config, now });
    app.decorate('live', live);
    app.addHook('onClose', () => live.stop());
    return Promise.resolve();
  },
  { name: 'live', dependencies: ['downstream'] },
);
