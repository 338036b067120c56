// .github/scripts run against a stand-in AWS CLI (support/fake-aws.mjs): the deploy's order,
// its rollbacks, and the rotation of a secret without a 401.
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
}

const tdArn = (kind: string, revision: number) => `arn:aws:ecs:eu-west-1:1:task-definition/insightxi-dev-${kind}:${revision}`;

function initialState(overrides: { exitCodes?: Record<string, number>; unstableKinds?: string[] } = {}) {
  const taskDefinitions = Object.fromEntries(
    KINDS.map((kind) => [tdArn(kind, 1), { family: `insightxi-dev-${kind}`, containerDefinitions: [{ name: kind, image: `${REGISTRY}/insightxi-dev/${IMAGE_OF[kind] ?? kind}:${OLD_SHA}` }] }]),
  );
  return {
    config: {
      cluster: 'insightxi-dev',
      services: Object.fromEntries(SERVICES.map((s) => [s, `insightxi-dev-${s}`])),
      families: Object.fromEntries(KINDS.map((k) => [k, `insightxi-dev-${k}`])),
      tasks: Object.fromEntries(['migrate', 'smoke'].map((k) => [k, { subnets: ['subnet-1'], securityGroups: [`sg-${k}`] }])),
    },
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

const deploy = (state: ReturnType<typeof initialState>) => runScript('ecs-deploy.sh', [], state, { GIT_SHA: SHA, REGISTRY, AWS_REGION: 'eu-west-1' });
const index = (calls: Call[], predicate: (c: Call) => boolean) => calls.findIndex(predicate);
const imageOf = (state: ReturnType<typeof initialState>, arn: string | undefined) => state.taskDefinitions[arn ?? '']?.containerDefinitions[0]?.image ?? '';

describe('ecs-deploy.sh', () => {
  it('migrates first, deploys every service on the commit\'s images, waits, then smoke-tests', async () => {
    const { code, calls, state, output } = await deploy(initialState());
    expect(code, output).toBe(0);
    const migrate = index(calls, (c) => c.call === 'run-task' && c.kind === 'migrate');
    const firstUpdate = index(calls, (c) => c.call === 'update-service');
    const smoke = index(calls, (c) => c.call === 'run-task' && c.kind === 'smoke');
    const stable = index(calls, (c) => c.call === 'wait-stable');
    expect(migrate).toBeGreaterThanOrEqual(0);
    expect(migrate).toBeLessThan(firstUpdate);
    expect(firstUpdate).toBeLessThan(stable);
    expect(stable).toBeLessThan(smoke);
    expect(calls[migrate]?.image).toBe(`${REGISTRY}/insightxi-dev/migrate:${SHA}`);
    expect(calls[smoke]?.image).toBe(`${REGISTRY}/insightxi-dev/orchestrator:${SHA}`);
    for (const service of SERVICES) expect(imageOf(state, state.running[service]), service).toBe(`${REGISTRY}/insightxi-dev/${service}:${SHA}`);
    // The scheduled tasks run their family's latest revision: it is this commit's.
    for (const kind of ['sync-trigger', 'retention']) {
      const last = calls.filter((c) => c.call === 'register' && c.kind === kind).at(-1);
      expect(last?.image, kind).toBe(`${REGISTRY}/insightxi-dev/${IMAGE_OF[kind] ?? kind}:${SHA}`);
    }
    expect(output).toContain(`deployed ${SHA}`);
  });

  it('a failing migration stops the deploy before any service changes', async () => {
    const { code, calls, output } = await deploy(initialState({ exitCodes: { migrate: 1 } }));
    expect(code).toBe(1);
    expect(output).toContain('the migrations failed; nothing was deployed');
    expect(calls.filter((c) => c.call === 'update-service')).toEqual([]);
  });

  it('services that do not settle on the new revision go back to the previous one, without a smoke test', async () => {
    const { code, calls, state, output } = await deploy(initialState({ unstableKinds: ['database'] }));
    expect(code).toBe(1);
    expect(output).toContain('did not become stable');
    for (const service of SERVICES) expect(state.running[service], service).toBe(tdArn(service, 1));
    expect(calls.some((c) => c.call === 'run-task' && c.kind === 'smoke')).toBe(false);
  });

  it('a failing smoke test (readiness or the tiny sync) rolls every service back, scheduled tasks included', async () => {
    const { code, calls, state, output } = await deploy(initialState({ exitCodes: { smoke: 1 } }));
    expect(code).toBe(1);
    expect(output).toContain('the smoke test failed');
    for (const service of SERVICES) expect(state.running[service], service).toBe(tdArn(service, 1));
    for (const kind of ['sync-trigger', 'retention']) {
      const last = calls.filter((c) => c.call === 'register' && c.kind === kind).at(-1);
      expect(last?.image, kind).toBe(`${REGISTRY}/insightxi-dev/${IMAGE_OF[kind] ?? kind}:${OLD_SHA}`);
    }
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
