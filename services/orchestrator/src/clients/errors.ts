import { ServiceCallError } from '@insightxi/http-client';
import { DependencyError } from '../engine/errors.ts';

/** The engine's view of a failed downstream call: who, what, whether waiting may help. */
export function toDependencyError(error: unknown, service: string): unknown {
  if (!(error instanceof ServiceCallError)) return error;
  // 429: the callee is out of budget or overloaded for now; waiting helps.
  const transient = error.transient || error.status === 429;
  return new DependencyError(service, error.message, { status: error.status ?? null, requestId: error.requestId, transient, cause: error });
}
