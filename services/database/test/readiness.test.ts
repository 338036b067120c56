import { createServer, connect, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '@insightxi/service-kit';
import { createTestDatabase, migrate, type TestDatabase } from '@insightxi/mysql';
import { testApp } from './app-helpers.ts';
import { MIGRATIONS_DIR } from './helpers.ts';

/** A TCP proxy in front of MySQL that the test can cut and restore, on a port of its own. */
class Proxy {
  private server: Server | undefined;
  private readonly sockets = new Set<Socket>();
  port = 0;

  constructor(private readonly target: { host: string; port: number }) {}

  async start(): Promise<void> {
    const server = createServer((client) => {
      const upstream = connect(this.target);
      for (const socket of [client, upstream]) {
        this.sockets.add(socket);
        socket.on('close', () => this.sockets.delete(socket));
        socket.on('error', () => {
          client.destroy();
          upstream.destroy();
        });
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve) => server.listen(this.port, '127.0.0.1', resolve));
    this.port = (server.address() as AddressInfo).port;
    this.server = server;
  }

  /** MySQL "goes away": open connections are cut and new ones refused. */
  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    const server = this.server;
    if (!server) return;
    await new Promise<void>((resolve) => {
      server.close(() => {
        resolve();
      });
    });
  }
}

let testDb: TestDatabase;
let proxy: Proxy;
let app: App;

beforeAll(async () => {
  testDb = await createTestDatabase({ prefix: 'readiness', migrationsDir: MIGRATIONS_DIR });
  const real = new URL(testDb.url);
  proxy = new Proxy({ host: real.hostname, port: Number(real.port || 3306) });
  await proxy.start();
  const viaProxy = new URL(testDb.url);
  viaProxy.hostname = '127.0.0.1';
  viaProxy.port = String(proxy.port);
  app = await testApp(viaProxy.toString());
});
afterAll(async () => {
  await app.close();
  await proxy.stop();
  await testDb.drop();
});

async function ready(): Promise<{ status: number; mysql: unknown }> {
  const response = await app.inject({ method: 'GET', url: '/health/ready' });
  return { status: response.statusCode, mysql: response.json<{ checks?: Record<string, unknown> }>().checks?.mysql };
}

async function eventually<T>(probe: () => Promise<T>, accept: (value: T) => boolean): Promise<T> {
  let last = await probe();
  for (let i = 0; i < 50 && !accept(last); i++) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    last = await probe();
  }
  return last;
}

describe('/health/ready', () => {
  it('is not ready until every migration the code knows is applied (a deploy whose migration task failed)', async () => {
    const bare = await createTestDatabase({ prefix: 'readiness_unmigrated' });
    const unmigrated = await testApp(bare.url);
    try {
      const before = await unmigrated.inject({ method: 'GET', url: '/health/ready' });
      expect(before.statusCode).toBe(503);
      expect(before.json<{ checks: { migrations: { message: string } } }>().checks.migrations.message).toMatch(/^migrations not applied: 2026\d+_init, /);
      await migrate(bare.url, MIGRATIONS_DIR);
      const after = await unmigrated.inject({ method: 'GET', url: '/health/ready' });
      expect(after.json()).toEqual({ status: 'ok', checks: { mysql: { ok: true }, migrations: { ok: true } } });
    } finally {
      await unmigrated.close();
      await bare.drop();
    }
  });


  it('is ready with MySQL, not ready without it, and ready again when it is back', async () => {
    expect(await ready()).toEqual({ status: 200, mysql: { ok: true } });

    await proxy.stop();
    const down = await eventually(ready, (r) => r.status === 503);
    expect(down.status).toBe(503);
    expect(down.mysql).toMatchObject({ ok: false });
    expect((await app.inject({ method: 'GET', url: '/health/live' })).statusCode).toBe(200);

    await proxy.start();
    const back = await eventually(ready, (r) => r.status === 200);
    expect(back).toEqual({ status: 200, mysql: { ok: true } });
  });
});
