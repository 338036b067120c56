// The engine's errors as HTTP answers: 409 naming the active run, 404, 400 for a bad scope,
// 503 when the writer cannot be reached to record the run.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { HttpError } from '@insightxi/service-kit';
import { DependencyError, RunConflictError } from '../engine/errors.ts';
import { RunNotFoundError, RunStateError } from '../engine/manager.ts';
import { ScopeError } from '../engine/scope.ts';
import { runLink } from '../engine/summary.ts';

/**
 * Runs `action`; on a conflict sends the 409 (naming the active run) itself and returns null,
 * or without a reply throws it as a plain 409. Other errors become HttpErrors.
 */
export async function mapEngineErrors<T>(request: FastifyRequest, reply: FastifyReply | null, action: () => Promise<T>): Promise<T | null> {
  try {
    return await action();
  } catch (error) {
    if (error instanceof RunConflictError || error instanceof RunStateError) {
      if (reply === null) throw new HttpError(409, error.message);
      const activeRunId = error instanceof RunConflictError ? error.activeRunId : null;
      await reply.code(409).send({
        statusCode: 409,
        error: 'Conflict',
        message: error.message,
        requestId: request.id,
        activeRunId,
        ...(activeRunId === null ? {} : { links: { active: runLink(activeRunId) } }),
      });
      return null;
    }
    if (error instanceof RunNotFoundError) throw new HttpError(404, error.message);
    if (error instanceof ScopeError) throw new HttpError(400, `Invalid scope: ${error.message}`);
    if (error instanceof DependencyError) {
      throw new HttpError(error.transient ? 503 : 502, `${error.service} failed: ${error.message}`, { cause: error });
    }
    throw error;
  }
}
