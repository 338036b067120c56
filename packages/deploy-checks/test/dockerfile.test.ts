import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { TARGETS, type TargetName } from '@insightxi/build';
import { startSimulator } from '@insightxi/sportmonks-sim';
import { describe, expect, it } from 'vitest';
import { baseImage, chain, effective, parseDockerfile } from '../src/dockerfile.ts';
import { readRepoFile, repoRoot } from '../src/repo.ts';

const { args, stages } = parseDockerfile(readRepoFile('Dockerfile'));
const services = ['orchestrator', 'sportmonks', 'database'];
const targets = [...services, 'migrate', 'release', 'sim', 'dashboards'];
const instructions = (target: string) => chain(stages, target).flatMap((s) => s.instructions);

describe('Dockerfile', () => {
  it('has a target per service, the migration, the release task, the simulator and the dashboards', () => {
    const names = stages.map((s) => s.name);
    for (const target of targets) expect(names).toContain(target);
  });

  it.each(targets)('%s starts from Node 24 slim pinned to an exact version', (target) => {
    expect(baseImage(stages, target, args)).toMatch(/^node:24\.\d+\.\d+-[a-z]+-slim$/);
  });

  it('the parser substitutes ARGs (an unpinned base would show)', () => {
    expect(args.get('NODE_VERSION')).toMatch(/^24\.\d+\.\d+$/);
    expect(baseImage(parseDockerfile('FROM node:${V}-slim AS x\n').stages, 'x', new Map())).toBe('node:<unset V>-slim');
  });

  it.each(targets)('%s runs as a non-root user and stops on SIGTERM', (target) => {
    const user = effective(stages, target, 'USER');
    expect(user).toBeDefined();
    expect(user).not.toMatch(/^(root|0)(:|$)/);
    expect(effective(stages, target, 'STOPSIGNAL')).toBe('SIGTERM');
  });

  it.each([...services, 'sim', 'dashboards'])('%s has a HEALTHCHECK on its liveness probe', (target) => {
    const healthcheck = effective(stages, target, 'HEALTHCHECK') ?? '';
    expect(healthcheck).toMatch(/CMD \["node", "\/opt\/insightxi\/healthcheck.mjs"\]/);
    expect(readRepoFile('docker/healthcheck.mjs')).toContain("'/health/live'");
  });

  it.each(services)('%s runs its bundled server (no tsx) in exec form, with the Node flags its package.json declares', (target) => {
    const pkg = JSON.parse(readRepoFile(`services/${target}/package.json`)) as { insightxi?: { nodeFlags?: string[] } };
    const argv = ['node', ...(pkg.insightxi?.nodeFlags ?? []), 'dist/server.mjs'];
    expect(effective(stages, target, 'CMD')).toBe(`[${argv.map((a) => `"${a}"`).join(', ')}]`);
    expect(effective(stages, target, 'EXPOSE')).toMatch(/^800[0-2]$/);
    // The compile cache is made with the same Node flags the CMD runs with (V8 keys it on them).
    const warm = instructions(target).filter((i) => i.keyword === 'RUN').map((i) => i.args).at(-1);
    expect(warm).toBe(`${argv.join(' ')} >/dev/null 2>&1; test -d "$NODE_COMPILE_CACHE"`);
    expect(effective(stages, target, 'ENV')).toBeDefined();
    expect(instructions(target).some((i) => i.keyword === 'ENV' && i.args.includes('NODE_COMPILE_CACHE=/home/node/.cache/node-compile'))).toBe(true);
    // dist/server.mjs is what packages/build makes of the service's src/server.ts.
    expect(TARGETS[target as TargetName]).toMatchObject({ dir: `services/${target}`, entries: { server: 'src/server.ts' } });
  });

  it('the migration image runs the bundled migration command once, with no health check', () => {
    expect(chain(stages, 'migrate').map((s) => s.name)).toContain('database');
    expect(effective(stages, 'migrate', 'HEALTHCHECK')).toBe('NONE');
    expect(effective(stages, 'migrate', 'CMD')).toBe('["node", "dist/insightxi-db.mjs", "migrate", "--dir", "prisma/migrations"]');
    expect(TARGETS.database.entries['insightxi-db']).toBe('../../packages/mysql/src/cli.ts');
    expect(TARGETS.database.assets).toEqual(['prisma/migrations']);
  });

  it('the release image runs the bundled release command once, with no health check', () => {
    expect(chain(stages, 'release').map((s) => s.name)).toEqual(['runtime', 'release']);
    expect(effective(stages, 'release', 'HEALTHCHECK')).toBe('NONE');
    expect(effective(stages, 'release', 'CMD')).toBe('["node", "dist/release.mjs"]');
    expect(instructions('release').filter((i) => i.keyword === 'COPY').map((i) => i.args)).toContain('--from=build /out/release /app');
    expect(TARGETS.release).toEqual({ dir: 'packages/release', entries: { release: 'src/cli.ts' }, assets: [] });
  });

  it('installs from the frozen lockfile, generates the Prisma client, then bundles each service and writes the RDS CA bundle', () => {
    const build = [...chain(stages, 'build'), ...chain(stages, 'database')];
    expect(build.map((s) => s.name)).toEqual(['workspace', 'build', 'runtime', 'database']);
    const runs = build.flatMap((s) => s.instructions).filter((i) => i.keyword === 'RUN').map((i) => i.args).join('\n');
    expect(runs).toContain('pnpm install --frozen-lockfile');
    expect(runs).toContain('pnpm --filter @insightxi/database run generate');
    expect(runs).toContain('pnpm --filter @insightxi/build run --silent build --out /out');
    expect(runs).toContain('build --rds-ca /out/rds-ca-bundle.pem');
    const copies = instructions('database').filter((i) => i.keyword === 'COPY').map((i) => i.args);
    expect(copies).toContain('--from=build /out/database /app');
    expect(copies).toContain('--from=build /out/rds-ca-bundle.pem /opt/insightxi/rds-ca-bundle.pem');
    expect(runs).not.toContain('deploy');
  });

  it('the simulator image runs the file its start script runs, probed on a route it serves', async () => {
    const pkg = JSON.parse(readRepoFile('packages/sportmonks-sim/package.json')) as { scripts: Record<string, string> };
    const entry = /^tsx (\S+)$/.exec(pkg.scripts.start ?? '')?.[1];
    expect(entry).toBeDefined();
    expect(effective(stages, 'sim', 'CMD')).toBe(`["node", "--import", "tsx", "${entry ?? ''}"]`);
    expect(effective(stages, 'sim', 'WORKDIR')).toBe('/repo/packages/sportmonks-sim');
    const probe = /HEALTHCHECK_PATH=(\S+)/.exec(effective(stages, 'sim', 'ENV') ?? '')?.[1];
    expect(probe).toBeDefined();
    const sim = await startSimulator({ port: 0, host: '127.0.0.1' });
    try {
      expect((await fetch(`${sim.url}${probe ?? ''}`)).status).toBe(200);
    } finally {
      await sim.close();
    }
  });

  it('the final images carry no build toolchain: services start from a fresh runtime stage', () => {
    for (const target of [...services, 'dashboards']) {
      expect(chain(stages, target).map((s) => s.name)).toEqual(['runtime', target]);
    }
  });

  describe('dashboards', () => {
    const pkg = JSON.parse(readRepoFile('packages/dashboards/package.json')) as { name: string };

    it('is the last target, so that the other images build as before', () => {
      expect(stages.at(-1)?.name).toBe('dashboards');
    });

    it('serves on 3000 the server the package runs, with tsx in exec form', () => {
      expect(effective(stages, 'dashboards', 'CMD')).toBe('["node", "--import", "tsx", "src/server.ts"]');
      expect(existsSync(join(repoRoot(), 'packages', 'dashboards', 'src', 'server.ts'))).toBe(true);
      expect(effective(stages, 'dashboards', 'EXPOSE')).toBe('3000');
      expect(effective(stages, 'dashboards', 'ENV')).toMatch(/(^|\s)PORT=3000(\s|$)/);
    });

    it('is a pruned production install of the package whose Framework cache is made at build time, owned by the user that rebuilds', () => {
      const runs = chain(stages, 'dashboards-deploy')
        .flatMap((s) => s.instructions)
        .filter((i) => i.keyword === 'RUN')
        .map((i) => i.args)
        .join('\n');
      expect(runs).toContain(`pnpm --filter ${pkg.name} --prod deploy --legacy /out/dashboards`);
      expect(runs).toMatch(/cd \/out\/dashboards && OBSERVABLE_TELEMETRY_DISABLE=true node --import tsx src\/cli\.ts prepare/);
      const copies = instructions('dashboards').filter((i) => i.keyword === 'COPY').map((i) => i.args);
      expect(copies).toContain('--from=dashboards-deploy --chown=node:node /out/dashboards /app');
      expect(effective(stages, 'dashboards', 'USER')).toBe('node');
    });

    it('never calls Observable home: telemetry is off in the image', () => {
      expect(effective(stages, 'dashboards', 'ENV')).toMatch(/(^|\s)OBSERVABLE_TELEMETRY_DISABLE=true(\s|$)/);
    });
  });

  it('every file the images copy from docker/ exists', () => {
    const copied = stages
      .flatMap((s) => s.instructions)
      .filter((i) => i.keyword === 'COPY' && !i.args.startsWith('--from'))
      .flatMap((i) => i.args.split(/\s+/).slice(0, -1))
      .filter((p) => p.startsWith('docker/'));
    expect(copied.length).toBeGreaterThanOrEqual(3);
    for (const path of copied) expect(existsSync(join(repoRoot(), path)), path).toBe(true);
  });

  it('.dockerignore keeps secrets, dependencies and history out of the build context', () => {
    const ignored = readRepoFile('.dockerignore').split('\n');
    for (const entry of ['**/node_modules', '.git', '.env', '.tools', '.data', '**/src/generated', '**/.observablehq']) expect(ignored).toContain(entry);
  });
});

