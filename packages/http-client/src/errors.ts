/** Why a call failed: the callee answered with an error status, never answered in time, was unreachable, or answered something we can't use. */
export type FailureKind = 'status' | 'timeout' | 'network' | 'invalid-response' | 'aborted';

export interface ServiceCallErrorDetails {
  service: string;
  method: string;
  /** Path without the query string (queries may carry values that don't belong in logs). */
  path: string;
  kind: FailureKind;
  /** The callee's HTTP status, when it answered. */
  status?: number | undefined;
  /** The callee's error body (its standard `{ statusCode, error, message, requestId }` or whatever it sent). */
  body?: unknown;
  requestId: string;
  attempts: number;
  cause?: unknown;
}

function calleeMessage(body: unknown): string | undefined {
  if (typeof body === 'object' && body !== null && 'message' in body && typeof body.message === 'string') return body.message;
  if (typeof body === 'string' && body !== '') return body.slice(0, 200);
  return undefined;
}

/** A failed call to another service; carries what the callee said, never the token. */
export class ServiceCallError extends Error {
  readonly service: string;
  readonly method: string;
  readonly path: string;
  readonly kind: FailureKind;
  readonly status: number | undefined;
  readonly body: unknown;
  readonly requestId: string;
  readonly attempts: number;

  constructor(details: ServiceCallErrorDetails, reason: string) {
    const said = calleeMessage(details.body);
    const status = details.status === undefined ? '' : ` ${details.status}`;
    const tries = details.attempts > 1 ? `, ${details.attempts} attempts` : '';
    super(`${details.service} ${details.method} ${details.path} failed:${status} ${said ?? reason} (request id ${details.requestId}${tries})`, {
      cause: details.cause,
    });
    this.name = 'ServiceCallError';
    this.service = details.service;
    this.method = details.method;
    this.path = details.path;
    this.kind = details.kind;
    this.status = details.status;
    this.body = details.body;
    this.requestId = details.requestId;
    this.attempts = details.attempts;
  }

  /** Worth another attempt: the callee may succeed next time. 4xx and bad responses won't. */
  get transient(): boolean {
    if (this.kind === 'timeout' || this.kind === 'network') return true;
    return this.kind === 'status' && this.status !== undefined && this.status >= 500;
  }
}
