// What the fetcher makes of SportMonks' refusals and failures, against a stand-in that answers
// whatever a test says: the caller gets a 502 naming the upstream status, code and message (never
// the token), and `upstreamStatus` when SportMonks refused the request itself.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getPage, testFetcher, type TestFetcher } from './support/harness.ts';

const API_TOKEN = 'upstream-answers-api-token';
let answer: (req: IncomingMessage, res: ServerResponse) => void = (_req, res) => res.end();
let server: Server;
let fetcher: TestFetcher;
const paths: string[] = [];

const rateLimit = (entity: string) => ({ remaining: 2999, resets_in_seconds: 3000, requested_entity: entity });
const json = (res: ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
};

beforeAll(async () => {
  server = createServer((req, res) => {
    paths.push(req.url ?? '');
    answer(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  fetcher = await testFetcher(url, { SPORTMONKS_API_TOKEN: API_TOKEN, SPORTMONKS_RETRIES: '1' });
});
afterAll(async () => {
  await fetcher.app.close();
  await new Promise((resolve) => server.close(resolve));
});

describe('SportMonks refusing or failing', () => {
  it('names the include a 403 is about: the plan does not cover it', async () => {
    answer = (_req, res) => { json(res, 403, { message: 'You do not have access to this include.', code: 5002, rate_limit: rateLimit('Fixture') }); };
    const { status, body } = await getPage(fetcher.app, 'fixtures', { ids: '19000001' });
    expect(status).toBe(502);
    expect(body).toMatchObject({ upstreamStatus: 403 });
    expect(body.message).toMatch(/403, code 5002: You do not have access to this include\..*include "participants;scores"/);
  });

  it('names any other 4xx with its code and the path, without the token the message quoted', async () => {
    answer = (_req, res) => { json(res, 404, { message: `Unknown resource for token ${API_TOKEN}`, code: '1404' }); };
    const { status, body } = await getPage(fetcher.app, 'teams', { ids: '7' });
    expect(status).toBe(502);
    expect(body).toMatchObject({ upstreamStatus: 404 });
    expect(body.message).toBe('SportMonks answered 404, code 1404: Unknown resource for token [REDACTED] for /football/teams/7');
    expect(JSON.stringify(fetcher.logs.lines())).not.toContain(API_TOKEN);
  });

  it('retries a 5xx, then answers 502 naming it', async () => {
    const before = paths.length;
    answer = (_req, res) => {
      res.writeHead(500, { 'content-type': 'text/html' });
      res.end('<h1>oops</h1>');
    };
    const { status, body } = await getPage(fetcher.app, 'venues', { ids: '3' });
    expect(status).toBe(502);
    expect(body.message).toBe('SportMonks answered 500');
    expect(body).not.toHaveProperty('upstreamStatus');
    expect(paths.length - before).toBe(2);
  });

  it('charges calls to the entity SportMonks names, from then on', async () => {
    answer = (_req, res) => { json(res, 200, { data: { id: 9, name: 'Arena', city_name: null }, rate_limit: rateLimit('Stadium') }); };
    expect((await getPage(fetcher.app, 'venues', { ids: '9' })).status).toBe(200);
    const limits = await fetcher.app.inject({ url: '/rate-limits', headers: { authorization: 'Bearer test-internal-token' } });
    expect(limits.json<{ entities: { entity: string }[] }>().entities.map((e) => e.entity)).toContain('Stadium');
  });
});
