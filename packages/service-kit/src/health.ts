import { HealthStatus } from '@insightxi/contracts';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Static } from '@sinclair/typebox';
import { pino, type LevelWithSilent } from 'pino';
import { scrubSecrets } from './redact.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** Adds a check to GET /health/ready (a plugin that owns a dependency declares it: `app.addReadinessCheck('mysql', ping)`). */
    addReadinessCheck(name: string, check: ReadinessCheck): void;
  }
}

/** A readiness check resolves when its dependency is usable and throws (or rejects) when not. */
export type ReadinessCheck = () => Promise<unknown>;

export interface HealthOptions {
  checks: Record<string, ReadinessCheck>;
  /** From @fastify/under-pressure: the service is overloaded and should get no traffic for now. */
  underPressure: () => boolean;
  /** Per check; a check that takes longer counts as failed. */
  timeoutMs: number;
}

type Health = Static<typeof HealthStatus>;
type CheckResult = { ok: boolean; message?: string };

async function runCheck(check: ReadinessCheck, timeoutMs: number): Promise<CheckResult> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      reject(new Error(`timed out after ${timeoutMs} ms`));
    }, timeoutMs);
  });
  try {
    await Promise.race([check(), timeout]);
    return { ok: true };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, message: scrubSecrets(message) };
  } finally {
    clearTimeout(timer);
  }
}

export async function readiness(options: HealthOptions): Promise<Health> {
  const entries: (readonly [string, CheckResult])[] = await Promise.all(
    Object.entries(options.checks).map(async ([name, check]) => [name, await runCheck(check, options.timeoutMs)] as const),
  );
  if (options.underPressure()) entries.push(['load', { ok: false, message: 'under pressure (event loop or memory)' }]);
  return { status: entries.every(([, result]) => result.ok) ? 'ok' : 'unavailable', checks: Object.fromEntries(entries) };
}

/** Probes hit these every few seconds: log them at warn, unless the service is quieter still. */
export function probeLogLevel(serviceLevel: string): LevelWithSilent {
  const value = serviceLevel === 'silent' ? Infinity : (pino.levels.values[serviceLevel] ?? 0);
  return value > (pino.levels.values.warn ?? 40) ? (serviceLevel as LevelWithSilent) : 'warn';
}

// Under pressure, liveness stays 200 (the process is fine, restarting it would not help) and
// readiness answers its own 503 body naming the `load` check, instead of under-pressure's error.
const letThrough = () => undefined;

export const healthRoutes: FastifyPluginAsyncTypebox<HealthOptions> = (app, options) => {
  const logLevel = probeLogLevel(app.log.level);
  const config = { pressureHandler: letThrough };
  app.get(
    '/health/live',
    {
      logLevel,
      config,
      schema: { tags: ['health'], summary: 'The process is up', response: { 200: HealthStatus } },
    },
    () => ({ status: 'ok' as const }),
  );
  app.get(
    '/health/ready',
    {
      logLevel,
      config,
      schema: {
        tags: ['health'],
        summary: 'Every dependency answers (503 names the failing checks)',
        response: { 200: HealthStatus, 503: HealthStatus },
      },
    },
    async (request, reply) => {
      const health = await readiness(options);
      if (health.status !== 'ok') {
        request.log.warn({ checks: health.checks }, 'not ready');
        return reply.status(503).send(health);
      }
      return health;
    },
  );
  return Promise.resolve();
};
