import { randomUUID } from 'node:crypto';
import { Pool, errors as undiciErrors } from 'undici';
import pRetry from 'p-retry';
import type { Static, TSchema } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { ServiceCallError, type FailureKind } from './errors.ts';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
type QueryValue = string | number | boolean | undefined | null;
export type Query = Record<string, QueryValue | readonly QueryValue[]>;

export interface Timeouts {
  /** Establishing the TCP connection. */
  connectMs: number;
  /** From sending the request to the callee's response headers. */
  headersMs: number;
  /** Between chunks of the response body. */
  bodyMs: number;
}

export interface RetryPolicy {
  /** Retries after the first attempt. */
  retries: number;
  minDelayMs: number;
  maxDelayMs: number;
  /** No new attempt starts after this much time since the first one. */
  maxTotalMs: number;
}

export interface ServiceClientOptions {
  /** The callee, as it appears in errors: `database`, `sportmonks`. */
  name: string;
  baseUrl: string;
  /** Sent as `Authorization: Bearer <token>`. */
  token?: string | undefined;
  timeouts?: Partial<Timeouts>;
  retries?: Partial<RetryPolicy>;
  /** Connections kept to the callee. */
  connections?: number;
  /** Where retries are reported (pass the service's `app.log`); each line carries the call's `reqId`. */
  logger?: RetryLogger;
}

export interface RetryLogger {
  warn(details: Record<string, unknown>, message: string): void;
}

export interface RequestOptions<S extends TSchema | undefined = undefined> {
  method: HttpMethod;
  path: string;
  query?: Query;
  body?: unknown;
  /** The response body must match it (TypeBox Value.Check), or the call fails with kind `invalid-response`. */
  responseSchema?: S;
  /** Retry this POST/PATCH too: the callee applies it once however often it arrives (e.g. keyed bulk upserts). */
  idempotent?: boolean;
  /** Passed on as `x-request-id`; one is generated when absent so the call can still be traced. */
  requestId?: string;
  signal?: AbortSignal;
  headers?: Record<string, string>;
}

export interface ServiceResponse<T> {
  status: number;
  body: T;
  headers: Record<string, string | string[] | undefined>;
}

export type ResponseOf<S extends TSchema | undefined> = S extends TSchema ? Static<S> : unknown;

export interface ServiceClient {
  readonly name: string;
  readonly baseUrl: string;
  /** The response body, validated when a schema is named. Non-2xx statuses throw ServiceCallError. */
  request<S extends TSchema | undefined = undefined>(options: RequestOptions<S>): Promise<ResponseOf<S>>;
  /** As `request`, with the status and headers too (e.g. to tell 200 from 202). */
  send<S extends TSchema | undefined = undefined>(options: RequestOptions<S>): Promise<ServiceResponse<ResponseOf<S>>>;
  close(): Promise<void>;
}

export const DEFAULT_TIMEOUTS: Timeouts = { connectMs: 2_000, headersMs: 10_000, bodyMs: 10_000 };
export const DEFAULT_RETRIES: RetryPolicy = { retries: 2, minDelayMs: 100, maxDelayMs: 2_000, maxTotalMs: 15_000 };

const IDEMPOTENT_METHODS = new Set<HttpMethod>(['GET', 'PUT', 'DELETE']);

export function buildPath(path: string, query: Query | undefined): string {
  if (query === undefined) return path;
  const params = new URLSearchParams();
  for (const [key, raw] of Object.entries(query)) {
    const values: readonly QueryValue[] = Array.isArray(raw) ? raw : [raw as QueryValue];
    for (const value of values) {
      if (value !== undefined && value !== null) params.append(key, String(value));
    }
  }
  const search = params.toString();
  return search === '' ? path : `${path}${path.includes('?') ? '&' : '?'}${search}`;
}

function classify(error: unknown, signal: AbortSignal | undefined): FailureKind {
  if (signal?.aborted) return 'aborted';
  if (
    error instanceof undiciErrors.ConnectTimeoutError ||
    error instanceof undiciErrors.HeadersTimeoutError ||
    error instanceof undiciErrors.BodyTimeoutError
  ) {
    return 'timeout';
  }
  return 'network';
}

function describe(error: unknown, kind: FailureKind, timeouts: Timeouts): string {
  if (error instanceof undiciErrors.ConnectTimeoutError) return `timed out connecting after ${timeouts.connectMs} ms`;
  if (error instanceof undiciErrors.HeadersTimeoutError) return `timed out waiting for the response after ${timeouts.headersMs} ms`;
  if (error instanceof undiciErrors.BodyTimeoutError) return `timed out reading the response body (${timeouts.bodyMs} ms without data)`;
  if (kind === 'aborted') return 'aborted by the caller';
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : undefined;
  const message = error instanceof Error ? error.message : String(error);
  return code === undefined ? message : `${code} ${message}`;
}

