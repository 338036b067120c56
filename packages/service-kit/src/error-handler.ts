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
    const message = issue.keyword === 'required' ? 'is required' : (issue.message ?? 'is invalid');
    const key = `${field} ${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
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

function handleError(this: FastifyInstance, error: unknown, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const errorBody = toErrorBody(error, request);
  if (errorBody.statusCode >= 500) {
    request.log.error({ err: error }, 'request failed');
  } else {
    request.log.info({ statusCode: errorBody.statusCode, message: errorBody.message }, 'request rejected');
  }
  if (error instanceof HttpError && error.headers) void reply.headers(error.headers);
  return reply.status(errorBody.statusCode).send(errorBody);
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

export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler(handleError);
  app.setNotFoundHandler(handleNotFound);
}
