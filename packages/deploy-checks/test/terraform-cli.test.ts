// Where a terraform binary is installed, its own formatter checks infra/ too (offline, < 1 s).
// `terraform validate` needs the registry's providers and modules: `make infra-check` and CI run it.
import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../src/repo.ts';

const hasTerraform = spawnSync('terraform', ['version'], { stdio: 'ignore' }).status === 0;

describe.skipIf(!hasTerraform)('terraform fmt', () => {
  it('infra/ is formatted as terraform fmt writes it', () => {
    const run = () =>
      execFileSync('terraform', ['fmt', '-check', '-recursive', '-list=true', join(repoRoot(), 'infra')], {
        env: { ...process.env, TF_CLI_CONFIG_FILE: '/dev/null', CHECKPOINT_DISABLE: '1' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
    expect(run).not.toThrow();
  });
});
