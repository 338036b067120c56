import type { FastifyInstance } from 'fastify';
import { DomainError, fromColumnRefusal } from '../errors.ts';

/**
 * Answers DomainErrors (404/409/422 from the repositories) and values MariaDB refuses for their
 * column (422) in the team's error format, with their extra fields; anything else goes on to the
 * service-kit's handler.
 */
export function answerDomainErrors(app: FastifyInstance): void {
  app.setErrorHandler((thrown, request, reply) => {
    const error = thrown instanceof DomainError ? thrown : fromColumnRefusal(thrown);
    if (error === null) throw thrown;
    request.log.info({ statusCode: error.statusCode, message: error.message }, 'request rejected');
    return reply.status(error.statusCode).send({
      statusCode: error.statusCode,
      error: { 404: 'Not Found', 409: 'Conflict', 422: 'Unprocessable Entity', 503: 'Service Unavailable' }[error.statusCode],
      message: error.message,
      requestId: request.id,
      ...error.details,
    });
  });
}
