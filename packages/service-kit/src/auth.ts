import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { HttpError } from './errors.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** A route that needs no internal token (health, docs, or a route guarded by its own hook). */
    public?: boolean;
    /** @fastify/under-pressure's per-route override (its types don't declare it). */
    pressureHandler?: (request: FastifyRequest, reply: FastifyReply, type: string, value: number | undefined) => Promise<void> | void;
  }
}

const digest = (value: string) => createHash('sha256').update(value).digest();

/** Equal-length digests make the comparison constant-time whatever the candidate's length. */
export function tokenMatches(candidate: string, expected: string): boolean {
  return timingSafeEqual(digest(candidate), digest(expected));
}

function bearerToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (header === undefined) return undefined;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match?.[1];
}

export type AuthHook = (request: FastifyRequest, reply: FastifyReply) => Promise<void>;

/**
 * An onRequest/preHandler hook that answers 401 unless `Authorization: Bearer <token>` carries
 * one of the accepted tokens (several, so a token can be rotated without downtime).
 */
export function bearerAuth(token: string | readonly string[]): AuthHook {
  const accepted = typeof token === 'string' ? [token] : [...token];
  if (accepted.length === 0 || accepted.some((t) => t.length === 0)) {
    throw new Error('bearerAuth needs a non-empty token');
  }
  return (request) => {
    const candidate = bearerToken(request);
    const ok = candidate !== undefined && accepted.map((t) => tokenMatches(candidate, t)).includes(true);
    if (!ok) {
      return Promise.reject(
        new HttpError(401, candidate === undefined ? 'Missing bearer token' : 'Invalid bearer token', {
          headers: { 'www-authenticate': 'Bearer' },
        }),
      );
    }
    return Promise.resolve();
  };
}

const OPEN_PREFIXES = ['/health/', '/docs'];

export function isOpenRoute(request: FastifyRequest): boolean {
  if (request.routeOptions.config.public === true) return true;
  const url = request.routeOptions.url;
  return url !== undefined && OPEN_PREFIXES.some((prefix) => url.startsWith(prefix));
}

/** The service-wide guard: every route but the open ones needs the internal token. */
export function internalAuth(token: string): AuthHook {
  const check = bearerAuth(token);
  return (request, reply) => (isOpenRoute(request) ? Promise.resolve() : check(request, reply));
}
