import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Static } from '@sinclair/typebox';
import type { ErrorBody } from '@insightxi/contracts';
import { HttpError, statusText, type FieldError } from './errors.ts';
import { REQUEST_ID_HEADER } from './request-id.ts';

type ErrorBodyType = Static<typeof ErrorBody>;

interface AjvIssue {
  instancePath: string;
  message?: string;
  keyword: string;
  params: Record<string, unknown>;
}

/** `body.league.id`: the request part, then the JSON path, dot-separated. */
function fieldName(context: string | undefined, issue: AjvIssue): string {
  const segments = issue.instancePath.split('/').filter((s) => s !== '');
  const missing = issue.params.missingProperty;
  if (issue.keyword === 'required' && typeof missing === 'string') segments.push(missing);
  const extra = issue.params.additionalProperty;
  if (issue.keyword === 'additionalProperties' && typeof extra === 'string') segments.push(extra);
  return [context ?? 'body', ...segments].join('.');
}

export function validationFields(error: FastifyError): FieldError[] {
  const issues = (error.validation ?? []) as AjvIssue[];
  const fields: FieldError[] = [];
  const seen = new Set<string>();
  for (const issue of issues) {
    const field = fieldName(error.validationContext, issue);
    // One entry per field: its first problem (a missing field is also "not a string").
    if (seen.has(field)) continue;
    seen.add(field);
    const message = issue.keyword === 'required' ? 'is required' : (issue.message ?? 'is invalid');
    fields.push({ field, message });
  }
  return fields;
}

function body(statusCode: number, message: string, request: FastifyRequest, fields?: FieldError[]): ErrorBodyType {
  return {
    statusCode,
    error: statusText(statusCode),
    message,
    requestId: request.id,
    ...(fields && fields.length > 0 ? { fields } : {}),
  };
}

function isFastifyError(error: unknown): error is FastifyError {
  return error instanceof Error && 'code' in error;
}

/**
 * A service's typed domain errors as the HttpErrors they stand for (`undefined`: not one of them).
 * The one place a service says which of its errors is a 404, a 409, a 503.
 */
export type ErrorMapper = (error: unknown) => HttpError | undefined;

const UNAUTHORIZED: Record<string, string> = {
  FST_BEARER_AUTH_MISSING_AUTHORIZATION_HEADER: 'Missing bearer token',
  FST_BEARER_AUTH_INVALID_AUTHORIZATION_HEADER: 'Invalid bearer token',
};

/** @fastify/bearer-auth's refusals, with the challenge header RFC 6750 asks for. */
function fromBearerAuth(error: unknown): HttpError | undefined {
  const message = isFastifyError(error) ? UNAUTHORIZED[error.code] : undefined;
  return message === undefined ? undefined : new HttpError(401, message, { headers: { 'www-authenticate': 'Bearer' } });
}

/** The error as the caller sees it: an HttpError when something maps it to one, else as thrown. */
export function toHttpError(error: unknown, mapError: ErrorMapper = () => undefined): unknown {
  if (error instanceof HttpError) return error;
  return mapError(error) ?? fromBearerAuth(error) ?? error;
}

export function toErrorBody(error: unknown, request: FastifyRequest): ErrorBodyType {
  if (error instanceof HttpError) {
    return { ...error.details, ...body(error.statusCode, error.message, request, error.fields) };
  }
  if (isFastifyError(error) && error.validation) {
    const fields = validationFields(error);
    const message = `Invalid request: ${fields.map((f) => `${f.field} ${f.message}`).join('; ')}`;
    return body(400, message, request, fields);
  }
  const statusCode = isFastifyError(error) && typeof error.statusCode === 'number' ? error.statusCode : 500;
  if (statusCode >= 400 && statusCode < 500) {
    // Fastify's own 4xx (malformed JSON, body too large, unsupported media type) describe the request, not us.
    return body(statusCode, error instanceof Error ? error.message : statusText(statusCode), request);
  }
  return body(statusCode, statusText(statusCode), request);
}

function errorHandler(mapError: ErrorMapper) {
  return function handleError(this: FastifyInstance, thrown: unknown, request: FastifyRequest, reply: FastifyReply): FastifyReply {
    const error = toHttpError(thrown, mapError);
    const errorBody = toErrorBody(error, request);
    if (errorBody.statusCode >= 500) {
      request.log.error({ err: thrown }, 'request failed');
    } else {
      request.log.info({ statusCode: errorBody.statusCode, message: errorBody.message }, 'request rejected');
    }
    if (error instanceof HttpError && error.headers) void reply.headers(error.headers);
    return reply.status(errorBody.statusCode).send(errorBody);
  };
}

function handleNotFound(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const message = `Route ${request.method} ${request.url.split('?')[0] ?? ''} not found`;
  request.log.info({ statusCode: 404 }, 'route not found');
  return reply.status(404).send(body(404, message, request));
}

// The router's own refusals happen before any route or hook, so they get their body here; their
// messages would repeat the path, which can be long or hostile.
const FRAMEWORK_MESSAGES: Record<string, string> = {
  FST_ERR_BAD_URL: 'The URL is not valid (a bad percent-encoding?)',
  FST_ERR_MAX_PARAM_LENGTH: 'A path parameter is too long',
};

/** Fastify's `frameworkErrors` option: malformed URLs and over-long path parameters in the standard body. */
export function frameworkErrors(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const statusCode = typeof error.statusCode === 'number' ? error.statusCode : 400;
  request.log.info({ statusCode, code: error.code }, 'request rejected');
  void reply
    .status(statusCode)
    .header(REQUEST_ID_HEADER, request.id)
    .send(body(statusCode, FRAMEWORK_MESSAGES[error.code] ?? statusText(statusCode), request));
}

/** The one error handler of a service: every error of every route and hook ends here. */
export function installErrorHandling(app: FastifyInstance, mapError?: ErrorMapper): void {
  app.setErrorHandler(errorHandler(mapError ?? (() => undefined)));
  app.setNotFoundHandler(handleNotFound);
}
