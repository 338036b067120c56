// Malformed and hostile requests for every route of a service, generated from the routes' own
// schemas: bad path params, bad query values, unknown parameters, broken JSON, wrong content
// types, huge bodies, bad field values, missing fields, path traversal.
import type { RegisteredRoute } from '@insightxi/service-kit/testing';
import { BAD_DATES, badJsonValues, badStrings, fits, sample, type JsonSchema } from './schema-values.ts';

export interface BadRequest {
  /** `POST /sync/:entity` */
  route: string;
  /** What is wrong with it, for the report. */
  what: string;
  method: string;
  url: string;
  headers: Record<string, string>;
  payload?: string;
  /**
   * True: invalid by the route's own schema, or by HTTP itself: the answer must be 4xx.
   * False: fits the schema but is hostile (huge ids, long strings): any answer but 5xx.
   */
  mustRefuse: boolean;
}

export interface GenerateOptions {
  /** Headers every request carries (the token, so that the requests reach validation). */
  headers: Record<string, string>;
  /** The service's body limit: one byte more is sent to a few routes. */
  bodyLimit: number;
  /** How many routes get an oversized body (each one allocates it). */
  oversizedRoutes?: number;
}

const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH']);
const OPEN_PREFIXES = ['/health/', '/docs', '/metrics'];

/** Routes open by design: health probes, the OpenAPI docs and the Prometheus scrape. */
export function isOpenByDesign(url: string): boolean {
  return OPEN_PREFIXES.some((prefix) => url.startsWith(prefix));
}

interface RouteSchemas {
  params?: JsonSchema;
  querystring?: JsonSchema;
  body?: JsonSchema;
}

function schemasOf(route: RegisteredRoute): RouteSchemas {
  return (route.schema ?? {}) as RouteSchemas;
}

function paramNames(url: string): string[] {
  return [...url.matchAll(/:(\w+)/g)].map((match) => match[1] ?? '');
}

function validParams(route: RegisteredRoute): Record<string, string> {
  const properties = schemasOf(route).params?.properties ?? {};
  return Object.fromEntries(
    paramNames(route.url).map((name) => {
      const schema = properties[name];
      const value = schema ? sample(schema) : undefined;
      return [name, typeof value === 'string' || typeof value === 'number' ? String(value) : '1'];
    }),
  );
}

function fillPath(url: string, params: Record<string, string>): string {
  return url.replace(/:(\w+)/g, (_, name: string) => params[name] ?? '1');
}

function queryString(query: Record<string, string | string[]>): string {
  const parts = Object.entries(query).flatMap(([key, value]) =>
    [value].flat().map((item) => `${encodeURIComponent(key)}=${encodeURIComponent(item)}`),
  );
  return parts.length === 0 ? '' : `?${parts.join('&')}`;
}

const isRealDate = (value: unknown): boolean => !BAD_DATES.includes(value as string);

/** A request carrying a date that is not a calendar date must be refused, whatever a pattern lets through. */
function refuses(schema: JsonSchema, value: unknown, convert: boolean): boolean {
  return !fits(schema, value, convert) || !isRealDate(value);
}

