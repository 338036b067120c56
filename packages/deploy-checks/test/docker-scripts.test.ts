// The small programs the images ship in /opt/insightxi, run as the containers run them.
import { execFile } from 'node:child_process';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { repoRoot } from '../src/repo.ts';

const script = (name: string) => join(repoRoot(), 'docker', name);

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function run(args: string[], env: Record<string, string>): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, args, { env: { PATH: process.env.PATH ?? '', ...env }, timeout: 15_000 }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === 'number' ? error.code : 1;
      resolve({ code, stdout, stderr });
    });
  });
}

interface Seen {
  method: string | undefined;
  url: string | undefined;
  authorization: string | undefined;
  requestId: string | undefined;
}

let server: Server | undefined;

/** A stand-in orchestrator/service on an ephemeral port answering `status` and recording requests. */
async function standIn(status: number, body = '{}'): Promise<{ port: number; seen: Seen[] }> {
  const seen: Seen[] = [];
  server = createServer((request: IncomingMessage, response) => {
    seen.push({
      method: request.method,
      url: request.url,
      authorization: request.headers.authorization,
      requestId: request.headers['x-request-id'] as string | undefined,
    });
    response.writeHead(status, { 'content-type': 'application/json' }).end(body);
  });
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  return { port: (server.address() as AddressInfo).port, seen };
}

async function stopServer(): Promise<void> {
  const running = server;
  server = undefined;
  if (running === undefined) return;
  await new Promise<void>((resolve) => {
    running.close(() => {
      resolve();
    });
  });
}

afterEach(stopServer);

describe('healthcheck.mjs', () => {
  it('exits 0 when /health/live answers 200 on PORT', async () => {
    const { port, seen } = await standIn(200);
    expect((await run([script('healthcheck.mjs')], { PORT: String(port) })).code).toBe(0);
    expect(seen.map((s) => [s.method, s.url])).toEqual([['GET', '/health/live']]);
  });

  it('exits 1 when the service answers 503', async () => {
    const { port } = await standIn(503);
    expect((await run([script('healthcheck.mjs')], { PORT: String(port) })).code).toBe(1);
  });

  it('exits 1 when nothing listens', async () => {
    const { port } = await standIn(200);
    await stopServer();
    expect((await run([script('healthcheck.mjs')], { PORT: String(port) })).code).toBe(1);
  });
});

describe('trigger-sync.mjs (the scheduled sync task)', () => {
  const env = (port: number, path = '/sync/fixtures?mode=incremental') => ({
    ORCHESTRATOR_URL: `http://127.0.0.1:${port}`,
    SYNC_PATH: path,
    OPERATOR_TOKEN: 'operator-secret-123',
  });

  it('POSTs the path with the operator token and a request id, and succeeds on 202', async () => {
    const { port, seen } = await standIn(202, '{"runId":7,"status":"running"}');
    const result = await run([script('trigger-sync.mjs')], env(port));
    expect(result.code).toBe(0);
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ method: 'POST', url: '/sync/fixtures?mode=incremental', authorization: 'Bearer operator-secret-123' });
    expect(seen[0]?.requestId).toMatch(/^schedule-/);
    expect(JSON.parse(result.stdout)).toMatchObject({ msg: 'sync started', status: 202 });
    expect(result.stdout + result.stderr).not.toContain('operator-secret-123');
  });

  it('treats 409 (the same scope is still running) as success', async () => {
    const { port } = await standIn(409);
    const result = await run([script('trigger-sync.mjs')], env(port, '/sync/all?mode=full'));
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ msg: 'sync already running', status: 409 });
  });

  it('fails on 401 so that the schedule shows the error', async () => {
    const { port } = await standIn(401, '{"message":"Invalid bearer token"}');
    const result = await run([script('trigger-sync.mjs')], env(port));
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout)).toMatchObject({ level: 'error', status: 401 });
  });

  it('refuses a path outside /sync/ without calling anything', async () => {
    const { port, seen } = await standIn(202);
    const result = await run([script('trigger-sync.mjs')], env(port, '/fixtures/bulk'));
    expect(result.code).toBe(2);
    expect(seen).toEqual([]);
  });

  it('fails when the orchestrator is unreachable', async () => {
    const { port } = await standIn(202);
    await stopServer();
    const result = await run([script('trigger-sync.mjs')], env(port));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('orchestrator unreachable');
  });
});

