import { connect } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { buildService, DEFAULT_LIMITS, type App } from '@insightxi/service-kit';
import { listenEphemeral } from '@insightxi/service-kit/testing';

const apps: App[] = [];
afterEach(async () => {
  await Promise.all(apps.splice(0).map((app) => app.close()));
});

async function app(options: Parameters<typeof buildService>[0] = { name: 'limits-test' }): Promise<App> {
  const service = await buildService({ logger: { level: 'silent' }, ...options });
  service.post('/bulk', (request) => ({ bytes: JSON.stringify(request.body).length }));
  apps.push(service);
  return service;
}

/** Writes raw bytes to the server and returns everything it answers before closing. */
function rawExchange(baseUrl: string, bytes: string): Promise<string> {
  const { hostname, port } = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => socket.write(bytes));
    let answer = '';
    socket.on('data', (chunk) => (answer += chunk.toString()));
    socket.on('close', () => { resolve(answer); });
    socket.on('error', reject);
  });
}

function jsonBody(answer: string): Record<string, unknown> {
  return JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4)) as Record<string, unknown>;
}

describe('limits', () => {
  it('listens with the default timeouts, or the ones a service asks for', async () => {
    const defaults = await app();
    await listenEphemeral(defaults);
    expect(defaults.server.requestTimeout).toBe(30_000);
    expect(defaults.server.timeout).toBe(DEFAULT_LIMITS.connectionTimeout);
    expect(defaults.server.keepAliveTimeout).toBe(72_000);

    const patient = await app({ name: 'limits-test', limits: { requestTimeout: 5_000, connectionTimeout: 0 } });
    await listenEphemeral(patient);
    expect(patient.server.requestTimeout).toBe(5_000);
    expect(patient.server.timeout).toBe(0);
  });

  it('refuses a body over the default 10 MiB with 413 in the standard body, and takes one just under it', async () => {
    const service = await app();
    const pad = (bytes: number) => `{"pad":"${'a'.repeat(bytes - 10)}"}`;
    const over = await service.inject({ method: 'POST', url: '/bulk', headers: { 'content-type': 'application/json' }, payload: pad(10 * 1024 * 1024 + 1) });
    expect(over.statusCode).toBe(413);
    expect(over.json()).toEqual({ statusCode: 413, error: 'Payload Too Large', message: 'Request body is too large', requestId: over.headers['x-request-id'] });
    const under = await service.inject({ method: 'POST', url: '/bulk', headers: { 'content-type': 'application/json' }, payload: pad(10 * 1024 * 1024) });
    expect(under.statusCode).toBe(200);
  });

  it('answers what is not HTTP, and oversized headers, in the standard body', async () => {
    const service = await app();
    const baseUrl = await listenEphemeral(service);

    const garbage = await rawExchange(baseUrl, 'NOT HTTP AT ALL\r\n\r\n');
    expect(garbage).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/);
    const body = jsonBody(garbage);
    expect(body).toEqual({ statusCode: 400, error: 'Bad Request', message: 'The request is not valid HTTP', requestId: expect.any(String) as string });
    expect(garbage).toContain(`x-request-id: ${String(body.requestId)}`);

    const huge = await rawExchange(baseUrl, `GET /health/live HTTP/1.1\r\nHost: x\r\nX-Pad: ${'a'.repeat(20_000)}\r\n\r\n`);
    expect(huge).toMatch(/^HTTP\/1\.1 431 /);
    expect(jsonBody(huge)).toMatchObject({ statusCode: 431, message: 'The request headers are too large' });
  });
});
