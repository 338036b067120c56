// The release against a stand-in of the ECS API: the SDK's real calls over HTTP, the stand-in
// keeping revisions, services and tasks as ECS does. What a user of CD would notice: which revision
// each service runs afterwards, with which image, what ran first, and what a failure puts back.
import { ECSClient } from '@aws-sdk/client-ecs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { readReleaseInput, release, type Clock, type ReleaseConfig, type ReleaseOutcome } from '../src/index.ts';
import { FakeEcs, type Scenario } from './support/fake-ecs.ts';

const OLD = 'a'.repeat(40);
const SHA = 'b'.repeat(40);
const REGISTRY = '123456789012.dkr.ecr.eu-west-1.amazonaws.com';
const SERVICES = ['orchestrator', 'sportmonks', 'database', 'dashboards'];
const IMAGE_OF: Record<string, string> = { orchestrator: 'orchestrator', sportmonks: 'sportmonks', database: 'database', dashboards: 'dashboards', migrate: 'migrate', smoke: 'orchestrator', 'sync-trigger': 'orchestrator', retention: 'database' };
const COLLECTOR = 'public.ecr.aws/aws-observability/aws-otel-collector:v0.50.0';
const image = (kind: string, sha: string) => `${REGISTRY}/insightxi-dev/${IMAGE_OF[kind] ?? kind}:${sha}`;
const service = (kind: string) => `insightxi-dev-${kind}`;
const family = (kind: string) => `insightxi-dev-${kind}`;

const config: ReleaseConfig = {
  cluster: 'insightxi-dev',
  services: Object.fromEntries(SERVICES.map((k) => [k, service(k)])),
  families: Object.fromEntries(Object.keys(IMAGE_OF).map((k) => [k, family(k)])),
  images: Object.fromEntries(Object.keys(IMAGE_OF).map((k) => [k, `${REGISTRY}/insightxi-dev/${IMAGE_OF[k] ?? k}`])),
  tasks: { migrate: { subnets: ['subnet-1'], securityGroups: ['sg-migrate'] }, smoke: { subnets: ['subnet-1'], securityGroups: ['sg-smoke'] } },
};

/** A clock that moves only when the release waits. */
function virtualClock(): Clock & { slept: number } {
  const clock = { at: 0, slept: 0, now: () => clock.at, sleep: (ms: number) => ((clock.at += ms), (clock.slept += 1), Promise.resolve()) };
  return clock;
}

const fake = new FakeEcs();
let ecs: ECSClient;
let lines: string[];
let clock: ReturnType<typeof virtualClock>;

beforeAll(async () => {
  const endpoint = await fake.start();
  ecs = new ECSClient({ endpoint, region: 'eu-west-1', credentials: { accessKeyId: 'AKIDTEST', secretAccessKey: 'test-secret' }, maxAttempts: 1 });
});
afterAll(async () => {
  ecs.destroy();
  await fake.stop();
});

/** Every family at revision 1 on the OLD commit, the services running it. */
beforeEach(() => {
  fake.taskDefinitions.clear();
  fake.services.clear();
  fake.tasks.clear();
  fake.calls.length = 0;
  fake.scenario = {};
  lines = [];
  clock = virtualClock();
  for (const kind of Object.keys(IMAGE_OF)) {
    const containers = [{ name: kind, image: image(kind, OLD), essential: true }];
    if (['orchestrator', 'sportmonks', 'database'].includes(kind)) containers.push({ name: 'collector', image: COLLECTOR, essential: false });
    const arn = fake.register(
      { family: family(kind), containerDefinitions: containers, executionRoleArn: `arn:aws:iam::123456789012:role/insightxi-dev-${kind}-execution`, networkMode: 'awsvpc', cpu: '256', memory: '512', requiresCompatibilities: ['FARGATE'] },
      [{ key: 'Service', value: kind }],
    );
    if (SERVICES.includes(kind)) fake.addService(service(kind), arn);
  }
});

