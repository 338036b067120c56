// Sends generated requests in-process and sorts the answers into what a caller would call a bug.
import type { FastifyInstance, InjectOptions } from 'fastify';
import { ErrorBody } from '@insightxi/contracts';
import { Value } from '@sinclair/typebox/value';
import type { BadRequest } from './bad-requests.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * `app.inject`, but a 503 from @fastify/under-pressure (event loop saturated: these checks share
 * two cores with the rest of the suite) is retried after a pause: it answers the machine's load,
 * not the request. Any other 503 is returned as is.
 */
export async function injectSettled(app: FastifyInstance, options: InjectOptions): Promise<Awaited<ReturnType<FastifyInstance['inject']>>> {
  for (let attempt = 1; ; attempt += 1) {
    const response = await app.inject(options);
    const overloaded = response.statusCode === 503 && response.headers['retry-after'] !== undefined && response.body.includes('"message":"Service Unavailable"');
    if (!overloaded || attempt === 20) return response;
    await sleep(250 * attempt);
  }
}

export interface Outcome {
  request: BadRequest;
  status: number;
  /** Why the answer is wrong, or null when it is right. */
  problem: string | null;
}

/** Problems of an error answer's body: it must be the standard `{ statusCode, error, message, requestId }`. */
export function errorBodyProblem(status: number, method: string, body: string, requestIdHeader: unknown): string | null {
  if (method === 'HEAD') return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return `body is not JSON: ${body.slice(0, 80)}`;
  }
  if (!Value.Check(ErrorBody, parsed)) return `body is not the standard error body: ${body.slice(0, 120)}`;
  if (parsed.statusCode !== status) return `body says ${parsed.statusCode}, status is ${status}`;
  if (parsed.requestId !== requestIdHeader) return 'body requestId differs from x-request-id';
  return null;
}

function judge(request: BadRequest, status: number, body: string, requestId: unknown, allowedServerErrors: ReadonlySet<number>): string | null {
  if (status >= 500 && !(allowedServerErrors.has(status) && !request.mustRefuse)) return `answered ${status}: ${body.slice(0, 160)}`;
  if (request.mustRefuse && (status < 400 || status >= 500)) return `accepted with ${status}, expected 4xx`;
  return status >= 400 ? errorBodyProblem(status, request.method, body, requestId) : null;
}

export interface ProbeOptions {
  /**
   * Server errors acceptable for schema-valid hostile requests, e.g. 502/503 from a service whose
   * dependencies are stand-ins that answer nothing useful. Malformed requests never get them.
   */
  allowedServerErrors?: number[];
}

export async function probe(app: FastifyInstance, requests: readonly BadRequest[], options: ProbeOptions = {}): Promise<Outcome[]> {
  const allowed = new Set(options.allowedServerErrors ?? []);
  const outcomes: Outcome[] = [];
  for (const request of requests) {
    const inject: InjectOptions = {
      method: request.method,
      url: request.url,
      headers: request.headers,
      ...(request.payload === undefined ? {} : { payload: request.payload }),
    };
    const response = await injectSettled(app, inject);
    outcomes.push({
      request,
      status: response.statusCode,
      problem: judge(request, response.statusCode, response.body, response.headers['x-request-id'], allowed),
    });
  }
  return outcomes;
}

/** One line per wrong answer, readable in a test diff: `500 GET /leagues/99999999999999999999 (params.id = …): …`. */
export function describeProblems(outcomes: readonly Outcome[]): string[] {
  return outcomes
    .filter((outcome) => outcome.problem !== null)
    .map(({ request, status, problem }) => `${status} ${request.method} ${request.url.slice(0, 120)} [${request.route}: ${request.what}] ${problem ?? ''}`);
}

export interface Tally {
  malformed: number;
  hostile: number;
  statuses: Record<string, number>;
}

export function tally(outcomes: readonly Outcome[]): Tally {
  const statuses: Record<string, number> = {};
  for (const { status } of outcomes) statuses[status] = (statuses[status] ?? 0) + 1;
  return {
    malformed: outcomes.filter((outcome) => outcome.request.mustRefuse).length,
    hostile: outcomes.filter((outcome) => !outcome.request.mustRefuse).length,
    statuses,
  };
}
