// What each route the operations guide calls must answer: the schemas of packages/contracts.
import type { TSchema } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import {
  FetchPage,
  FreshnessResponse,
  HealthStatus,
  QuarantineList,
  RateLimitsResponse,
  Season,
  SyncAccepted,
  SyncRunSummary,
  SyncRunSummaryList,
} from '@insightxi/contracts';
import type { HttpCall } from './curl.ts';

interface Shape {
  method: string;
  path: RegExp;
  schema: TSchema | null;
  /** What else the answer must say. */
  check?: (body: unknown) => string | null;
}

const succeeded = (body: unknown) =>
  (body as { status?: unknown }).status === 'succeeded' ? null : `the run did not succeed: ${JSON.stringify(body)}`;

// First match wins.
const SHAPES: Shape[] = [
  { method: 'POST', path: /\/sync\/runs\/\d+\/cancel$/, schema: SyncRunSummary },
  { method: 'POST', path: /\/sync\/runs\/\d+\/resume$/, schema: SyncAccepted },
  { method: 'POST', path: /\/sync\/[a-z]+\?(.*&)?wait=true/, schema: SyncRunSummary, check: succeeded },
  { method: 'POST', path: /\/sync\/[a-z]+/, schema: SyncAccepted },
  { method: 'GET', path: /\/sync\/runs\/\d+$/, schema: SyncRunSummary },
  { method: 'GET', path: /\/sync\/runs(\?|$)/, schema: SyncRunSummaryList },
  { method: 'GET', path: /\/quarantine(\?|$)/, schema: QuarantineList },
  { method: 'GET', path: /\/rate-limits$/, schema: RateLimitsResponse },
  { method: 'GET', path: /\/freshness(\?|$)/, schema: FreshnessResponse },
  { method: 'GET', path: /\/seasons(\?|$)/, schema: FetchPage(Season) },
  {
    method: 'GET',
    path: /\/health\/(ready|live)$/,
    schema: HealthStatus,
    check: (body) => ((body as { status?: unknown }).status === 'ok' ? null : `not healthy: ${JSON.stringify(body)}`),
  },
  { method: 'GET', path: /\/metrics$/, schema: null },
];

/** Problems with one recorded call: a status that is not 2xx, or a body that breaks the contract. */
export function problemsOf(call: HttpCall): string[] {
  const where = `${call.method} ${call.url} → ${call.status}`;
  if (call.status < 200 || call.status > 299) return [`${where}: ${call.body.slice(0, 300)}`];
  const shape = SHAPES.find((s) => s.method === call.method && s.path.test(call.url));
  if (!shape) return [`${where}: no expected shape for this route (add one to src/shapes.ts)`];
  if (shape.schema === null) return [];
  let body: unknown;
  try {
    body = JSON.parse(call.body);
  } catch {
    return [`${where}: not JSON: ${call.body.slice(0, 200)}`];
  }
  const schema = shape.schema;
  if (!Value.Check(schema, body)) {
    const first = Value.Errors(schema, body).First();
    return [`${where}: does not match the contract at ${first?.path ?? '/'}: ${first?.message ?? ''}`];
  }
  const extra = shape.check?.(body);
  return extra ? [`${where}: ${extra}`] : [];
}
