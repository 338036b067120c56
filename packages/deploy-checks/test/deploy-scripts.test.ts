// .github/scripts run against a stand-in AWS CLI (support/fake-aws.mjs): the deploy starting the
// release in AWS and reporting its outcome (the release itself is packages/release's, tested
// there), and the rotation of a secret without a 401.
import { execFile } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../src/repo.ts';

const SHA = 'a'.repeat(40);
const OLD_SHA = 'b'.repeat(40);
const REGISTRY = '1.dkr.ecr.eu-west-1.amazonaws.com';
const SERVICES = ['orchestrator', 'sportmonks', 'database', 'dashboards'];
const KINDS = [...SERVICES, 'migrate', 'sync-trigger', 'smoke', 'retention'];
const IMAGE_OF: Record<string, string> = { 'sync-trigger': 'orchestrator', smoke: 'orchestrator', retention: 'database' };

interface Call {
  call: string;
  kind?: string;
  service?: string;
  arn?: string;
  image?: string;
  taskDefinition?: string;
  forceNewDeployment?: boolean;
  secrets?: Record<string, string>;
  id?: string;
  value?: string;
  unstable?: string[];
  command?: string;
  status?: string;
  group?: string;
  machine?: string;
  input?: unknown;
}

const tdArn = (kind: string, revision: number) => `arn:aws:ecs:eu-west-1:1:task-definition/insightxi-dev-${kind}:${revision}`;

const MACHINE = 'arn:aws:states:eu-west-1:1:stateMachine:insightxi-dev-release';

function initialState(overrides: { exitCodes?: Record<string, number>; unstableKinds?: string[]; releaseStatuses?: string[] } = {}) {
  const taskDefinitions = Object.fromEntries(
    KINDS.map((kind) => [tdArn(kind, 1), { family: `insightxi-dev-${kind}`, containerDefinitions: [{ name: kind, image: `${REGISTRY}/insightxi-dev/${IMAGE_OF[kind] ?? kind}:${OLD_SHA}` }] }]),
  );
  return {
    config: {
      cluster: 'insightxi-dev',
      services: Object.fromEntries(SERVICES.map((s) => [s, `insightxi-dev-${s}`])),
      families: Object.fromEntries(KINDS.map((k) => [k, `insightxi-dev-${k}`])),
      tasks: Object.fromEntries(['migrate', 'smoke'].map((k) => [k, { subnets: ['subnet-1'], securityGroups: [`sg-${k}`] }])),
      release_state_machine: MACHINE,
    },
    releaseStatuses: overrides.releaseStatuses ?? ['RUNNING', 'RUNNING', 'SUCCEEDED'],
    releaseLog: ['running now: insightxi-dev-database arn:…:1', `deployed ${SHA}`],
    taskDefinitions,
    running: Object.fromEntries(SERVICES.map((s) => [s, tdArn(s, 1)])),
    tasks: {},
    exitCodes: overrides.exitCodes ?? {},
    // A new revision (revision 2) of these kinds never settles.
    unstable: (overrides.unstableKinds ?? []).map((k) => tdArn(k, 2)),
    secrets: <Record<string, string>>{
      'insightxi-dev/internal-token': 'internal-old',
      'insightxi-dev/internal-token-previous': 'internal-old',
      'insightxi-dev/operator-token': 'operator-old',
      'insightxi-dev/operator-token-previous': 'operator-old',
      'insightxi-dev/database-writer-password': 'writer-old',
    },
  };
}

async function runScript(script: string, args: string[], state: ReturnType<typeof initialState>, env: Record<string, string> = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'fake-aws-'));
  const statePath = join(dir, 'state.json');
  const logPath = join(dir, 'calls.jsonl');
  writeFileSync(statePath, JSON.stringify(state));
  writeFileSync(logPath, '');
  writeFileSync(join(dir, 'aws'), `#!/bin/sh\nexec "${process.execPath}" "${join(repoRoot(), 'packages/deploy-checks/test/support/fake-aws.mjs')}" "$@"\n`);
  chmodSync(join(dir, 'aws'), 0o755);
  const result = await new Promise<{ code: number; output: string }>((resolve) => {
    execFile(
      'bash',
      [join(repoRoot(), '.github/scripts', script), ...args],
      { cwd: dir, env: { PATH: `${dir}:${process.env.PATH ?? ''}`, DEPLOY_NAME: 'insightxi-dev', FAKE_AWS_STATE: statePath, FAKE_AWS_LOG: logPath, ...env }, timeout: 60_000 },
      (error, stdout, stderr) => {
        resolve({ code: error === null ? 0 : typeof error.code === 'number' ? error.code : 1, output: stdout + stderr });
      },
    );
  });
  const calls = readFileSync(logPath, 'utf8').trim().split('\n').filter(Boolean).map((line) => JSON.parse(line) as Call);
  const finalState = JSON.parse(readFileSync(statePath, 'utf8')) as ReturnType<typeof initialState>;
  return { ...result, calls, state: finalState };
}

const index = (calls: Call[], predicate: (c: Call) => boolean) => calls.findIndex(predicate);
const deploy = (state: ReturnType<typeof initialState>, sha = SHA) => runScript('ecs-deploy.sh', [], state, { GIT_SHA: sha, AWS_REGION: 'eu-west-1', POLL_SECONDS: '0' });

