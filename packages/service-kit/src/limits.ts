import { randomUUID } from 'node:crypto';
import type { Socket } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { statusText } from './errors.ts';
import { REQUEST_ID_HEADER } from './request-id.ts';

/** How much a client may send and how long it may take; every service gets these unless it overrides them. */
export interface Limits {
  /** Largest request body in bytes; more is refused with 413. Bulk pages of 1,000 fixtures are ~1 MiB. */
  bodyLimit: number;
  /** Time to receive a whole request (headers and body); slower clients get 408. Guards against slow-loris. */
  requestTimeout: number;
  /**
   * An idle socket is closed after this long, also while a handler is still working on its answer:
   * longer than any caller waits for us (the orchestrator gives its dependencies 120 s). A route that
   * holds requests open for longer (the orchestrator's `?wait=true`) needs it raised.
   */
  connectionTimeout: number;
  /** How long an idle keep-alive connection stays open: above the ALB's 60 s idle timeout, so the ALB closes first. */
  keepAliveTimeout: number;
}

export const DEFAULT_LIMITS: Limits = {
  bodyLimit: 10 * 1024 * 1024,
  requestTimeout: 30_000,
  connectionTimeout: 600_000,
  keepAliveTimeout: 72_000,
};

const CLIENT_ERRORS: Record<string, { statusCode: number; message: string }> = {
  ERR_HTTP_REQUEST_TIMEOUT: { statusCode: 408, message: 'The request was not received in time' },
  HPE_HEADER_OVERFLOW: { statusCode: 431, message: 'The request headers are too large' },
};

/**
 * Node answers errors of the HTTP layer itself (unparsable requests, request timeouts, oversized
 * headers) before Fastify sees a request; this gives them the standard error body too.
 */
export function clientErrorHandler(this: FastifyInstance, error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const { statusCode, message } = CLIENT_ERRORS[error.code ?? ''] ?? { statusCode: 400, message: 'The request is not valid HTTP' };
  const requestId = randomUUID();
  const body = JSON.stringify({ statusCode, error: statusText(statusCode), message, requestId });
  this.log.info({ statusCode, code: error.code, reqId: requestId }, 'client error');
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${statusCode} ${statusText(statusCode)}\r\nContent-Type: application/json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\n${REQUEST_ID_HEADER}: ${requestId}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}