describe('database-url.mjs (preloaded by the database and migrate images)', () => {
  const printUrl = ['--import', script('database-url.mjs'), '-e', 'process.stdout.write(process.env.DATABASE_URL ?? "<unset>")'];

  it('builds DATABASE_URL from the RDS secret keys, encoding what a URL cannot hold', async () => {
    const password = 'p@ss:w/rd?#%&= x';
    const result = await run(printUrl, {
      DATABASE_HOST: 'db.abc.eu-west-1.rds.amazonaws.com',
      DATABASE_PORT: '3306',
      DATABASE_NAME: 'insightxi',
      DATABASE_USER: 'insightxi_admin',
      DATABASE_PASSWORD: password,
    });
    const url = new URL(result.stdout);
    expect(url.protocol).toBe('mysql:');
    expect(url.hostname).toBe('db.abc.eu-west-1.rds.amazonaws.com');
    expect(url.port).toBe('3306');
    expect(url.pathname).toBe('/insightxi');
    expect(decodeURIComponent(url.username)).toBe('insightxi_admin');
    expect(decodeURIComponent(url.password)).toBe(password);
  });

  it('adds sslca= when DATABASE_SSL_CA names the CA bundle, so the connection is TLS verified against it', async () => {
    const result = await run(printUrl, {
      DATABASE_HOST: 'db.abc.eu-west-1.rds.amazonaws.com',
      DATABASE_NAME: 'insightxi',
      DATABASE_USER: 'insightxi_writer',
      DATABASE_PASSWORD: 'pw',
      DATABASE_SSL_CA: '/opt/insightxi/rds-ca-bundle.pem',
    });
    const url = new URL(result.stdout);
    expect(url.port).toBe('3306');
    expect(url.searchParams.get('sslca')).toBe('/opt/insightxi/rds-ca-bundle.pem');
  });

  it('writes the URL into the variable DATABASE_URL_VARIABLE names (the dashboards\' ANALYST_DATABASE_URL)', async () => {
    const printBoth = ['--import', script('database-url.mjs'), '-e', 'process.stdout.write(`${process.env.ANALYST_DATABASE_URL}|${process.env.DATABASE_URL ?? "<unset>"}`)'];
    const env = { DATABASE_URL_VARIABLE: 'ANALYST_DATABASE_URL', DATABASE_HOST: 'h', DATABASE_USER: 'analyst', DATABASE_PASSWORD: 'p', DATABASE_NAME: 'insightxi' };
    expect((await run(printBoth, env)).stdout).toBe('mysql://analyst:p@h:3306/insightxi|<unset>');
    expect((await run(printBoth, { ...env, ANALYST_DATABASE_URL: 'mysql://given@x/y' })).stdout).toBe('mysql://given@x/y|<unset>');
  });

  it('leaves a given DATABASE_URL alone (compose, local runs)', async () => {
    const result = await run(printUrl, { DATABASE_URL: 'mysql://root:x@mysql:3306/insightxi', DATABASE_HOST: 'elsewhere', DATABASE_USER: 'u', DATABASE_PASSWORD: 'p', DATABASE_NAME: 'd' });
    expect(result.stdout).toBe('mysql://root:x@mysql:3306/insightxi');
  });

  it('sets nothing when a part is missing', async () => {
    const result = await run(printUrl, { DATABASE_HOST: 'h', DATABASE_USER: 'u', DATABASE_NAME: 'd' });
    expect(result.stdout).toBe('<unset>');
  });
});

