// Bearer tokens with @fastify/bearer-auth (constant-time compare, several keys: a rotation
// accepts the current and the previous token). Its failures go through the one error handler,
// which answers them in the standard body (error-handler.ts).
import bearerAuthPlugin from '@fastify/bearer-auth';
import type { FastifyInstance, FastifyReply, FastifyRequest, onRequestHookHandler } from 'fastify';
import fp from 'fastify-plugin';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Not behind the internal token: open by design (health, docs) or guarded by its scope's own tokens (`requireBearer`). */
    public?: boolean;
    /** @fastify/under-pressure's per-route override (its types don't declare it). */
    pressureHandler?: (request: FastifyRequest, reply: FastifyReply, type: string, value: number | undefined) => Promise<void> | void;
  }
}

const OPEN_PREFIXES = ['/health/', '/docs'];

export function isOpenRoute(request: FastifyRequest): boolean {
  if (request.routeOptions.config.public === true) return true;
  const url = request.routeOptions.url;
  return url !== undefined && OPEN_PREFIXES.some((prefix) => url.startsWith(prefix));
}

/** An onRequest hook answering 401 unless `Authorization: Bearer <token>` carries one of `tokens`. */
export function bearerCheck(app: FastifyInstance, tokens: readonly string[]): onRequestHookHandler {
  if (tokens.length === 0 || tokens.some((t) => t.length === 0)) throw new Error('a bearer check needs non-empty tokens');
  const factory = app.verifyBearerAuthFactory;
  if (factory === undefined) throw new Error('bearerCheck needs an app made by buildService');
  // rfc6749: the scheme is case-insensitive, as it always was here.
  return factory({ keys: [...tokens], addHook: false, specCompliance: 'rfc6749', verifyErrorLogLevel: 'debug' });
}

/**
 * Every route of this scope needs one of `tokens` instead of the internal token (the
 * orchestrator's operator routes). Call it first in the scope: it only sees routes added after it.
 */
export function requireBearer(scope: FastifyInstance, tokens: readonly string[]): void {
  scope.addHook('onRoute', (route) => {
    route.config = { ...route.config, public: true };
  });
  scope.addHook('onRequest', bearerCheck(scope, tokens));
}

/** The service-wide guard: with internal tokens, every route but the open ones needs one of them. */
export const internalAuth = fp<{ tokens: readonly string[] }>(
  async (app, { tokens }) => {
    await app.register(bearerAuthPlugin, { keys: [], addHook: false });
    if (tokens.length === 0) return;
    const check = bearerCheck(app, tokens);
    app.addHook('onRequest', function guard(request, reply, done) {
      if (isOpenRoute(request)) done();
      else check.call(this, request, reply, done);
    });
  },
  { name: 'internal-auth' },
);
