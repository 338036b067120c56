import type { FastifyInstance } from 'fastify';
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';
import { probeLogLevel } from './health.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /**
     * This app's Prometheus registry: register the service's own metrics here
     * (`new Counter({ name, help, labelNames, registers: [app.metrics] })`), never in prom-client's
     * global one, so that tests building several apps in one process don't collide.
     */
    metrics: Registry;
  }
}

export const METRICS_PATH = '/metrics';

/** Requests that matched no route share one label value, so scanners can't grow the label set. */
export const UNMATCHED_ROUTE = 'unmatched';

// Seconds; past 10 s for the fetcher's rate-limit waits and the writer's large bulk batches.
const DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120];

let processRegistry: Registry | undefined;

/** CPU, memory, event-loop lag, GC: one set per process, however many apps it builds. */
function processMetrics(): Registry {
  if (processRegistry === undefined) {
    processRegistry = new Registry();
    collectDefaultMetrics({ register: processRegistry });
  }
  return processRegistry;
}

const letThrough = () => undefined;

/**
 * Decorates `app.metrics`, counts and times every request by method, route pattern and status,
 * and serves everything in the Prometheus text format at GET /metrics.
 */
export function installMetrics(app: FastifyInstance, service: string): void {
  const registry = new Registry();
  app.decorate('metrics', registry);

  const labelNames = ['method', 'route', 'status_code'] as const;
  const requests = new Counter({
    name: 'http_requests_total',
    help: 'HTTP requests answered, by method, route pattern and status code',
    labelNames,
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'Time from receiving a request to sending the response, by method, route pattern and status code',
    labelNames,
    buckets: DURATION_BUCKETS,
    registers: [registry],
  });

  app.addHook('onResponse', (request, reply, done) => {
    const labels = {
      method: request.method,
      route: request.routeOptions.url ?? UNMATCHED_ROUTE,
      status_code: String(reply.statusCode),
    };
    requests.inc(labels);
    duration.observe(labels, reply.elapsedTime / 1000);
    done();
  });

  app.get(
    METRICS_PATH,
    {
      logLevel: probeLogLevel(app.log.level),
      // Open like /health: scraped from inside the VPC; overload is when the figures matter most.
      config: { public: true, pressureHandler: letThrough },
      schema: { hide: true },
    },
    async (_request, reply) => {
      const merged = Registry.merge([processMetrics(), registry]);
      merged.setDefaultLabels({ service });
      return reply.type(merged.contentType).send(await merged.metrics());
    },
  );
}
