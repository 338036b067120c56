// The path to RDS, here: a private MariaDB that refuses connections without TLS, with a CA and a
// server certificate made for this run (docker/mysql-tls.sh, as compose makes them). The migration
// runner and the writer connect with `sslca=` and verify the server; a plain connection and a
// server the bundle does not vouch for are refused, with the reason.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findMariadbd, migrate, privateServer, repoRoot, TLS_HINT, withConnection, withDatabase, type PrivateServer } from '@insightxi/mysql';
import { freePort } from '@insightxi/stack';
import { ensureServiceUser } from '../src/accounts.ts';
import { AUTH, testApp } from './app-helpers.ts';
import { MIGRATIONS_DIR, state } from './helpers.ts';

const canRun = findMariadbd() !== null && spawnSync('openssl', ['version'], { stdio: 'ignore' }).status === 0;
const WRITER_PASSWORD = 'tls-writer-password-123';

function makeCertificates(dir: string): { ca: string; cert: string; key: string } {
  execFileSync('sh', [join(repoRoot(), 'docker', 'mysql-tls.sh'), dir, 'IP:127.0.0.1'], { stdio: 'ignore' });
  return { ca: join(dir, 'ca.pem'), cert: join(dir, 'server-cert.pem'), key: join(dir, 'server-key.pem') };
}

/** The URL with another user, and TLS settings replaced. */
function variant(url: string, changes: { user?: string; password?: string; sslca?: string | null }): string {
  const parsed = new URL(url);
  if (changes.user !== undefined) parsed.username = changes.user;
  if (changes.password !== undefined) parsed.password = changes.password;
  if (changes.sslca === null) parsed.searchParams.delete('sslca');
  else if (changes.sslca !== undefined) parsed.searchParams.set('sslca', changes.sslca);
  return parsed.toString();
}

describe.skipIf(!canRun)('MySQL that requires TLS', () => {
  let dir: string;
  let server: PrivateServer;
  let databaseUrl: string;
  let rogueCa: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'insightxi-tls-'));
    const tls = makeCertificates(join(dir, 'tls'));
    rogueCa = makeCertificates(join(dir, 'rogue')).ca;
    server = privateServer({ dir: join(dir, 'server'), port: await freePort(), tls: { ...tls, require: true } });
    await server.start();
    await withConnection(server.url, (connection) => connection.query('CREATE DATABASE insightxi CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci'));
    databaseUrl = withDatabase(server.url, 'insightxi');
  }, 120_000);

  afterAll(async () => {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('the migration runner applies every migration over a verified TLS connection, then makes the writer\'s account', async () => {
    expect(databaseUrl).toContain('sslca=');
    const applied = await migrate(databaseUrl, MIGRATIONS_DIR);
    expect(applied.length).toBeGreaterThanOrEqual(3);
    await ensureServiceUser(databaseUrl, { user: 'insightxi_writer', host: '%', password: WRITER_PASSWORD, database: 'insightxi' });
    const cipher = await withConnection(databaseUrl, (connection) => connection.query<{ Value: string }[]>("SHOW SESSION STATUS LIKE 'Ssl_version'"));
    expect(cipher[0]?.Value).toMatch(/^TLSv1\.[23]$/);
  });

  it('the writer, as its own account, is ready and writes rows over TLS', async () => {
    const writerUrl = variant(databaseUrl, { user: 'insightxi_writer', password: WRITER_PASSWORD });
    const app = await testApp(writerUrl);
    try {
      const ready = await app.inject({ method: 'GET', url: '/health/ready' });
      expect(ready.json()).toEqual({ status: 'ok', checks: { mysql: { ok: true }, migrations: { ok: true } } });
      const written = await app.inject({ method: 'POST', url: '/states/bulk', headers: AUTH, payload: { records: [state(1, 'NS'), state(5, 'FT')] } });
      expect(written.json()).toMatchObject({ created: 2 });
    } finally {
      await app.close();
    }
    const rows = await withConnection(writerUrl, (connection) => connection.query<{ n: bigint }[]>('SELECT COUNT(*) AS n FROM fixture_states'));
    expect(Number(rows[0]?.n)).toBe(2);
  });

  it('a plain connection is refused, and the error says TLS is required', async () => {
    const plain = variant(databaseUrl, { sslca: null });
    // MariaDB answers a bare "Access denied" where MySQL says "insecure transport": the hint is ours.
    await expect(withConnection(plain, () => Promise.resolve())).rejects.toThrow(/Access denied.*not encrypted.*requires TLS.*add sslca=/);
    const app = await testApp(variant(plain, { user: 'insightxi_writer', password: WRITER_PASSWORD }));
    try {
      const ready = await app.inject({ method: 'GET', url: '/health/ready' });
      expect(ready.statusCode).toBe(503);
      expect(ready.json<{ checks: { mysql: { message: string } } }>().checks.mysql.message).toContain(TLS_HINT);
    } finally {
      await app.close();
    }
  });

  it('a server whose certificate the CA bundle does not vouch for is refused', async () => {
    await expect(withConnection(variant(databaseUrl, { sslca: rogueCa }), () => Promise.resolve())).rejects.toThrow(/self-signed certificate|certificate/);
  });

  it('a CA bundle that is missing is named in the error', async () => {
    await expect(withConnection(variant(databaseUrl, { sslca: join(dir, 'nope.pem') }), () => Promise.resolve())).rejects.toThrow(/cannot read the CA bundle named by sslca/);
  });
});