describe('smoke.mjs (CD\'s post-deploy check)', () => {
  const servers: Server[] = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((s) => new Promise<void>((resolve) => s.close(() => { resolve(); }))));
  });

  /** A service answering GET /health/ready with `ready`, and POST /sync/states with `sync`; records what it saw. */
  async function service(ready: number, sync?: { status: number; body: unknown }): Promise<{ url: string; seen: Seen[] }> {
    const seen: Seen[] = [];
    const server = createServer((request, response) => {
      seen.push({ method: request.method, url: request.url, authorization: request.headers.authorization, requestId: request.headers['x-request-id'] as string | undefined });
      if (request.method === 'GET' && request.url === '/health/ready') return response.writeHead(ready, { 'content-type': 'application/json' }).end('{"status":"…"}');
      if (request.method === 'POST' && sync !== undefined) return response.writeHead(sync.status, { 'content-type': 'application/json' }).end(JSON.stringify(sync.body));
      return response.writeHead(404).end();
    });
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen };
  }

  const succeeded = { status: 200, body: { runId: 3, status: 'succeeded', counters: { fetched: 25 } } };
  const env = (orchestrator: string, sportmonks: string, database: string) => ({
    ORCHESTRATOR_URL: orchestrator,
    SPORTMONKS_SERVICE_URL: sportmonks,
    DATABASE_SERVICE_URL: database,
    OPERATOR_TOKEN: 'operator-secret-456',
    SMOKE_READY_ATTEMPTS: '2',
    SMOKE_READY_PAUSE_MS: '10',
  });

  it('passes when the three services are ready and a tiny sync succeeds', async () => {
    const [orchestrator, sportmonks, database] = [await service(200, succeeded), await service(200), await service(200)];
    const result = await run([script('smoke.mjs')], env(orchestrator.url, sportmonks.url, database.url));
    expect(result.code).toBe(0);
    for (const s of [sportmonks, database]) expect(s.seen.map((x) => [x.method, x.url])).toEqual([['GET', '/health/ready']]);
    expect(orchestrator.seen.map((x) => [x.method, x.url])).toEqual([['GET', '/health/ready'], ['POST', '/sync/states?wait=true']]);
    expect(orchestrator.seen[1]?.authorization).toBe('Bearer operator-secret-456');
    expect(result.stdout).toContain('"msg":"smoke sync succeeded"');
    expect(result.stdout + result.stderr).not.toContain('operator-secret-456');
  });

  it('fails without syncing when a service stays not ready (a writer without MySQL)', async () => {
    const [orchestrator, sportmonks, database] = [await service(200, succeeded), await service(200), await service(503)];
    const result = await run([script('smoke.mjs')], env(orchestrator.url, sportmonks.url, database.url));
    expect(result.code).toBe(1);
    expect(database.seen).toHaveLength(2);
    expect(orchestrator.seen.some((x) => x.method === 'POST')).toBe(false);
    expect(result.stdout).toMatch(/"msg":"not ready","requestId":"smoke-[^"]+","service":"database"/);
  });

  it('fails when the tiny sync does not succeed', async () => {
    const failed = { status: 200, body: { runId: 4, status: 'failed', error: { message: 'sportmonks unavailable', requestId: null } } };
    const [orchestrator, sportmonks, database] = [await service(200, failed), await service(200), await service(200)];
    const result = await run([script('smoke.mjs')], env(orchestrator.url, sportmonks.url, database.url));
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('"msg":"smoke sync failed"');
  });

  it('fails when nothing listens where a service should be', async () => {
    const [orchestrator, sportmonks] = [await service(200, succeeded), await service(200)];
    const gone = await service(200);
    await new Promise<void>((resolve) => servers.pop()?.close(() => { resolve(); }));
    const result = await run([script('smoke.mjs')], env(orchestrator.url, sportmonks.url, gone.url));
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/"service":"database","last":"TypeError: fetch failed"/);
  });

  it('refuses to run without its variables', async () => {
    const result = await run([script('smoke.mjs')], { ORCHESTRATOR_URL: 'http://127.0.0.1:9' });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('SPORTMONKS_SERVICE_URL is not set');
  });
});
