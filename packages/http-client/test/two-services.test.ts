import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request as httpRequest } from 'undici';
import { Type } from '@sinclair/typebox';
import { buildService, HttpError, type App } from '@insightxi/service-kit';
import { captureLogs, listenEphemeral, type CapturedLogs } from '@insightxi/service-kit/testing';
import { createServiceClient, ServiceCallError, type ServiceClient } from '@insightxi/http-client';

const INTERNAL_TOKEN = 'internal-token-7f3a9c';
const Item = Type.Object({ id: Type.Integer(), name: Type.String() });

let downstream: App;
let upstream: App;
let downstreamLogs: CapturedLogs;
let downstreamUrl: string;
let upstreamUrl: string;
let client: ServiceClient;
const hits = new Map<string, number>();
const hit = (key: string) => {
  const n = (hits.get(key) ?? 0) + 1;
  hits.set(key, n);
  return n;
};

function clientFor(overrides: Partial<Parameters<typeof createServiceClient>[0]> = {}): ServiceClient {
  return createServiceClient({
    name: 'downstream',
    baseUrl: downstreamUrl,
    token: INTERNAL_TOKEN,
    timeouts: { connectMs: 500, headersMs: 2_000, bodyMs: 2_000 },
    retries: { retries: 2, minDelayMs: 5, maxDelayMs: 20 },
    ...overrides,
  });
}

async function failure(promise: Promise<unknown>): Promise<ServiceCallError> {
  const error: unknown = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof ServiceCallError)) throw new Error(`expected a ServiceCallError, got ${String(error)}`);
  return error;
}

beforeAll(async () => {
  downstreamLogs = captureLogs();
  downstream = await buildService({ name: 'downstream', internalTokens: [INTERNAL_TOKEN], logger: { stream: downstreamLogs.stream } });
  downstream.get('/items/:id', { schema: { params: Type.Object({ id: Type.Integer() }), response: { 200: Item } } }, (request) => {
    request.log.info({ itemId: request.params.id }, 'reading item');
    return { id: request.params.id, name: `item ${request.params.id}` };
  });
  downstream.get('/always-failing', () => {
    hit('always-failing');
    throw new Error('connection pool exhausted');
  });
  downstream.get('/flaky/:key', { schema: { params: Type.Object({ key: Type.String() }) } }, (request) => {
    if (hit(request.params.key) < 3) throw new HttpError(503, 'warming up');
    return { id: 1, name: 'finally' };
  });
  downstream.post('/upserts', { schema: { body: Type.Object({ ids: Type.Array(Type.Integer()) }) } }, () => {
    hit('upserts');
    throw new HttpError(503, 'database unavailable');
  });
  downstream.get('/slow', async () => {
    await new Promise((resolve) => setTimeout(resolve, 5_000));
    return { id: 1, name: 'late' };
  });
  downstream.get('/v1/ping', { schema: { querystring: Type.Object({ n: Type.Integer() }) } }, (request) => ({ pong: request.query.n }));
  downstream.get('/wrong-shape', () => ({ id: 'seven', name: 7 }));
  downstream.get('/missing', () => {
    hit('missing');
    throw new HttpError(404, 'no such item');
  });
  downstreamUrl = await listenEphemeral(downstream);
  client = clientFor();

  upstream = await buildService({ name: 'upstream', logger: { level: 'silent' } });
  upstream.get('/proxy/:id', { schema: { params: Type.Object({ id: Type.Integer() }) } }, (request) =>
    client.request({ method: 'GET', path: `/items/${request.params.id}`, responseSchema: Item, requestId: request.id }),
  );
  upstreamUrl = await listenEphemeral(upstream);
});

afterAll(async () => {
  await client.close();
  await upstream.close();
  await downstream.close();
});

