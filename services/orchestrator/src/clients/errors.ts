import { ServiceCallError } from '@insightxi/http-client';
import { DependencyError } from '../engine/errors.ts';

/** The engine's view of a failed downstream call: who, what, whether waiting may help. */
export function toDependencyError(error: unknown, service: string): unknown {
  if (!(error instanceof ServiceCallError)) return error;
  // 429: the callee is out of budget or overloaded for now; waiting helps. A 502 naming an
  // upstream 4xx is SportMonks refusing the request (token, plan): no retry can change that.
  const transient = (error.transient && upstreamRefusal(error) === null) || error.status === 429;
  return new DependencyError(service, error.message, { status: error.status ?? null, requestId: error.requestId, transient, retryAt: retryAtOf(error), cause: error });
}

/** The SportMonks status behind a fetcher 502 that says SportMonks refused the request. */
function upstreamRefusal(error: ServiceCallError): number | null {
  if (error.status !== 502 || typeof error.body !== 'object' || error.body === null) return null;
  const status = (error.body as { upstreamStatus?: unknown }).upstreamStatus;
  return typeof status === 'number' && status >= 400 && status < 500 && status !== 429 ? status : null;
}

/**
 * The fetcher answers 503 "SportMonks budget for X is spent; it resumes at <ISO time>" when the
 * hourly budget is gone for longer than it waits itself: the run waits until then.
 */
function retryAtOf(error: ServiceCallError): number | null {
  if (error.status !== 503 || typeof error.body !== 'object' || error.body === null) return null;
  const message = (error.body as { message?: unknown }).message;
  if (typeof message !== 'string') return null;
  const at = /resumes at (\S+?)\.?$/.exec(message)?.[1];
  const ms = at === undefined ? Number.NaN : Date.parse(at);
  return Number.isNaN(ms) ? null : ms;
}
