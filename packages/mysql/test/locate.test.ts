import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mariadb from 'mariadb';
import { afterAll, describe, expect, it } from 'vitest';
import { canConnect, connectionConfig, createTestDatabase, findMariadbd, privateServer, resolveAdminUrl, resolveDatabaseUrl, resolveServerUrl } from '../src/index.ts';

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

describe('finding a database', () => {
  it('uses DATABASE_URL when it is set, as given', async () => {
    const env = { DATABASE_URL: 'mysql://app:secret@db.internal:3306/insightxi' };
    expect(await resolveDatabaseUrl(env)).toBe(env.DATABASE_URL);
    expect(await resolveServerUrl(env)).toBe('mysql://app:secret@db.internal:3306');
  });

  it('migrates and creates users as MIGRATION_DATABASE_URL when it is set, else as DATABASE_URL', async () => {
    const service = 'mysql://writer:w@db.internal:3306/insightxi';
    const admin = 'mysql://admin:a@db.internal:3306/insightxi';
    expect(await resolveAdminUrl({ DATABASE_URL: service, MIGRATION_DATABASE_URL: admin })).toBe(admin);
    expect(await resolveDatabaseUrl({ DATABASE_URL: service, MIGRATION_DATABASE_URL: admin })).toBe(service);
    expect(await resolveAdminUrl({ DATABASE_URL: service })).toBe(service);
  });

  // Where CI points DATABASE_URL at a server of its own, no local one need exist.
  it.runIf(!process.env.DATABASE_URL)('finds a server on this machine when DATABASE_URL is not set', async () => {
    const url = await resolveDatabaseUrl({});
    expect(url).toMatch(/^mysql:\/\/root@127\.0\.0\.1:\d+\/insightxi$/);
    expect(await canConnect(url.replace(/\/insightxi$/, ''))).toBe(true);
  });

  it('creates a uniquely named test database and drops it', async () => {
    const [a, b] = await Promise.all([createTestDatabase({ prefix: 'Locate Test' }), createTestDatabase({ prefix: 'Locate Test' })]);
    expect(a.name).toMatch(/^t_locate_test_[0-9a-f]{10}$/);
    expect(a.name).not.toBe(b.name);
    expect(await canConnect(a.url)).toBe(true);
    await Promise.all([a.drop(), b.drop()]);
    expect(await canConnect(a.url)).toBe(false);
  });
});

describe.runIf(findMariadbd() !== null)('a private MariaDB server', () => {
  const dir = mkdtempSync(join(tmpdir(), 'private-mariadb-'));
  afterAll(() => { rmSync(dir, { recursive: true, force: true }); });

  it('starts in its own folder, keeps its data across a restart, and stops', async () => {
    const server = privateServer({ dir, port: await freePort() });
    await server.start();
    try {
      const connection = await mariadb.createConnection(connectionConfig(server.url));
      await connection.query('CREATE DATABASE kept');
      await connection.end();

      await server.stop();
      expect(await canConnect(server.url)).toBe(false);

      await server.start();
      const again = await mariadb.createConnection(connectionConfig(server.url));
      const rows = await again.query<unknown[]>("SHOW DATABASES LIKE 'kept'");
      await again.end();
      expect(rows).toHaveLength(1);
    } finally {
      await server.stop();
    }
  });
});