describe('two services on real ports', () => {
  it('carries the request id sent to the first service into the second one’s logs', async () => {
    const res = await httpRequest(`${upstreamUrl}/proxy/42`, { headers: { 'x-request-id': 'trace-abc-123' } });
    expect(res.statusCode).toBe(200);
    expect(await res.body.json()).toEqual({ id: 42, name: 'item 42' });
    const lines = downstreamLogs.forRequest('trace-abc-123');
    expect(lines.map((l) => l.msg)).toContain('reading item');
    expect(lines.map((l) => l.msg)).toContain('request completed');
  });

  it('retries a downstream 5xx, then reports the callee’s status, body and request id', async () => {
    const error = await failure(client.request({ method: 'GET', path: '/always-failing', requestId: 'req-5xx' }));
    expect(hits.get('always-failing')).toBe(3);
    expect(error.status).toBe(500);
    expect(error.kind).toBe('status');
    expect(error.attempts).toBe(3);
    expect(error.requestId).toBe('req-5xx');
    expect(error.body).toEqual({ statusCode: 500, error: 'Internal Server Error', message: 'Internal Server Error', requestId: 'req-5xx' });
    expect(error.message).toBe('downstream GET /always-failing failed: 500 Internal Server Error (request id req-5xx, 3 attempts)');
  });

  it('returns the answer when a retry succeeds, logging each retry with the request id', async () => {
    const warnings: { details: Record<string, unknown>; message: string }[] = [];
    const logged = clientFor({ logger: { warn: (details, message) => warnings.push({ details, message }) } });
    try {
      await expect(logged.request({ method: 'GET', path: '/flaky/a', responseSchema: Item, requestId: 'req-flaky' })).resolves.toEqual({ id: 1, name: 'finally' });
    } finally {
      await logged.close();
    }
    expect(hits.get('a')).toBe(3);
    expect(warnings.map((w) => w.message)).toEqual([
      expect.stringMatching(/^downstream GET \/flaky\/a attempt 1 failed \(503\), retrying in \d+ ms$/),
      expect.stringMatching(/^downstream GET \/flaky\/a attempt 2 failed \(503\), retrying in \d+ ms$/),
    ]);
    expect(warnings.every((w) => w.details.reqId === 'req-flaky')).toBe(true);
  });

  it('does not retry a POST unless the caller marks it idempotent', async () => {
    const once = await failure(client.request({ method: 'POST', path: '/upserts', body: { ids: [1] } }));
    expect(once.status).toBe(503);
    expect(hits.get('upserts')).toBe(1);
    await failure(client.request({ method: 'POST', path: '/upserts', body: { ids: [1] }, idempotent: true }));
    expect(hits.get('upserts')).toBe(4);
  });

  it('never retries a 4xx', async () => {
    const error = await failure(client.request({ method: 'GET', path: '/missing' }));
    expect(error.status).toBe(404);
    expect(error.message).toContain('no such item');
    expect(hits.get('missing')).toBe(1);
    const invalid = await failure(client.request({ method: 'POST', path: '/upserts', body: { ids: ['x'] }, idempotent: true }));
    expect(invalid.status).toBe(400);
    expect(invalid.body).toMatchObject({ fields: [{ field: 'body.ids.0' }] });
  });

  it('fails a slow downstream with a clear timeout error', async () => {
    // undici checks its headers timeout on a ~1 s clock, so the downstream is much slower than that.
    const impatient = clientFor({ timeouts: { headersMs: 200 }, retries: { retries: 1, minDelayMs: 5, maxDelayMs: 5 } });
    try {
      const error = await failure(impatient.request({ method: 'GET', path: '/slow', requestId: 'req-slow' }));
      expect(error.kind).toBe('timeout');
      expect(error.status).toBeUndefined();
      expect(error.attempts).toBe(2);
      expect(error.message).toBe('downstream GET /slow failed: timed out waiting for the response after 200 ms (request id req-slow, 2 attempts)');
    } finally {
      await impatient.close();
    }
  });

  it('stops when the caller aborts, with an aborted error', async () => {
    const controller = new AbortController();
    setTimeout(() => {
      controller.abort();
    }, 50);
    const error = await failure(client.request({ method: 'GET', path: '/slow', signal: controller.signal }));
    expect(error.kind).toBe('aborted');
    expect(error.attempts).toBe(1);
    expect(error.message).toContain('aborted by the caller');
  });

  it('rejects a response that does not match the named schema', async () => {
    const error = await failure(client.request({ method: 'GET', path: '/wrong-shape', responseSchema: Item }));
    expect(error.kind).toBe('invalid-response');
    expect(error.attempts).toBe(1);
    expect(error.message).toContain('/id Expected integer');
  });

  it('is refused without the internal token, and never puts the token in its errors', async () => {
    const anonymous = clientFor({ token: undefined });
    const wrong = clientFor({ token: 'not-the-token' });
    try {
      expect((await failure(anonymous.request({ method: 'GET', path: '/items/1' }))).status).toBe(401);
      const error = await failure(wrong.request({ method: 'GET', path: '/items/1' }));
      expect(error.status).toBe(401);
      expect(error.attempts).toBe(1);
      const everything = JSON.stringify(Object.getOwnPropertyNames(error).map((key) => [key, String(Reflect.get(error, key))]));
      expect(everything).toContain('Invalid bearer token');
      expect(everything).not.toContain('not-the-token');
    } finally {
      await anonymous.close();
      await wrong.close();
    }
  });

  it('keeps a path prefix of the base URL and sends the query', async () => {
    const prefixed = clientFor({ baseUrl: `${downstreamUrl}/v1/` });
    try {
      await expect(prefixed.send({ method: 'GET', path: '/ping', query: { n: 3 } })).resolves.toMatchObject({ status: 200, body: { pong: 3 } });
    } finally {
      await prefixed.close();
    }
  });

  it('reports an unreachable service as a network error', async () => {
    const closed = await buildService({ name: 'gone', logger: { level: 'silent' } });
    const url = await listenEphemeral(closed);
    await closed.close();
    const gone = createServiceClient({ name: 'gone', baseUrl: url, retries: { retries: 1, minDelayMs: 5, maxDelayMs: 5 } });
    try {
      const error = await failure(gone.request({ method: 'GET', path: '/health/live' }));
      expect(error.kind).toBe('network');
      expect(error.attempts).toBe(2);
      expect(error.message).toContain('ECONNREFUSED');
    } finally {
      await gone.close();
    }
  });
});
