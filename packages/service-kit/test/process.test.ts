import { describe, expect, it } from 'vitest';
import { startFixture } from './fixtures/process.ts';

const TOKEN = 'fixture-internal-token';
const auth = { authorization: `Bearer ${TOKEN}` };

describe('a service process', () => {
  it('refuses to start without its configuration, naming every missing variable', async () => {
    const fixture = startFixture({ LOG_LEVEL: 'loud', MAX_ITEMS: 'many' });
    expect(await fixture.exit).toBe(1);
    const stderr = fixture.stderr();
    expect(stderr).toContain('Invalid configuration (5 problems)');
    expect(stderr).toContain('INTERNAL_TOKEN: missing');
    expect(stderr).toContain('PORT: missing');
    expect(stderr).toContain('GREETING: missing — what GET /hello answers');
    expect(stderr).toMatch(/LOG_LEVEL: invalid/);
    expect(stderr).toMatch(/MAX_ITEMS: invalid/);
    expect(stderr).not.toContain('    at ');
    expect(fixture.stdout()).toBe('');
  });

  it('finishes an in-flight request after SIGTERM, then exits 0', async () => {
    const fixture = startFixture({ PORT: '0', GREETING: 'hi', INTERNAL_TOKEN: TOKEN });
    const listening = await fixture.waitForLog(/^Server listening at http:\/\/127\.0\.0\.1/);
    const baseUrl = String(listening.msg).replace('Server listening at ', '');
    expect(await (await fetch(`${baseUrl}/hello`, { headers: auth })).json()).toEqual({ greeting: 'hi' });

    const inFlight = fetch(`${baseUrl}/slow?ms=1500`, { headers: { ...auth, 'x-request-id': 'in-flight-1' } });
    await fixture.waitForLog(/^incoming request$/, { reqId: 'in-flight-1' });
    fixture.child.kill('SIGTERM');
    await fixture.waitForLog(/^shutting down$/);

    const response = await inFlight;
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ done: true });
    expect(await fixture.exit).toBe(0);
    await expect(fetch(`${baseUrl}/hello`)).rejects.toThrow();
  });
});