describe('the Dockerfile parser (what the checks above read)', () => {
  const source = [
    '# syntax=docker/dockerfile:1.7',
    'ARG BASE=node:24.1.0-bookworm-slim',
    'ARG EMPTY',
    'FROM --platform=linux/amd64 $BASE AS base',
    'RUN echo one \\',
    '    two',
    '',
    'FROM base',
    'USER node',
    'FROM stage-1 AS last',
    'ENV A=1 \\',
  ].join('\n');
  const parsed = parseDockerfile(source);

  it('reads ARGs before the first stage, joins continued lines, names unnamed stages by position', () => {
    expect([...parsed.args]).toEqual([
      ['BASE', 'node:24.1.0-bookworm-slim'],
      ['EMPTY', ''],
    ]);
    expect(parsed.stages.map((s) => [s.name, s.from])).toEqual([
      ['base', '$BASE'],
      ['stage-1', 'base'],
      ['last', 'stage-1'],
    ]);
    expect(parsed.stages[0]?.instructions).toEqual([{ keyword: 'RUN', args: 'echo one  two' }]);
    // A continuation at the very end still ends its instruction.
    expect(parsed.stages[2]?.instructions).toEqual([{ keyword: 'ENV', args: 'A=1' }]);
  });

  it('follows a target back to its external image, substituting bare $ARGs', () => {
    expect(chain(parsed.stages, 'last').map((s) => s.name)).toEqual(['base', 'stage-1', 'last']);
    expect(effective(parsed.stages, 'last', 'USER')).toBe('node');
    expect(effective(parsed.stages, 'last', 'CMD')).toBeUndefined();
    expect(baseImage(parsed.stages, 'last', parsed.args)).toBe('node:24.1.0-bookworm-slim');
    expect(() => baseImage(parsed.stages, 'missing', parsed.args)).toThrow('no stage missing');
  });
});
