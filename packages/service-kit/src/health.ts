import { HealthStatus } from '@insightxi/contracts';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Static } from '@sinclair/typebox';
import { scrubSecrets } from './redact.ts';

/** A readiness check resolves when its dependency is usable and throws (or rejects) when not. */
export type ReadinessCheck = () => Promise<unknown>;

export interface HealthOptions {
  checks: Record<string, ReadinessCheck>;
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
  const names = Object.keys(options.checks);
  const results = await Promise.all(names.map((name) => runCheck(options.checks[name] ?? (() => Promise.resolve()), options.timeoutMs)));
  const checks = Object.fromEntries(names.map((name, i) => [name, results[i] ?? { ok: false }]));
  return { status: results.every((r) => r.ok) ? 'ok' : 'unavailable', checks };
}

export const healthRoutes: FastifyPluginAsyncTypebox<HealthOptions> = (app, options) => {
  app.get(
    '/health/live',
    {
      logLevel: 'warn',
      schema: { tags: ['health'], summary: 'The process is up', response: { 200: HealthStatus } },
    },
    () => ({ status: 'ok' as const }),
  );
  app.get(
    '/health/ready',
    {
      logLevel: 'warn',
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
