// Error bodies as SportMonks sends them: small, no envelope.

export interface ApiError {
  status: number;
  body: { message: string; code?: number; link?: string };
}

const DOCS = 'https://docs.sportmonks.com/football/api/error-codes';

export function badRequest(code: number, message: string): ApiError {
  return { status: 400, body: { message, code, link: DOCS } };
}

export const NO_RESULT_MESSAGE =
  "No result(s) found matching your request. Either the query did not return any results or you don't have access to it via your current subscription.";

export const UNAUTHENTICATED: ApiError = { status: 401, body: { message: 'Unauthenticated.' } };

export function forbidden(): ApiError {
  return {
    status: 403,
    body: { message: "You don't have access to this resource with your current subscription.", code: 5007, link: DOCS },
  };
}

/** SportMonks' answer to includes past the endpoint's complexity threshold (sportmonks-details.md §9: 5004; 422 as its complexity guide says). */
export function tooComplex(): ApiError {
  return { status: 422, body: { message: 'The query complexity of your request is too high. Please reduce the number of includes.', code: 5004, link: `${DOCS}/filtering-and-complexity-exceptions` } };
}

/** Word for word what SportMonks answers (shared/docs/sportmonks-details.md §6.2). */
export function includeNotInPlan(name: string): ApiError {
  return { status: 403, body: { message: `You do not have access to the '${name}' include`, code: 5002, link: `${DOCS}/other-exceptions` } };
}

export const NOT_FOUND: ApiError = { status: 404, body: { message: 'The requested endpoint does not exist' } };
