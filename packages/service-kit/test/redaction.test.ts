import { afterEach, describe, expect, it } from 'vitest';
import { buildService, type App } from '@insightxi/service-kit';
import { captureLogs } from '@insightxi/service-kit/testing';

const SECRETS = ['hdr-token-1a2b3c', 'query-token-4d5e6f', 'db-pass-7g8h9i', 'body-token-0j1k2l'];
const apps: App[] = [];
afterEach(async () => {
  await Promise.all(apps.splice(0).map((app) => app.close()));
});

describe('log redaction', () => {
  it('keeps tokens in headers, URL queries, URLs and logged objects out of the log output', async () => {
    const logs = captureLogs();
    const app = await buildService({ name: 'redaction-test', logger: { level: 'debug', stream: logs.stream } });
    apps.push(app);
    app.get('/fetch', (request) => {
      request.log.info({ headers: request.headers }, 'headers as received');
      request.log.info({ upstream: `https://api.sportmonks.com/v3/football/fixtures?api_token=${SECRETS[1]}&page=2` }, 'calling upstream');
      request.log.info({ config: { password: SECRETS[2], token: SECRETS[3] } }, 'config');
      throw new Error(`connect failed for mysql://insightxi:${SECRETS[2]}@db:3306/insightxi`);
    });

    const res = await app.inject({
      url: `/fetch?api_token=${SECRETS[1]}&page=2`,
      headers: { authorization: `Bearer ${SECRETS[0]}`, 'x-request-id': 'redact-1' },
    });
    expect(res.statusCode).toBe(500);

    const output = logs.text();
    for (const secret of SECRETS) expect(output).not.toContain(secret);
    expect(res.body).not.toContain(SECRETS[2]);
    // The lines are still there, with the secrets replaced: redaction must not drop the log line.
    const lines = logs.forRequest('redact-1');
    const messages = lines.map((l) => l.msg);
    expect(messages).toEqual(expect.arrayContaining(['incoming request', 'headers as received', 'calling upstream', 'config', 'request failed']));
    expect(output).toContain('api_token=[REDACTED]&page=2');
    expect(output).toContain('mysql://insightxi:[REDACTED]@db:3306');
    const headersLine = lines.find((l) => l.msg === 'headers as received') as { headers: Record<string, string> } | undefined;
    expect(headersLine?.headers.authorization).toBe('[REDACTED]');
  });
});