async function run(scenario: Scenario = {}): Promise<ReleaseOutcome> {
  fake.scenario = { polls: 2, ...scenario };
  const polling = { clock, intervalMs: 5_000, timeoutMs: 120_000 };
  return release(ecs, { config, sha: SHA, polling: { tasks: polling, services: polling }, log: (line) => lines.push(line) });
}

const runTasks = () => fake.ops('RunTask').map((c) => fake.taskDefinitions.get(String(c.body.taskDefinition))?.body.containerDefinitions[0]?.name);
const index = (op: string, predicate: (body: Record<string, unknown>) => boolean = () => true) => fake.calls.findIndex((c) => c.op === op && predicate(c.body));

describe('a release', () => {
  it('migrates first, then runs every service on the commit\'s images, waits until each completes, then smoke-tests', async () => {
    expect(await run()).toEqual({ status: 'deployed' });
    expect(runTasks()).toEqual(['migrate', 'smoke']);
    const migrate = index('RunTask');
    const smoke = fake.calls.findLastIndex((c) => c.op === 'RunTask');
    expect(migrate).toBeLessThan(index('UpdateService'));
    expect(fake.calls.findLastIndex((c) => c.op === 'UpdateService')).toBeLessThan(smoke);
    for (const kind of SERVICES) {
      const running = fake.running(service(kind));
      expect(running, kind).toMatch(new RegExp(`${family(kind)}:2$`));
      expect(fake.imageOf(running, kind), kind).toBe(image(kind, SHA));
    }
    // The one-shot tasks ran the commit's images in their own networks.
    expect(fake.imageOf(String(fake.ops('RunTask')[0]?.body.taskDefinition))).toBe(image('migrate', SHA));
    expect(fake.imageOf(String(fake.ops('RunTask')[1]?.body.taskDefinition))).toBe(image('smoke', SHA));
    expect(fake.ops('RunTask').map((c) => (c.body.networkConfiguration as { awsvpcConfiguration: { securityGroups: string[] } }).awsvpcConfiguration.securityGroups)).toEqual([['sg-migrate'], ['sg-smoke']]);
    // Scheduled tasks run their family's latest revision: this commit's.
    for (const kind of ['sync-trigger', 'retention']) expect(fake.imageOf(fake.latest(family(kind))), kind).toBe(image(kind, SHA));
    // Only the app's image changed: the collector stays pinned, roles and tags are kept.
    const database = fake.taskDefinitions.get(fake.running(service('database')));
    expect(database?.body.containerDefinitions.find((c) => c.name === 'collector')?.image).toBe(COLLECTOR);
    expect(database?.body.executionRoleArn).toBe('arn:aws:iam::123456789012:role/insightxi-dev-database-execution');
    expect(database?.tags).toEqual([{ key: 'Service', value: 'database' }]);
    // It waited by polling (the stand-in needs two looks before a deployment or a task finishes).
    expect(clock.slept).toBeGreaterThanOrEqual(6);
    expect(lines.at(-1)).toBe(`deployed ${SHA}`);
  });

  it('a failing migration deploys nothing', async () => {
    const outcome = await run({ exitCodes: { migrate: 3 } });
    expect(outcome).toEqual({ status: 'not-deployed', reason: 'the migrations failed (exit code 3: migrate said no); nothing was deployed' });
    expect(fake.ops('UpdateService')).toEqual([]);
    for (const kind of SERVICES) expect(fake.running(service(kind))).toMatch(/:1$/);
    for (const kind of ['sync-trigger', 'retention', 'smoke']) expect(fake.imageOf(fake.latest(family(kind))), kind).toBe(image(kind, OLD));
  });

  it('a service the circuit breaker rolls back puts every service back, without a smoke test', async () => {
    const outcome = await run({ brokenImages: [image('database', SHA)] });
    expect(outcome.status).toBe('rolled-back');
    expect(outcome).toMatchObject({ rollbackSettled: true });
    expect((outcome as { reason: string }).reason).toMatch(/did not become stable: insightxi-dev-database runs .*insightxi-dev-database:1, not .*insightxi-dev-database:2/);
    expect(runTasks()).toEqual(['migrate']);
    for (const kind of SERVICES) expect(fake.imageOf(fake.running(service(kind)), kind), kind).toBe(image(kind, OLD));
    for (const kind of ['sync-trigger', 'retention', 'smoke']) expect(fake.imageOf(fake.latest(family(kind))), kind).toBe(image(kind, OLD));
  });

  it('a failing smoke test (readiness or the tiny sync) rolls every service back, scheduled tasks included', async () => {
    const outcome = await run({ exitCodes: { smoke: 1 } });
    expect(outcome).toEqual({ status: 'rolled-back', reason: `the smoke test failed on ${SHA} (exit code 1: smoke said no)`, rollbackSettled: true });
    for (const kind of SERVICES) {
      expect(fake.running(service(kind)), kind).toMatch(new RegExp(`${family(kind)}:1$`));
      expect(fake.imageOf(fake.running(service(kind)), kind)).toBe(image(kind, OLD));
    }
    // The previous revisions are registered again, so that they are the latest that the schedules run.
    for (const kind of ['sync-trigger', 'retention', 'smoke']) {
      expect(fake.latest(family(kind)), kind).toMatch(/:3$/);
      expect(fake.imageOf(fake.latest(family(kind))), kind).toBe(image(kind, OLD));
    }
  });

  it('an API error half-way (some services already on the new revision) rolls every service back', async () => {
    const outcome = await run({ refusedImages: [image('dashboards', SHA)] });
    expect(outcome.status).toBe('rolled-back');
    expect((outcome as { reason: string }).reason).toMatch(new RegExp(`the release of ${SHA} stopped on an error \\(Unable to deploy .*insightxi-dev-dashboards:2\\)`));
    expect(fake.ops('UpdateService').length).toBeGreaterThan(3);
    for (const kind of SERVICES) expect(fake.imageOf(fake.running(service(kind)), kind), kind).toBe(image(kind, OLD));
    expect(runTasks()).toEqual(['migrate']);
  });

  it('a deployment that never finishes is given up at the deadline and rolled back', async () => {
    const outcome = await run({ stuckServices: [service('sportmonks')] });
    expect(outcome.status).toBe('rolled-back');
    expect((outcome as { reason: string }).reason).toContain('insightxi-dev-sportmonks did not finish its deployment within 120 s');
    expect(clock.now()).toBeGreaterThanOrEqual(120_000);
    for (const kind of ['orchestrator', 'database', 'dashboards']) expect(fake.imageOf(fake.running(service(kind)), kind)).toBe(image(kind, OLD));
    // sportmonks is stuck on its way back too: the outcome says so.
    expect(outcome).toMatchObject({ rollbackSettled: false });
  });
});

describe('the release input', () => {
  const env = { RELEASE_CONFIG: JSON.stringify(config), GIT_SHA: SHA };

  it('takes the deploy configuration and a full commit SHA', () => {
    expect(readReleaseInput(env)).toEqual({ config, sha: SHA });
  });

  it.each([
    ['a short SHA', { ...env, GIT_SHA: 'bbbbbbb' }, /GIT_SHA must be a full 40-character commit SHA/],
    ['a branch name', { ...env, GIT_SHA: 'main' }, /GIT_SHA must be a full 40-character commit SHA/],
    ['no configuration', { GIT_SHA: SHA }, /RELEASE_CONFIG is not JSON/],
    ['a configuration without the smoke task\'s network', { ...env, RELEASE_CONFIG: JSON.stringify({ ...config, tasks: { migrate: config.tasks.migrate } }) }, /RELEASE_CONFIG\.tasks\.smoke/],
    ['a service without a family', { ...env, RELEASE_CONFIG: JSON.stringify({ ...config, services: { ...config.services, extra: 'insightxi-dev-extra' } }) }, /RELEASE_CONFIG.families has no extra/],
  ])('refuses %s', (_what, input, says) => {
    expect(() => readReleaseInput(input)).toThrow(says);
  });
});