export function generateBadRequests(routes: readonly RegisteredRoute[], options: GenerateOptions): BadRequest[] {
  const cases: BadRequest[] = [];
  const json = { ...options.headers, 'content-type': 'application/json' };
  let oversizedLeft = options.oversizedRoutes ?? 3;
  // POST /x and PUT /x/:id share one record schema: its fields are fuzzed once.
  const fuzzedBodies = new Set<unknown>();

  for (const route of routes) {
    // HEAD is GET without the body: the same validation, nothing more to learn.
    if (isOpenByDesign(route.url) || route.url.includes('*') || route.method === 'OPTIONS' || route.method === 'HEAD') continue;
    const name = `${route.method} ${route.url}`;
    const schemas = schemasOf(route);
    const params = validParams(route);
    const baseQuery = (schemas.querystring ? (sample(schemas.querystring) ?? {}) : {}) as Record<string, string>;
    const hasBody = BODY_METHODS.has(route.method);
    const baseBody = hasBody && schemas.body ? sample(schemas.body) : undefined;
    const bodyPayload = baseBody === undefined ? {} : { payload: JSON.stringify(baseBody) };
    const add = (what: string, mustRefuse: boolean, request: { path?: string; query?: Record<string, string | string[]>; payload?: string; headers?: Record<string, string> }) => {
      const payload = request.payload ?? bodyPayload.payload;
      cases.push({
        route: name,
        what,
        method: route.method,
        url: (request.path ?? fillPath(route.url, params)) + queryString(request.query ?? baseQuery),
        headers: request.headers ?? (payload === undefined ? options.headers : json),
        ...(payload === undefined ? {} : { payload }),
        mustRefuse,
      });
    };

    // Path parameters: bad ids, traversal, injection.
    const paramSchema = schemas.params;
    for (const param of paramNames(route.url)) {
      const schema = paramSchema?.properties?.[param] ?? { type: 'string' };
      const values = [...badStrings(schema), '..%2F..%2Fetc%2Fpasswd', 'a'.repeat(150)];
      for (const value of values) {
        const raw = value.includes('%2F') ? value : encodeURIComponent(value);
        add(`params.${param} = ${JSON.stringify(value.slice(0, 40))}`, refuses(schema, value, true), {
          path: fillPath(route.url, { ...params, [param]: raw }),
        });
      }
    }

    // Query strings: each parameter wrong, unknown ones, duplicates, prototype keys.
    const query = schemas.querystring;
    if (query?.properties) {
      for (const [key, schema] of Object.entries(query.properties)) {
        for (const value of badStrings(schema)) {
          const candidate = { ...baseQuery, [key]: value };
          add(`query.${key} = ${JSON.stringify(value.slice(0, 40))}`, refuses(query, candidate, true) || !isRealDate(value), { query: candidate });
        }
        const first = Object.keys(query.properties)[0];
        if (key === first) add(`query.${key} given twice`, refuses(query, { ...baseQuery, [key]: ['1', '2'] }, true), { query: { ...baseQuery, [key]: ['1', '2'] } });
      }
      for (const unknown of ['unknown_param', '__proto__', 'constructor[prototype][admin]', 'api_token']) {
        const candidate = { ...baseQuery, [unknown]: '1' };
        add(`unknown query parameter ${unknown}`, query.additionalProperties === false, { query: candidate });
      }
    }

    if (!hasBody) continue;

    // Transport: what no route can parse, then (routes with a body schema) documents of the wrong shape.
    const brokenJson = ['{', '{"a":', "{'a':1}", '[1,2,', '{"a":1}}', 'nul', '\u0000'];
    for (const payload of brokenJson) add(`invalid JSON ${JSON.stringify(payload)}`, true, { payload, headers: json });
    add('empty JSON body', true, { payload: '', headers: json });
    add('__proto__ in the body', true, { payload: '{"__proto__":{"admin":true}}', headers: json });
    add('constructor.prototype in the body', true, { payload: '{"constructor":{"prototype":{"admin":true}}}', headers: json });
    for (const [type, payload] of [
      ['application/xml', '<scope><leagues>8</leagues></scope>'],
      ['application/x-www-form-urlencoded', 'leagues=8'],
      ['multipart/form-data; boundary=x', '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--x--'],
      ['application/octet-stream', '\u0001\u0002'],
    ] as const) {
      add(`content-type ${type}`, true, { payload, headers: { ...options.headers, 'content-type': type } });
    }
    if (schemas.body) {
      add('content-type text/plain', true, { payload: 'hello', headers: { ...options.headers, 'content-type': 'text/plain' } });
      add('JSON nested 10,000 deep', true, { payload: '['.repeat(10_000) + ']'.repeat(10_000), headers: json });
    }
    if (oversizedLeft > 0) {
      oversizedLeft -= 1;
      add(`body over the ${options.bodyLimit}-byte limit`, true, {
        payload: `{"pad":"${'a'.repeat(options.bodyLimit)}"}`,
        headers: json,
      });
    }

    // Fields: each one wrong, each required one missing, unknown ones; and one level into arrays of records.
    const body = schemas.body;
    if (!body || body.type !== 'object' || !body.properties || fuzzedBodies.has(body)) continue;
    fuzzedBodies.add(body);
    const base = (baseBody ?? {}) as Record<string, unknown>;
    for (const candidate of documentsOf(body, base)) {
      add(candidate.what, refuses(body, candidate.document, false) || !isRealDate(candidate.value), { payload: JSON.stringify(candidate.document), headers: json });
    }
    for (const document of ['[]', '42', '"scope"', 'true']) add(`body ${document}`, true, { payload: document, headers: json });
  }
  return cases;
}

interface Candidate {
  what: string;
  document: unknown;
  value: unknown;
}

function documentsOf(body: JsonSchema, base: Record<string, unknown>): Candidate[] {
  const out: Candidate[] = [];
  for (const [key, schema] of Object.entries(body.properties ?? {})) {
    for (const value of badJsonValues(schema)) {
      out.push({ what: `body.${key} = ${describe(value)}`, document: { ...base, [key]: value }, value });
    }
    if (body.required?.includes(key)) {
      const { [key]: _dropped, ...rest } = base;
      out.push({ what: `body.${key} missing`, document: rest, value: undefined });
    }
    const items = schema.type === 'array' ? schema.items : undefined;
    const record = items?.type === 'object' ? (sample(items) as Record<string, unknown> | undefined) : undefined;
    if (items?.properties && record !== undefined) {
      for (const [field, fieldSchema] of Object.entries(items.properties)) {
        for (const value of badJsonValues(fieldSchema).slice(0, 3)) {
          out.push({ what: `body.${key}[0].${field} = ${describe(value)}`, document: { ...base, [key]: [{ ...record, [field]: value }] }, value });
        }
      }
    }
  }
  out.push({ what: 'body with an unknown property', document: { ...base, unknownField: 1 }, value: undefined });
  return out;
}

function describe(value: unknown): string {
  const text = JSON.stringify(value);
  return text.length > 40 ? `${text.slice(0, 37)}… (${text.length} chars)` : text;
}

/** URLs no route serves: traversal and probing for files. */
export function unknownRouteRequests(headers: Record<string, string>): BadRequest[] {
  const paths = [
    '/../../etc/passwd',
    '/%2e%2e/%2e%2e/etc/passwd',
    '/..%2f..%2fetc%2fpasswd',
    '/etc/passwd%00.json',
    '/.env',
    '/.git/config',
    '/admin',
    '/%00',
    `/${'a'.repeat(3000)}`,
    '//etc/passwd',
    '/docs/static/..%2f..%2f..%2fpackage.json',
    '/docs/static/../../package.json',
    '/health/../.env',
    '/metrics/../.env',
    '/leagues/%E0%A4%A',
    '/%',
  ];
  return paths.flatMap((path) =>
    ['GET', 'POST'].map((method) => ({ route: 'unknown', what: `path ${path.slice(0, 40)}`, method, url: path, headers, mustRefuse: true })),
  );
}
