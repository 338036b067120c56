// The writer's errors as HTTP answers, for service-kit's one error handler: the repositories'
// DomainErrors (404, 409 with the running run, 422, 503) and values MariaDB refuses for their
// column (422).
import { HttpError, type ErrorMapper } from '@insightxi/service-kit';
import { DomainError, fromColumnRefusal } from '../errors.ts';

export const mapError: ErrorMapper = (thrown) => {
  const error = thrown instanceof DomainError ? thrown : fromColumnRefusal(thrown);
  return error === null ? undefined : new HttpError(error.statusCode, error.message, { details: error.details, cause: thrown });
};
