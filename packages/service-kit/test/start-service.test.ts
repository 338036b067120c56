import { describe, expect, it } from 'vitest';
import { buildService, startService } from '@insightxi/service-kit';

describe('startService', () => {
  it('listens where it is told, shuts down on close, and leaves no signal handler behind', async () => {
    const before = process.listenerCount('SIGTERM');
    const app = await buildService({ name: 'start-test', logger: { level: 'silent' } });
    app.get('/hello', () => ({ hello: 'world' }));
    const address = await startService(app, { port: 0, host: '127.0.0.1', shutdownDelayMs: 1_000 });
    expect(address).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(process.listenerCount('SIGTERM')).toBe(before + 1);
    expect(await (await fetch(`${address}/hello`)).json()).toEqual({ hello: 'world' });
    await app.close();
    expect(process.listenerCount('SIGTERM')).toBe(before);
    await expect(fetch(`${address}/hello`)).rejects.toThrow();
  });
});
