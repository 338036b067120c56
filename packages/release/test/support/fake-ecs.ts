// A stand-in for the ECS API over HTTP (the JSON 1.1 protocol the SDK speaks), so that the release
// runs its real SDK calls against it. It keeps task definitions, services and tasks as ECS would,
// and follows a scenario: one-shot tasks' exit codes by kind, images whose tasks never turn healthy
// (the circuit breaker rolls their deployment back), services that never finish deploying.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Container {
  name: string;
  image: string;
  [key: string]: unknown;
}
export interface TaskDefinitionBody {
  family: string;
  containerDefinitions: Container[];
  executionRoleArn?: string;
  taskRoleArn?: string;
  [key: string]: unknown;
}
interface Deployment {
  id: string;
  status: 'PRIMARY' | 'ACTIVE';
  taskDefinition: string;
  rolloutState: 'IN_PROGRESS' | 'COMPLETED' | 'FAILED';
  rolloutStateReason?: string;
  /** DescribeServices calls left before it finishes. */
  pollsLeft: number;
}
interface FakeService {
  name: string;
  deployments: Deployment[];
}
interface FakeTask {
  arn: string;
  kind: string;
  taskDefinition: string;
  pollsLeft: number;
}

export interface Scenario {
  /** One-shot tasks' exit codes by container name (0 when not given). */
  exitCodes?: Record<string, number>;
  /** Images whose service tasks never turn healthy. */
  brokenImages?: string[];
  /** Images ECS refuses to deploy: UpdateService to a revision with one fails. */
  refusedImages?: string[];
  /** Services whose deployments never finish. */
  stuckServices?: string[];
  /** DescribeServices/DescribeTasks calls before a deployment finishes or a task stops. */
  polls?: number;
}

export interface Call {
  op: string;
  body: Record<string, unknown>;
}

export const ACCOUNT_ECS = 'arn:aws:ecs:eu-west-1:123456789012';

export class FakeEcs {
  readonly taskDefinitions = new Map<string, { body: TaskDefinitionBody; tags: { key: string; value: string }[] }>();
  readonly services = new Map<string, FakeService>();
  readonly tasks = new Map<string, FakeTask>();
  readonly calls: Call[] = [];
  scenario: Scenario = {};
  private server: Server | undefined;
  private counter = 0;

  /** Registers a revision as ECS does: the family's next number. */
  register(body: TaskDefinitionBody, tags: { key: string; value: string }[] = []): string {
    const revision = [...this.taskDefinitions.keys()].filter((arn) => this.familyOf(arn) === body.family).length + 1;
    const arn = `${ACCOUNT_ECS}:task-definition/${body.family}:${revision}`;
    this.taskDefinitions.set(arn, { body: structuredClone(body), tags });
    return arn;
  }

  addService(name: string, taskDefinition: string): void {
    this.services.set(name, { name, deployments: [{ id: this.id('ecs-svc'), status: 'PRIMARY', taskDefinition, rolloutState: 'COMPLETED', pollsLeft: 0 }] });
  }

  /** The revision a service's primary deployment runs. */
  running(service: string): string {
    return this.primary(this.services.get(service)).taskDefinition;
  }

  latest(family: string): string {
    const arns = [...this.taskDefinitions.keys()].filter((arn) => this.familyOf(arn) === family);
    const last = arns.at(-1);
    if (last === undefined) throw new Error(`no family ${family}`);
    return last;
  }

  imageOf(arn: string, container?: string): string {
    const body = this.taskDefinitions.get(arn)?.body;
    const found = container === undefined ? body?.containerDefinitions[0] : body?.containerDefinitions.find((c) => c.name === container);
    return found?.image ?? '';
  }

