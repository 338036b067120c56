// The engine's errors as HTTP answers, for service-kit's one error handler: 409 naming the active
// run, 404, 400 for a bad scope, 503/502 when a dependency cannot be reached or refuses.
import { HttpError, type ErrorMapper } from '@insightxi/service-kit';
import { DependencyError, RunConflictError } from '../engine/errors.ts';
import { RunNotFoundError, RunStateError } from '../engine/manager.ts';
import { ScopeError } from '../engine/scope.ts';
import { runLink } from '../engine/summary.ts';

export const mapError: ErrorMapper = (error) => {
  if (error instanceof RunConflictError) {
    const activeRunId = error.activeRunId;
    return new HttpError(409, error.message, { details: { activeRunId, ...(activeRunId === null ? {} : { links: { active: runLink(activeRunId) } }) } });
  }
  if (error instanceof RunStateError) return new HttpError(409, error.message, { details: { activeRunId: null } });
  if (error instanceof RunNotFoundError) return new HttpError(404, error.message);
  if (error instanceof ScopeError) return new HttpError(400, `Invalid scope: ${error.message}`);
  if (error instanceof DependencyError) return new HttpError(error.transient ? 503 : 502, `${error.service} failed: ${error.message}`, { cause: error });
  return undefined;
};
