// The release task's command as ECS starts it: a process with RELEASE_CONFIG and GIT_SHA in its
// environment, the SDK finding the region, credentials and (here) the stand-in's endpoint there too.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReleaseConfig } from '../src/index.ts';
import { FakeEcs } from './support/fake-ecs.ts';

const SHA = 'c'.repeat(40);
const KINDS = ['orchestrator', 'migrate', 'smoke'];
const config: ReleaseConfig = {
  cluster: 'insightxi-dev',
  services: { orchestrator: 'insightxi-dev-orchestrator' },
  families: Object.fromEntries(KINDS.map((k) => [k, `insightxi-dev-${k}`])),
  images: Object.fromEntries(KINDS.map((k) => [k, `registry/insightxi-dev/${k}`])),
  tasks: { migrate: { subnets: ['subnet-1'], securityGroups: ['sg-migrate'] }, smoke: { subnets: ['subnet-1'], securityGroups: ['sg-smoke'] } },
};

const fake = new FakeEcs();
let endpoint: string;

beforeAll(async () => {
  endpoint = await fake.start();
  // Tasks stop and deployments finish at the first look: the real clock never has to wait.
  fake.scenario = { polls: 0 };
  for (const kind of KINDS) {
    const arn = fake.register({ family: `insightxi-dev-${kind}`, containerDefinitions: [{ name: kind, image: `registry/insightxi-dev/${kind}:old` }] });
    if (kind === 'orchestrator') fake.addService('insightxi-dev-orchestrator', arn);
  }
});
afterAll(async () => {
  await fake.stop();
});

function release(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('../src/cli.ts', import.meta.url))], {
      env: { PATH: process.env.PATH ?? '', AWS_REGION: 'eu-west-1', AWS_ACCESS_KEY_ID: 'AKIDTEST', AWS_SECRET_ACCESS_KEY: 'test-secret', AWS_ENDPOINT_URL_ECS: endpoint, ...env },
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('close', (code) => {
      resolve({ code, output });
    });
  });
}

describe('the release command', () => {
  it('exits 0 once the commit runs and its smoke test passed', async () => {
    const { code, output } = await release({ RELEASE_CONFIG: JSON.stringify(config), GIT_SHA: SHA });
    expect(code, output).toBe(0);
    expect(output).toContain(`deployed ${SHA}`);
    expect(fake.imageOf(fake.running('insightxi-dev-orchestrator'))).toBe(`registry/insightxi-dev/orchestrator:${SHA}`);
  });

  it('exits 1 with an annotation GitHub shows when the smoke test fails', async () => {
    fake.scenario = { polls: 0, exitCodes: { smoke: 2 } };
    const { code, output } = await release({ RELEASE_CONFIG: JSON.stringify(config), GIT_SHA: 'd'.repeat(40) });
    expect(code).toBe(1);
    expect(output).toContain(`::error::the smoke test failed on ${'d'.repeat(40)} (exit code 2: smoke said no); the services are back on their previous revisions`);
    expect(fake.imageOf(fake.running('insightxi-dev-orchestrator'))).toBe(`registry/insightxi-dev/orchestrator:${SHA}`);
  });

  it('refuses to start without a full commit SHA, before calling AWS', async () => {
    const before = fake.calls.length;
    const { code, output } = await release({ RELEASE_CONFIG: JSON.stringify(config), GIT_SHA: 'HEAD' });
    expect(code).toBe(1);
    expect(output).toContain('GIT_SHA must be a full 40-character commit SHA');
    expect(fake.calls.length).toBe(before);
  });
});
