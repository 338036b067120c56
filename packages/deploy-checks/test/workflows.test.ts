import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { actionlint } from '../src/actionlint.ts';
import { listFiles, readRepoFile, repoRoot } from '../src/repo.ts';

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}
interface Job {
  'runs-on'?: string;
  if?: string;
  uses?: string;
  environment?: string;
  needs?: string | string[];
  services?: Record<string, { image: string; env?: Record<string, string>; options?: string }>;
  env?: Record<string, string>;
  steps?: Step[];
  strategy?: { matrix: Record<string, string[]> };
}
interface Workflow {
  on: Record<string, unknown>;
  permissions: Record<string, string>;
  env?: Record<string, string>;
  jobs: Record<string, Job>;
}

const workflowFiles = listFiles('.github/workflows', '.yml');
const workflow = (name: string) => parse(readRepoFile(`.github/workflows/${name}`)) as Workflow;
// A job that calls a reusable workflow has no steps of its own.
const steps = (w: Workflow) => Object.values(w.jobs).flatMap((j) => j.steps ?? []);

describe('GitHub workflows', () => {
  it('ci.yml and cd.yml exist', () => {
    expect(workflowFiles).toEqual(['.github/workflows/cd.yml', '.github/workflows/ci.yml']);
  });

  it.each(workflowFiles)('%s passes actionlint', async (path) => {
    expect(await actionlint(readRepoFile(path), path)).toEqual([]);
  });

  it('actionlint really checks: a broken workflow is reported', async () => {
    const broken = [
      'on: push',
      'jobs:',
      '  a:',
      '    runs-on: ubuntu-24.04',
      '    steps:',
      '      - run: echo ${{ steps.nope.outputs.x }}',
      '      - uses: actions/checkout',
    ].join('\n');
    const problems = await actionlint(broken, 'broken.yml');
    expect(problems.map((p) => p.kind)).toEqual(expect.arrayContaining(['expression', 'action']));
  });

  it('every action is pinned to a major version or a commit', () => {
    for (const path of workflowFiles) {
      const uses = steps(parse(readRepoFile(path)) as Workflow).flatMap((s) => (s.uses ? [s.uses] : []));
      expect(uses.length).toBeGreaterThan(0);
      for (const action of uses) expect(action, path).toMatch(/@(v\d+(\.\d+){0,2}|[0-9a-f]{40})$/);
    }
  });

  it('no workflow uses stored AWS keys', () => {
    for (const path of workflowFiles) expect(readRepoFile(path)).not.toMatch(/aws-access-key-id|AWS_SECRET_ACCESS_KEY|secrets\.AWS/i);
  });
});

describe('ci.yml', () => {
  const ci = workflow('ci.yml');

  it('runs on pull requests, and for main when CD calls it, read-only', () => {
    expect(Object.keys(ci.on).sort()).toEqual(['pull_request', 'workflow_call']);
    expect(ci.permissions).toEqual({ contents: 'read' });
  });

  it('tests against a MySQL 8.4 service container with a health check', () => {
    const test = ci.jobs.test;
    expect(test?.services?.mysql?.image).toBe('mysql:8.4');
    expect(test?.services?.mysql?.options).toContain('--health-cmd');
    expect(test?.env?.DATABASE_URL).toMatch(/^mysql:\/\/root:[^@]+@127\.0\.0\.1:3306\/\w+$/);
    const runs = test?.steps?.flatMap((s) => (s.run ? [s.run] : []));
    expect(runs).toEqual(expect.arrayContaining(['make install', 'make test']));
  });

  it('installs with the frozen lockfile and make test lints, typechecks and tests', () => {
    const makefile = readRepoFile('Makefile');
    expect(makefile).toContain('pnpm install --frozen-lockfile');
    // chromium: the dashboards' browser checks need one, and a fresh CI machine has none.
    expect(makefile).toMatch(/^test: \$\(DEPS\) chromium lint typecheck /m);
    expect(makefile).toMatch(/^chromium: \$\(DEPS\) ##.*\n\t@?pnpm .*src\/cli\.ts chromium$/m);
  });

  it('builds every image target and validates Terraform', () => {
    expect(ci.jobs.images?.strategy?.matrix.target).toEqual(['orchestrator', 'sportmonks', 'database', 'migrate', 'release', 'sim', 'dashboards']);
    expect(ci.jobs.infra?.steps?.map((s) => s.run)).toContain('make infra-check');
  });
});

describe('cd.yml', () => {
  const cd = workflow('cd.yml');

  it('ships pushes to main of this repository after CI (the reusable ci.yml), or a dispatched commit of main', () => {
    expect(cd.on.push).toEqual({ branches: ['main'] });
    expect(Object.keys(cd.on).sort()).toEqual(['push', 'workflow_dispatch']);
    expect(cd.jobs.target?.if).toBe("github.repository == 'insightxi/insightxi' && github.ref == 'refs/heads/main' && (github.event_name == 'push' || github.event_name == 'workflow_dispatch')");
    expect(cd.jobs.ci).toMatchObject({ needs: 'target', if: "github.event_name == 'push'", uses: './.github/workflows/ci.yml' });
    expect(cd.jobs.images?.needs).toEqual(['target', 'ci']);
    expect(cd.jobs.deploy?.needs).toEqual(['target', 'images']);
    // A dispatched commit must be on main.
    expect(cd.jobs.target?.steps?.map((s) => s.run ?? '').join('\n')).toContain('git merge-base --is-ancestor "$sha" origin/main');
  });

  it('assumes the deploy role with an OIDC token, only in a GitHub environment', () => {
    expect(cd.permissions['id-token']).toBe('write');
    const credentials = steps(cd).filter((s) => s.uses?.startsWith('aws-actions/configure-aws-credentials@'));
    expect(credentials.length).toBe(2);
    for (const step of credentials) expect(step.with?.['role-to-assume']).toBe('${{ vars.AWS_DEPLOY_ROLE_ARN }}');
    for (const name of ['images', 'deploy']) expect(cd.jobs[name]?.environment).toBe("${{ inputs.environment || 'dev' }}");
  });

  it('builds each image once and tags it with the commit SHA only (tags are immutable; no latest)', () => {
    const images = cd.jobs.images;
    expect(images?.strategy?.matrix.image).toEqual(['orchestrator', 'sportmonks', 'database', 'dashboards', 'migrate', 'release']);
    const build = images?.steps?.find((s) => s.uses?.startsWith('docker/build-push-action@'));
    expect(String(build?.with?.tags)).toBe('${{ steps.ecr.outputs.registry }}/${{ vars.DEPLOY_NAME }}/${{ matrix.image }}:${{ needs.target.outputs.sha }}');
    expect(build?.with?.push).toBe(true);
  });

  it('the deploy job starts the release in AWS with the commit and waits for it; it needs no registry login', () => {
    const run = cd.jobs.deploy?.steps?.find((s) => s.run !== undefined);
    expect(run?.run).toBe('bash .github/scripts/ecs-deploy.sh');
    expect(run?.env).toEqual({ DEPLOY_NAME: '${{ vars.DEPLOY_NAME }}', GIT_SHA: '${{ needs.target.outputs.sha }}' });
    expect(cd.jobs.deploy?.steps?.some((s) => s.uses?.startsWith('aws-actions/amazon-ecr-login@'))).toBe(false);
  });

  it.each(['ecs-deploy.sh', 'ecs-lib.sh', 'rotate-secret.sh'])('%s is valid bash', (name) => {
    expect(() => execFileSync('bash', ['-n', join(repoRoot(), '.github/scripts', name)])).not.toThrow();
  });
});
