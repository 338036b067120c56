// The fetcher's errors as HTTP answers, for service-kit's one error handler: each FetchError
// carries the status its caller gets (400 bad scope, 502, 503 + Retry-After, 504).
import { HttpError, type ErrorMapper } from '@insightxi/service-kit';
import { FetchError, UpstreamRefusedError } from '../upstream/errors.ts';

export const mapError: ErrorMapper = (error) => {
  if (!(error instanceof FetchError)) return undefined;
  return new HttpError(error.statusCode, error.message, {
    cause: error,
    ...(error.headers ? { headers: error.headers } : {}),
    // Lets the orchestrator tell a refusal (fail the run now) from an outage (retry).
    ...(error instanceof UpstreamRefusedError ? { details: { upstreamStatus: error.upstreamStatus } } : {}),
  });
};