  ops(name: string): Call[] {
    return this.calls.filter((c) => c.op === name);
  }

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      let raw = '';
      req.setEncoding('utf8');
      req.on('data', (chunk: string) => (raw += chunk));
      req.on('end', () => {
        const target = String(req.headers['x-amz-target'] ?? '');
        const op = target.split('.').at(-1) ?? '';
        const body = JSON.parse(raw || '{}') as Record<string, unknown>;
        this.calls.push({ op, body });
        res.setHeader('content-type', 'application/x-amz-json-1.1');
        try {
          if (!target.startsWith('AmazonEC2ContainerServiceV20141113.') || !/AWS4-HMAC-SHA256/.test(req.headers.authorization ?? '')) throw new Error('not a signed ECS call');
          res.end(JSON.stringify(this.answer(op, body)));
        } catch (error) {
          res.statusCode = 400;
          res.end(JSON.stringify({ __type: 'ClientException', message: error instanceof Error ? error.message : String(error) }));
        }
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    await new Promise((resolve) => this.server?.close(resolve));
  }

  private answer(op: string, body: Record<string, unknown>): unknown {
    switch (op) {
      case 'DescribeTaskDefinition': {
        const ref = String(body.taskDefinition);
        const arn = ref.includes(':task-definition/') ? ref : this.latest(ref);
        const found = this.taskDefinitions.get(arn);
        if (found === undefined) throw new Error(`Unable to describe task definition ${ref}`);
        const revision = Number(arn.split(':').at(-1));
        return {
          taskDefinition: { ...found.body, taskDefinitionArn: arn, revision, status: 'ACTIVE', compatibilities: ['EC2', 'FARGATE'], requiresAttributes: [{ name: 'ecs.capability.secrets.asm.environment-variables' }], registeredAt: 1_765_000_000, registeredBy: 'arn:aws:iam::123456789012:role/x' },
          tags: (body.include as string[] | undefined)?.includes('TAGS') ? found.tags : undefined,
        };
      }
      case 'RegisterTaskDefinition': {
        for (const field of ['taskDefinitionArn', 'revision', 'status', 'compatibilities', 'requiresAttributes', 'registeredAt', 'registeredBy']) {
          if (field in body) throw new Error(`Unknown parameter in input: "${field}"`);
        }
        const { tags, ...definition } = body as { tags?: { key: string; value: string }[] } & TaskDefinitionBody;
        const arn = this.register(definition, tags ?? []);
        return { taskDefinition: { ...definition, taskDefinitionArn: arn }, tags };
      }
      case 'DescribeServices': {
        const names = body.services as string[];
        return {
          services: names.map((name) => this.advance(name)).map((s) => ({ serviceName: s.name, serviceArn: `${ACCOUNT_ECS}:service/${String(body.cluster)}/${s.name}`, taskDefinition: this.primary(s).taskDefinition, deployments: s.deployments.map(({ pollsLeft: _p, ...d }) => d) })),
          failures: [],
        };
      }
      case 'UpdateService': {
        const service = this.services.get(String(body.service));
        const taskDefinition = String(body.taskDefinition);
        if (service === undefined) throw new Error(`ServiceNotFoundException: ${String(body.service)}`);
        const definition = this.taskDefinitions.get(taskDefinition);
        if (definition === undefined) throw new Error(`TaskDefinition not found: ${taskDefinition}`);
        if (definition.body.containerDefinitions.some((c) => this.scenario.refusedImages?.includes(c.image))) throw new Error(`Unable to deploy ${taskDefinition}`);
        for (const d of service.deployments) d.status = 'ACTIVE';
        service.deployments.unshift({ id: this.id('ecs-svc'), status: 'PRIMARY', taskDefinition, rolloutState: 'IN_PROGRESS', pollsLeft: this.scenario.polls ?? 1 });
        return { service: { serviceName: service.name, taskDefinition } };
      }
      case 'RunTask': {
        const taskDefinition = String(body.taskDefinition);
        const definition = this.taskDefinitions.get(taskDefinition);
        if (definition === undefined) throw new Error(`TaskDefinition not found: ${taskDefinition}`);
        const arn = `${ACCOUNT_ECS}:task/${String(body.cluster)}/${this.id('t')}`;
        const kind = definition.body.containerDefinitions[0]?.name ?? '?';
        this.tasks.set(arn, { arn, kind, taskDefinition, pollsLeft: this.scenario.polls ?? 1 });
        return { tasks: [{ taskArn: arn, taskDefinitionArn: taskDefinition, lastStatus: 'PROVISIONING' }], failures: [] };
      }
      case 'DescribeTasks': {
        return {
          tasks: (body.tasks as string[]).map((arn) => {
            const task = this.tasks.get(arn);
            if (task === undefined) throw new Error(`no task ${arn}`);
            if (task.pollsLeft > 0) {
              task.pollsLeft -= 1;
              return { taskArn: arn, lastStatus: 'RUNNING', containers: [{ name: task.kind, lastStatus: 'RUNNING' }] };
            }
            const exitCode = this.scenario.exitCodes?.[task.kind] ?? 0;
            return { taskArn: arn, lastStatus: 'STOPPED', stoppedReason: 'Essential container in task exited', containers: [{ name: task.kind, lastStatus: 'STOPPED', exitCode, ...(exitCode === 0 ? {} : { reason: `${task.kind} said no` }) }] };
          }),
          failures: [],
        };
      }
    }
    throw new Error(`the ECS stand-in does not answer ${op}`);
  }

  /** A DescribeServices call moves a deployment on: it completes, or the circuit breaker rolls it back. */
  private advance(name: string): FakeService {
    const service = this.services.get(name);
    if (service === undefined) throw new Error(`ServiceNotFoundException: ${name}`);
    const primary = this.primary(service);
    if (primary.rolloutState !== 'IN_PROGRESS' || this.scenario.stuckServices?.includes(name)) return service;
    if (primary.pollsLeft > 0) {
      primary.pollsLeft -= 1;
      return service;
    }
    const broken = this.taskDefinitions.get(primary.taskDefinition)?.body.containerDefinitions.some((c) => this.scenario.brokenImages?.includes(c.image));
    if (!broken) {
      primary.rolloutState = 'COMPLETED';
      return service;
    }
    // The circuit breaker: the failed deployment stays as ACTIVE/FAILED, the last completed one comes back as PRIMARY.
    const previous = service.deployments.find((d) => d !== primary && this.rolledOutBefore(d));
    primary.status = 'ACTIVE';
    primary.rolloutState = 'FAILED';
    primary.rolloutStateReason = 'ECS deployment circuit breaker: tasks failed to start.';
    if (previous !== undefined) service.deployments.unshift({ id: this.id('ecs-svc'), status: 'PRIMARY', taskDefinition: previous.taskDefinition, rolloutState: 'COMPLETED', pollsLeft: 0 });
    return service;
  }

  private rolledOutBefore(d: Deployment): boolean {
    return d.rolloutState === 'COMPLETED';
  }

  private primary(service: FakeService | undefined): Deployment {
    const found = service?.deployments.find((d) => d.status === 'PRIMARY');
    if (found === undefined) throw new Error('no primary deployment');
    return found;
  }

  private familyOf(arn: string): string {
    return arn.replace(/^.*:task-definition\//, '').replace(/:\d+$/, '');
  }

  private id(prefix: string): string {
    this.counter += 1;
    return `${prefix}-${this.counter}`;
  }
}
