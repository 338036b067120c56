// What the client makes of answers that are not the standard JSON ones, and of a callee that
// stops halfway: the caller's error says what came back.
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServiceClient, ServiceCallError, type ServiceClient } from '../src/index.ts';

let server: Server;
let baseUrl: string;
let dropped = 0;
const routes: Record<string, (res: ServerResponse) => void> = {
  '/text': (res) => res.writeHead(502, { 'content-type': 'text/plain' }).end('the gateway said no'),
  '/broken-json': (res) => res.writeHead(500, { 'content-type': 'application/json' }).end('{"statusCode":'),
  '/empty': (res) => res.writeHead(204).end(),
  '/stalls': (res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.write('{"items":[');
  },
  '/drops-once': (res) => {
    if (dropped++ === 0) res.socket?.destroy();
    else res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
  },
};

beforeAll(async () => {
  server = createServer((req, res) => routes[req.url ?? '']?.(res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const failure = async (promise: Promise<unknown>): Promise<ServiceCallError> => {
  const error = await promise.catch((e: unknown) => e);
  if (!(error instanceof ServiceCallError)) throw new Error(`expected a ServiceCallError, got ${String(error)}`);
  return error;
};

function client(options: Partial<Parameters<typeof createServiceClient>[0]> = {}): ServiceClient {
  return createServiceClient({ name: 'callee', baseUrl, retries: { retries: 0 }, ...options });
}

describe('answers that are not standard JSON', () => {
  it('keeps a text body and quotes it in the error', async () => {
    const c = client();
    const error = await failure(c.request({ method: 'GET', path: '/text' }));
    await c.close();
    expect(error).toMatchObject({ status: 502, body: 'the gateway said no' });
    expect(error.message).toContain('failed: 502 the gateway said no');
  });

  it('keeps a JSON body that does not parse as text, and reads an empty answer as nothing', async () => {
    const c = client();
    expect((await failure(c.request({ method: 'GET', path: '/broken-json' }))).body).toBe('{"statusCode":');
    await expect(c.request({ method: 'GET', path: '/empty' })).resolves.toBeUndefined();
    await c.close();
  });
});

describe('a callee that stops halfway', () => {
  it('times out reading a body that stops coming', async () => {
    // undici checks its body timeout on a ~1 s clock.
    const c = client({ timeouts: { bodyMs: 200 } });
    const error = await failure(c.request({ method: 'GET', path: '/stalls' }));
    await c.close();
    expect(error.kind).toBe('timeout');
    expect(error.message).toContain('timed out reading the response body (200 ms without data)');
  });

  it('retries a dropped connection, logging the failure kind', async () => {
    const warnings: string[] = [];
    const c = client({ retries: { retries: 1, minDelayMs: 1, maxDelayMs: 1 }, logger: { warn: (_details, message) => warnings.push(message) } });
    await expect(c.request({ method: 'GET', path: '/drops-once' })).resolves.toEqual({ ok: true });
    await c.close();
    expect(warnings).toEqual([expect.stringMatching(/^callee GET \/drops-once attempt 1 failed \(network\), retrying in \d+ ms$/)]);
  });
});
