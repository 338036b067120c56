// What each runtime image carries and how fast it starts (issue 18), measured side by side:
//   image-size-<service>   the tree packages/build makes for the image (bundles + the packages kept on
//                          disk) against the pruned install the images had (`pnpm deploy --prod`);
//                          goal: the writer's ≤ 100 MB (the others report against the same bound)
//   cold-start-<service>   spawn → first 200 from /health/ready, `node dist/server.mjs` with the
//                          compile cache the image build makes (a copy of it each round, as each new
//                          container has) against `node --import tsx src/server.ts` with an empty tsx
//                          cache (a new container has none), best of ROUNDS interleaved rounds per side;
//                          goal: built ≤ 1.5 s and ≥ 3× faster than tsx
// Upstreams (MySQL, a writer and a fetcher for the orchestrator's readiness) come from a stack.
import { execFile, spawn } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { buildTarget, diskBytes, type TargetName } from '@insightxi/build';
import { MIGRATIONS_DIR } from '@insightxi/database';
import { createTestDatabase, repoRoot } from '@insightxi/mysql';
import { freePort, serviceNodeFlags, startStack } from '@insightxi/stack';
import { reportBench } from './bench-result.ts';

const run = promisify(execFile);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const SIZE_LIMIT_MB = 100;
const COLD_START_LIMIT_MS = 1500;
const SPEEDUP_GOAL = 3;
// The services' images (the release task's serves nothing: it has no cold start to /health/ready).
const services = ['database', 'sportmonks', 'orchestrator'] as const satisfies readonly TargetName[];
type Service = (typeof services)[number];
const root = repoRoot();
const work = mkdtempSync(join(tmpdir(), 'bench-images-'));
const mb = (bytes: number) => Math.round(bytes / 1e5) / 10;

async function prunedInstallBytes(service: TargetName): Promise<number> {
  const dir = join(work, 'pnpm-deploy', service);
  await run('pnpm', ['--filter', `@insightxi/${service}`, '--prod', 'deploy', '--legacy', dir], { cwd: root, maxBuffer: 64e6 });
  return diskBytes(dir);
}

/** Milliseconds from spawn to the first 200 of /health/ready. */
async function coldStart(args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<number> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, args, { cwd, env: { ...env, PORT: String(port) }, stdio: 'ignore' });
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`${args.join(' ')} exited ${child.exitCode} before it was ready`);
      try {
        if ((await fetch(`http://127.0.0.1:${port}/health/ready`)).ok) return performance.now() - started;
      } catch {
        // not listening yet
      }
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
  }
}

const testDb = await createTestDatabase({ prefix: 'bench_images', migrationsDir: MIGRATIONS_DIR });
const stack = await startStack({ databaseUrl: testDb.url, logLevel: 'warn' });
try {
  const base: NodeJS.ProcessEnv = { PATH: process.env.PATH, NODE_ENV: 'production', HOST: '127.0.0.1', LOG_LEVEL: 'warn', INTERNAL_TOKEN: stack.internalToken };
  const envOf: Record<Service, NodeJS.ProcessEnv> = {
    database: { ...base, DATABASE_URL: testDb.url },
    sportmonks: { ...base, SPORTMONKS_API_TOKEN: 'demo', SPORTMONKS_BASE_URL: stack.simulator?.url ?? '' },
    orchestrator: { ...base, OPERATOR_TOKEN: stack.operatorToken, DATABASE_SERVICE_URL: stack.url('database'), SPORTMONKS_SERVICE_URL: stack.url('sportmonks'), LIVE_POLL_MS: '0' },
  };
  for (const service of services) {
    const built = await buildTarget(service, join(work, 'out', service), root);
    const pruned = await prunedInstallBytes(service);
    console.error(`${service}: built ${mb(built.bytes)} MB (${built.packages.length} packages kept on disk), pnpm deploy --prod ${mb(pruned)} MB`);
    reportBench({
      bench: `image-size-${service}`,
      ours: mb(built.bytes),
      reference: mb(pruned),
      ratio: Math.round((built.bytes / pruned) * 1000) / 1000,
      goal: `ours <= ${SIZE_LIMIT_MB} MB`,
      pass: mb(built.bytes) <= SIZE_LIMIT_MB,
      unit: 'MB',
    });

    const flags = serviceNodeFlags(join(root, 'services', service));
    // What the Dockerfile's RUN does: start without configuration, so the server loads every module and exits.
    const imageCache = join(work, `compile-cache-${service}`);
    await run(process.execPath, [...flags, 'dist/server.mjs'], { cwd: built.outDir, env: { PATH: process.env.PATH, NODE_COMPILE_CACHE: imageCache } }).catch(() => undefined);
    const bundled: number[] = [];
    const tsx: number[] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      const cache = mkdtempSync(join(work, 'compile-cache-'));
      cpSync(imageCache, cache, { recursive: true });
      bundled.push(await coldStart([...flags, 'dist/server.mjs'], built.outDir, { ...envOf[service], NODE_COMPILE_CACHE: cache }));
      rmSync(cache, { recursive: true, force: true });
      // A fresh TMPDIR: tsx keeps its transpile cache there, and a new container starts without one.
      const tmp = mkdtempSync(join(work, 'tsx-cache-'));
      tsx.push(await coldStart([...flags, '--import', 'tsx', 'src/server.ts'], join(root, 'services', service), { ...envOf[service], TMPDIR: tmp }));
      rmSync(tmp, { recursive: true, force: true });
    }
    const ours = Math.round(Math.min(...bundled));
    const reference = Math.round(Math.min(...tsx));
    console.error(`${service} cold start to ready (ms) built: ${bundled.map(Math.round).join(' ')} | tsx: ${tsx.map(Math.round).join(' ')}`);
    const speedup = Math.round((reference / ours) * 100) / 100;
    reportBench({
      bench: `cold-start-${service}`,
      ours,
      reference,
      ratio: speedup,
      goal: `>= ${SPEEDUP_GOAL} and ours <= ${COLD_START_LIMIT_MS} ms`,
      pass: speedup >= SPEEDUP_GOAL && ours <= COLD_START_LIMIT_MS,
      unit: 'ms',
    });
  }
} finally {
  await stack.stop();
  await testDb.drop();
  rmSync(work, { recursive: true, force: true });
}