describe('ecs-deploy.sh', () => {
  it('starts the release state machine with the commit, waits until it ends, prints the release task\'s log', async () => {
    const { code, calls, output } = await deploy(initialState());
    expect(code, output).toBe(0);
    const start = calls.filter((c) => c.call === 'start-execution');
    expect(start).toEqual([expect.objectContaining({ machine: MACHINE, input: { sha: SHA } })]);
    expect(calls.filter((c) => c.call === 'describe-execution').map((c) => c.status)).toEqual(['RUNNING', 'RUNNING', 'SUCCEEDED']);
    expect(calls.find((c) => c.call === 'filter-log-events')?.group).toBe('/ecs/insightxi-dev/release');
    expect(output).toContain('running now: insightxi-dev-database');
    expect(output.trim().endsWith(`deployed ${SHA}`)).toBe(true);
  });

  it('calls nothing that deploys (no ECS or IAM call), whatever the outcome', async () => {
    const allowed = ['ssm get-parameter', 'stepfunctions start-execution', 'stepfunctions describe-execution', 'logs filter-log-events'];
    for (const state of [initialState(), initialState({ releaseStatuses: ['FAILED'] })]) {
      const { calls } = await deploy(state);
      const invoked = [...new Set(calls.filter((c) => c.call === 'invoked').map((c) => c.command ?? ''))];
      expect(invoked.sort()).toEqual([...allowed].sort());
    }
  });

  it.each(['FAILED', 'TIMED_OUT', 'ABORTED'])('a release that ends %s fails the job, after printing why', async (status) => {
    const { code, output } = await deploy(initialState({ releaseStatuses: ['RUNNING', status] }));
    expect(code).toBe(1);
    expect(output).toContain(`::error::the release of ${SHA} ended ${status}`);
    expect(output).toContain('running now: insightxi-dev-database');
  });

  it('refuses anything but a full commit SHA before calling AWS', async () => {
    const { code, calls, output } = await deploy(initialState(), 'main');
    expect(code).toBe(2);
    expect(output).toContain('GIT_SHA must be a full 40-character commit SHA');
    expect(calls).toEqual([]);
  });
});

describe('rotate-secret.sh', () => {
  /** What each generation of tasks sends and accepts: before the rotation, then at each restart. */
  function generations(calls: Call[], token: string, service: string) {
    const before = { sends: `${token}-old`, accepts: [`${token}-old`] };
    const restarts = calls.filter((c) => c.call === 'update-service' && c.forceNewDeployment && c.service === service);
    return [
      before,
      ...restarts.map((c) => {
        const current = c.secrets?.[`insightxi-dev/${token}-token`] ?? '';
        return { sends: current, accepts: [current, c.secrets?.[`insightxi-dev/${token}-token-previous`] ?? ''] };
      }),
    ];
  }

  it.each([
    ['internal', ['orchestrator', 'sportmonks', 'database']],
    ['operator', ['orchestrator']],
  ])('%s-token: two restarts, and tasks of neighbouring generations accept each other\'s token', async (token, readers) => {
    const { code, calls, state, output } = await runScript('rotate-secret.sh', [`${token}-token`], initialState());
    expect(code, output).toBe(0);
    const fresh = state.secrets[`insightxi-dev/${token}-token`];
    expect(fresh).toMatch(/^random-value-/);
    expect(state.secrets[`insightxi-dev/${token}-token-previous`]).toBe(`${token}-old`);
    expect([...new Set(calls.filter((c) => c.call === 'update-service').map((c) => c.service))].sort()).toEqual([...readers].sort());
    for (const service of readers) {
      const gens = generations(calls, token, service);
      expect(gens).toHaveLength(3);
      // During a restart, tasks of one generation run beside the next: each accepts the other's.
      for (let i = 1; i < gens.length; i += 1) {
        const [older, newer] = [gens[i - 1], gens[i]];
        expect(newer?.accepts, `${service} generation ${i} accepts ${i - 1}`).toContain(older?.sends);
        expect(older?.accepts, `${service} generation ${i - 1} accepts ${i}`).toContain(newer?.sends);
      }
      expect(gens.at(-1)?.sends).toBe(fresh);
    }
  });

  it('rotating both tokens at once, as the old token_version did, would have broken calls: the check above catches it', () => {
    // One generation sends the new token and accepts only it; the one before sends the old one.
    const older = { sends: 'old', accepts: ['old'] };
    const newer = { sends: 'new', accepts: ['new'] };
    expect(newer.accepts.includes(older.sends) && older.accepts.includes(newer.sends)).toBe(false);
  });

  it('database-writer-password: the secret first, then the migration task sets it, then the writer restarts', async () => {
    const { code, calls, state, output } = await runScript('rotate-secret.sh', ['database-writer-password'], initialState());
    expect(code, output).toBe(0);
    expect(state.secrets['insightxi-dev/database-writer-password']).toMatch(/^random-value-/);
    const order = [
      index(calls, (c) => c.call === 'put-secret' && c.id === 'insightxi-dev/database-writer-password'),
      index(calls, (c) => c.call === 'run-task' && c.kind === 'migrate'),
      index(calls, (c) => c.call === 'update-service' && c.service === 'database'),
    ];
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(calls.filter((c) => c.call === 'update-service').map((c) => c.service)).toEqual(['database']);
  });

  it('names what it can rotate when asked for something else', async () => {
    const { code, output } = await runScript('rotate-secret.sh', ['sportmonks-api-token'], initialState());
    expect(code).toBe(2);
    expect(output).toContain('internal-token|operator-token|database-writer-password|database-analyst-password');
  });
});
