// The runtime trees the images get, built and run as the containers run them: plain `node` on
// the bundles, from the tree alone (nothing of the workspace's node_modules is reachable from it).
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, repoRoot, withConnection, type TestDatabase } from '@insightxi/mysql';
import { freePort } from '@insightxi/stack';
import { buildTarget, type BuiltTarget } from '../src/bundle.ts';
import { TARGETS, type TargetName } from '../src/targets.ts';

const run = promisify(execFile);
const TOKEN = 'built-internal-token-0123456789';
// Outside the repository, as /app is in the image: a bundle that still needed the workspace fails here.
const out = mkdtempSync(join(tmpdir(), 'insightxi-build-'));
const built = new Map<TargetName, BuiltTarget>();
let db: TestDatabase;

/** Every folder name under `dir`. */
function folders(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory()).flatMap((e) => [e.name, ...folders(join(dir, e.name))]);
}

/** Starts `node dist/server.mjs` in the target's tree; resolves with the process once `path` answers 200. */
async function start(target: TargetName, env: Record<string, string>, path: string): Promise<{ child: ChildProcess; port: number; body: unknown }> {
  const port = await freePort();
  const child = spawn(process.execPath, ['dist/server.mjs'], {
    cwd: join(out, target),
    env: { PATH: process.env.PATH ?? '', NODE_ENV: 'production', HOST: '127.0.0.1', PORT: String(port), LOG_LEVEL: 'warn', INTERNAL_TOKEN: TOKEN, ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const deadline = Date.now() + 20_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${target} exited ${child.exitCode}: ${stderr}`);
    try {
      const response = await fetch(`http://127.0.0.1:${port}${path}`);
      if (response.ok) return { child, port, body: await response.json() };
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${target} did not answer ${path}: ${stderr}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function stop(child: ChildProcess): Promise<number | null> {
  child.kill('SIGTERM');
  return new Promise((resolve) => {
    child.on('exit', (code) => {
      resolve(code);
    });
  });
}

beforeAll(async () => {
  for (const target of Object.keys(TARGETS) as TargetName[]) built.set(target, await buildTarget(target, join(out, target), repoRoot()));
  db = await createTestDatabase({ prefix: 'built_writer' });
}, 120_000);

afterAll(async () => {
  await db.drop();
  rmSync(out, { recursive: true, force: true });
});

describe('the runtime trees', () => {
  it('are small: the writer\'s under 100 MB, with no TypeScript, tsx or Prisma CLI in them', () => {
    const database = built.get('database');
    expect(database?.bytes).toBeLessThan(100e6);
    for (const target of built.values()) {
      const installed = existsSync(join(target.outDir, 'node_modules')) ? folders(join(target.outDir, 'node_modules')) : [];
      for (const tool of ['typescript', 'tsx', 'prisma', 'studio-core', '@prisma', 'esbuild']) expect(installed, `${target.target} has ${tool}`).not.toContain(tool);
      const copied = target.packages.length > 0 ? ['node_modules'] : [];
      expect(readdirSync(target.outDir).sort()).toEqual(['dist', ...copied, ...TARGETS[target.target].assets.map((a) => a.split('/')[0] ?? a)].sort());
      expect(Object.values(target.entries).every((file) => existsSync(file) && file.endsWith('.mjs'))).toBe(true);
      // The services serve their docs page from the copied package; the release task serves nothing.
      expect(target.packages).toEqual(target.target === 'release' ? [] : expect.arrayContaining(['@fastify/swagger-ui@6.1.3']));
    }
  });

  it('the release task runs from its bundle alone (the ECS SDK inside) and checks its input before calling AWS', async () => {
    const release = built.get('release');
    expect(release?.bytes).toBeLessThan(5e6);
    const refused = await run(process.execPath, ['dist/release.mjs'], { cwd: join(out, 'release'), env: { PATH: process.env.PATH ?? '', GIT_SHA: 'main' } }).catch((error: unknown) => error as { stdout: string; stderr: string });
    expect(refused.stderr).toContain('GIT_SHA must be a full 40-character commit SHA');
  });

  it('the migration task\'s commands and the retention job run from the tree: migrations, the writer\'s and the analysts\' accounts, pruning', async () => {
    const cwd = join(out, 'database');
    const env = { PATH: process.env.PATH ?? '', DATABASE_URL: db.url };
    const migrated = await run(process.execPath, ['dist/insightxi-db.mjs', 'migrate', '--dir', 'prisma/migrations'], { cwd, env });
    expect(migrated.stdout).toMatch(/^applied 2026\d+_init, /);
    const writer = await run(process.execPath, ['dist/service-user.mjs'], { cwd, env: { ...env, SERVICE_DB_USER: `w_${db.name.slice(-10)}`, SERVICE_DB_PASSWORD: 'built-writer-pass' } });
    expect(writer.stdout).toContain('can now SELECT, INSERT, UPDATE, DELETE rows');
    const analyst = await run(process.execPath, ['dist/analyst-user.mjs'], { cwd, env: { ...env, ANALYST_USER: `a_${db.name.slice(-10)}`, ANALYST_PASSWORD: 'built-analyst-pass' } });
    expect(analyst.stdout).toContain('can now SELECT from');
    const retention = await run(process.execPath, ['dist/retention.mjs'], { cwd, env: { ...env, RETENTION_DAYS: '30' } });
    expect(JSON.parse(retention.stdout)).toMatchObject({ msg: 'retention: old rows deleted', syncRunPages: 0, quarantine: 0 });
    await withConnection(db.serverUrl, async (connection) => {
      await connection.query(`DROP USER IF EXISTS 'w_${db.name.slice(-10)}'@'%', 'a_${db.name.slice(-10)}'@'%'`);
    });
  });

  it('the writer starts from its bundle and is ready on the migrated database; SIGTERM ends it cleanly', async () => {
    const { child, body } = await start('database', { DATABASE_URL: db.url }, '/health/ready');
    expect(body).toEqual({ status: 'ok', checks: { mysql: { ok: true }, migrations: { ok: true } } });
    expect(await stop(child)).toBe(0);
  });

  it('the fetcher and the orchestrator start from their bundles, and serve their docs page from the copied package', async () => {
    const fetcher = await start('sportmonks', { SPORTMONKS_API_TOKEN: 'demo', SPORTMONKS_BASE_URL: 'http://127.0.0.1:9' }, '/health/live');
    const orchestrator = await start('orchestrator', { OPERATOR_TOKEN: 'built-operator-token-0123', LIVE_POLL_MS: '0' }, '/health/live');
    try {
      const docs = await fetch(`http://127.0.0.1:${orchestrator.port}/docs/static/index.html`);
      expect(docs.status).toBe(200);
      expect(await docs.text()).toContain('swagger');
    } finally {
      expect(await stop(fetcher.child)).toBe(0);
      expect(await stop(orchestrator.child)).toBe(0);
    }
  });
});
