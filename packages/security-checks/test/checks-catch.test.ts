// A check that cannot fail proves nothing: the probes, run against a service that answers badly
// on purpose, name every wrong answer.
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeProblems, errorBodyProblem, probe, probeAuth, type BadRequest } from '../src/index.ts';

let careless: FastifyInstance;

beforeAll(async () => {
  careless = Fastify();
  careless.get('/crash', (_request, reply) => reply.status(500).send({ statusCode: 500, error: 'Internal Server Error', message: 'boom', requestId: 'x' }));
  careless.get('/accepts', () => ({ ok: true }));
  careless.get('/html', (_request, reply) => reply.status(400).type('text/html').send('<h1>bad</h1>'));
  careless.get('/loose', (_request, reply) => reply.status(400).send({ error: 'bad' }));
  careless.get('/mislabelled', (_request, reply) => reply.status(400).header('x-request-id', 'a').send({ statusCode: 422, error: 'x', message: 'x', requestId: 'a' }));
  careless.get('/other-id', (_request, reply) => reply.status(400).header('x-request-id', 'a').send({ statusCode: 400, error: 'x', message: 'x', requestId: 'b' }));
  careless.get('/busy', (_request, reply) => reply.status(503).header('x-request-id', 'b').send({ statusCode: 503, error: 'x', message: 'stand-in down', requestId: 'b' }));
  careless.get('/open-door', () => ({ secret: 'data' }));
  await careless.ready();
});
afterAll(async () => {
  await careless.close();
});

const request = (url: string, mustRefuse = true): BadRequest => ({ route: `GET ${url}`, what: 'a malformed id', method: 'GET', url, headers: {}, mustRefuse });

describe('the bad-request probe', () => {
  it('names a 5xx, an accepted malformed request and every non-standard error body', async () => {
    const outcomes = await probe(careless, ['/crash', '/accepts', '/html', '/loose', '/mislabelled', '/other-id'].map((url) => request(url)));
    expect(outcomes.map((o) => o.problem)).toEqual([
      expect.stringMatching(/^answered 500/),
      'accepted with 200, expected 4xx',
      expect.stringMatching(/^body is not JSON/),
      expect.stringMatching(/^body is not the standard error body/),
      'body says 422, status is 400',
      'body requestId differs from x-request-id',
    ]);
    expect(describeProblems(outcomes)).toHaveLength(6);
    expect(describeProblems(outcomes)[1]).toMatch(/^200 GET \/accepts \[GET \/accepts: a malformed id\] accepted with 200/);
  });

  it('lets a hostile but valid request meet an allowed dependency failure, never a malformed one', async () => {
    const [hostile, malformed] = await probe(careless, [request('/busy', false), request('/busy', true)], { allowedServerErrors: [503] });
    expect(hostile?.problem).toBeNull();
    expect(malformed?.problem).toMatch(/^answered 503/);
  });

  it('does not judge the body of a HEAD answer', () => {
    expect(errorBodyProblem(400, 'HEAD', '', undefined)).toBeNull();
  });
});

describe('the auth probe', () => {
  it('names a route that lets a caller in without the token', async () => {
    const { failures } = await probeAuth(careless, [{ method: 'GET', url: '/open-door', schema: undefined, config: undefined }], 'the-right-token-0123');
    expect(failures.length).toBeGreaterThan(0);
    expect(failures[0]).toMatchObject({ route: 'GET /open-door', status: 200, problem: 'expected 401, got 200' });
  });
});