function parseBody(text: string, contentType: string | undefined): unknown {
  if (text === '') return undefined;
  if (contentType?.includes('json')) {
    try {
      return JSON.parse(text);
    } catch {
      return text;
    }
  }
  return text;
}

function validationSummary(schema: TSchema, value: unknown): string {
  const problems = [...Value.Errors(schema, value)].slice(0, 5).map((e) => `${e.path === '' ? '/' : e.path} ${e.message}`);
  return problems.join('; ');
}

export function createServiceClient(options: ServiceClientOptions): ServiceClient {
  const timeouts: Timeouts = { ...DEFAULT_TIMEOUTS, ...options.timeouts };
  const retry: RetryPolicy = { ...DEFAULT_RETRIES, ...options.retries };
  const origin = new URL(options.baseUrl);
  const basePath = origin.pathname.replace(/\/$/, '');
  const pool = new Pool(origin.origin, {
    connections: options.connections ?? 16,
    connectTimeout: timeouts.connectMs,
    headersTimeout: timeouts.headersMs,
    bodyTimeout: timeouts.bodyMs,
  });

  async function attempt<S extends TSchema | undefined>(
    request: RequestOptions<S>,
    requestId: string,
    attemptNumber: number,
  ): Promise<ServiceResponse<ResponseOf<S>>> {
    const details = { service: options.name, method: request.method, path: request.path, requestId, attempts: attemptNumber };
    const headers: Record<string, string> = { accept: 'application/json', 'x-request-id': requestId, ...request.headers };
    if (options.token !== undefined && options.token !== '') headers.authorization = `Bearer ${options.token}`;
    let payload: string | undefined;
    if (request.body !== undefined) {
      payload = JSON.stringify(request.body);
      headers['content-type'] = 'application/json';
    }

    let status: number;
    let responseHeaders: Record<string, string | string[] | undefined>;
    let text: string;
    try {
      const response = await pool.request({
        method: request.method,
        path: buildPath(`${basePath}${request.path}`, request.query),
        headers,
        body: payload ?? null,
        signal: request.signal ?? null,
      });
      status = response.statusCode;
      responseHeaders = response.headers;
      text = await response.body.text();
    } catch (error) {
      const kind = classify(error, request.signal);
      throw new ServiceCallError({ ...details, kind, cause: error }, describe(error, kind, timeouts));
    }

    const contentType = responseHeaders['content-type'];
    const body = parseBody(text, Array.isArray(contentType) ? contentType[0] : contentType);
    if (status < 200 || status >= 300) {
      throw new ServiceCallError({ ...details, kind: 'status', status, body }, `HTTP ${status}`);
    }
    if (request.responseSchema !== undefined && !Value.Check(request.responseSchema, body)) {
      throw new ServiceCallError(
        { ...details, kind: 'invalid-response', status },
        `the response does not match the expected schema: ${validationSummary(request.responseSchema, body)}`,
      );
    }
    return { status, body: body as ResponseOf<S>, headers: responseHeaders };
  }

  async function send<S extends TSchema | undefined = undefined>(request: RequestOptions<S>): Promise<ServiceResponse<ResponseOf<S>>> {
    const requestId = request.requestId ?? randomUUID();
    const retryable = request.idempotent ?? IDEMPOTENT_METHODS.has(request.method);
    let attempts = 0;
    try {
      // The error that escapes is the last attempt's, so it already counts every attempt made.
      return await pRetry(
        () => {
          attempts += 1;
          return attempt(request, requestId, attempts);
        },
        {
          retries: retryable ? retry.retries : 0,
          minTimeout: retry.minDelayMs,
          maxTimeout: retry.maxDelayMs,
          maxRetryTime: retry.maxTotalMs,
          randomize: true,
          shouldRetry: ({ error }) => error instanceof ServiceCallError && error.transient,
          onFailedAttempt: ({ error, retriesLeft, retryDelay }) => {
            if (!(error instanceof ServiceCallError) || !error.transient || retriesLeft === 0 || !retryable) return;
            options.logger?.warn(
              { reqId: requestId, service: options.name, method: request.method, path: request.path, kind: error.kind, status: error.status, attempt: error.attempts, retryInMs: retryDelay },
              `${options.name} ${request.method} ${request.path} attempt ${error.attempts} failed (${error.status ?? error.kind}), retrying in ${retryDelay} ms`,
            );
          },
          ...(request.signal ? { signal: request.signal } : {}),
        },
      );
    } catch (error) {
      if (error instanceof ServiceCallError || request.signal?.aborted !== true) throw error;
      // p-retry rejects with the signal's reason when the caller aborts between attempts.
      throw new ServiceCallError(
        { service: options.name, method: request.method, path: request.path, requestId, attempts, kind: 'aborted', cause: error },
        'aborted by the caller',
      );
    }
  }

  return {
    name: options.name,
    baseUrl: options.baseUrl,
    send,
    async request(request) {
      return (await send(request)).body;
    },
    close: () => pool.close(),
  };
}
