import { ErrorBody } from '@insightxi/contracts';

/** `response: { 200: Team, ...errorResponses(400, 404) }`: documents the error statuses a route can answer. */
export function errorResponses<const C extends readonly number[]>(...codes: C): Record<C[number], typeof ErrorBody> {
  return Object.fromEntries(codes.map((code) => [code, ErrorBody])) as Record<C[number], typeof ErrorBody>;
}
