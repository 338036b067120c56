// Where a terraform binary is installed, its own formatter checks infra/ too (offline, < 1 s), and
// the variables' validations run for real on a configuration that needs no provider.
// `terraform validate` needs the registry's providers and modules: `make infra-check` and CI run it.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readRepoFile, repoRoot } from '../src/repo.ts';

const hasTerraform = spawnSync('terraform', ['version'], { stdio: 'ignore' }).status === 0;
const TERRAFORM_ENV = { ...process.env, TF_CLI_CONFIG_FILE: '/dev/null', CHECKPOINT_DISABLE: '1', TF_IN_AUTOMATION: '1' };

describe.skipIf(!hasTerraform)('terraform fmt', () => {
  it('infra/ is formatted as terraform fmt writes it', () => {
    const run = () =>
      execFileSync('terraform', ['fmt', '-check', '-recursive', '-list=true', join(repoRoot(), 'infra')], {
        env: TERRAFORM_ENV,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
    expect(run).not.toThrow();
  });
});

/** One `variable` block of a file, as written there. */
function variableBlock(path: string, name: string): string {
  const match = new RegExp(`^variable "${name}" \\{[\\s\\S]*?^\\}`, 'm').exec(readRepoFile(path));
  if (match === null) throw new Error(`${path} declares no variable ${name}`);
  return match[0];
}

/** A configuration of one variable copied from infra/, planned with `-var` values: its validations run as Terraform runs them. */
function variableAlone(path: string, name: string) {
  let dir = '';
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), `tf-${name}-`));
    writeFileSync(join(dir, 'main.tf'), `${variableBlock(path, name)}\n`);
    execFileSync('terraform', ['init', '-input=false', '-no-color'], { cwd: dir, env: TERRAFORM_ENV, stdio: 'ignore' });
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });
  return (...values: string[]) => {
    const args = values.flatMap((value) => ['-var', `${name}=${value}`]);
    const result = spawnSync('terraform', ['plan', '-input=false', '-no-color', ...args], { cwd: dir, env: TERRAFORM_ENV, encoding: 'utf8' });
    return { ok: result.status === 0, output: `${result.stdout}${result.stderr}` };
  };
}

describe.skipIf(!hasTerraform)('production\'s alarm addresses (terraform plan of the variable alone)', () => {
  const plan = variableAlone('infra/envs/prod/main.tf', 'alarm_emails');

  it('has no default: a plan without it stops', () => {
    const { ok, output } = plan();
    expect(ok).toBe(false);
    expect(output).toMatch(/No value for required variable/);
  });

  it.each([
    ['no address at all', '[]', /at least one email address/],
    ['something that is not an address', '["on-call"]', /at least one email address/],
    ['the old placeholder', '["data-platform-oncall@insightxi.example"]', /not an example placeholder/],
  ])('refuses %s', (_what, value, says) => {
    const { ok, output } = plan(value);
    expect(ok).toBe(false);
    expect(output).toMatch(says);
  });

  it('accepts real addresses', () => {
    const { ok, output } = plan('["oncall@insightxi.io","data-team@insightxi.io"]');
    expect(ok, output).toBe(true);
  });
});

describe.skipIf(!hasTerraform)('the collector image (terraform plan of the stack\'s variable alone)', () => {
  const plan = variableAlone('infra/modules/stack/variables.tf', 'collector_image');

  it.each(['public.ecr.aws/aws-observability/aws-otel-collector:latest', 'public.ecr.aws/aws-observability/aws-otel-collector', 'otel/opentelemetry-collector:v0.50.0'])('refuses %s', (image) => {
    const { ok, output } = plan(image);
    expect(ok).toBe(false);
    expect(output).toMatch(/collector_image is public.ecr.aws\/aws-observability\/aws-otel-collector pinned/);
  });

  it('accepts a released version', () => {
    const { ok, output } = plan('public.ecr.aws/aws-observability/aws-otel-collector:v0.50.0');
    expect(ok, output).toBe(true);
  });
});
