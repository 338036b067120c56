// The flows a deploy needs, derived from what the configuration says each part does, and held
// against what the network, load balancer, tasks, images, compose and CD actually allow:
//   - a task whose environment points at a service's ALB URL needs task → ALB and ALB → service on
//     that service's port, and the URL variable must name that service;
//   - a task given a database host needs task → RDS, TLS verified against the images' CA bundle,
//     and every part the images build its URL from; REDIS_URL needs task → cache;
//   - API Gateway's VPC link and the analysts' door need their paths to the ALB and RDS;
//   - every port agrees: listener, target, container PORT, Dockerfile, compose URLs, the metrics
//     collector's scrape; every health path is a route the services serve;
//   - every variable a service's config requires reaches its task; CD ships only this
//     repository's main through one environment-bound role, which may only start the release
//     (the release task in AWS, alone allowed to pass the released roles, deploys).
// checkWiring returns one sentence per problem; none means the wiring holds.
import { parse as parseYaml } from 'yaml';
import type { CodeFacts } from './code-facts.ts';
import { parseDockerfile, effective } from './dockerfile.ts';
import { repoSources, type Sources } from './sources.ts';
import { blocks, loadTerraform, nested, strings, type Block, type HclBody, type HclValue, type TerraformFile } from './terraform.ts';

export interface Flow {
  from: string;
  to: string;
  /** A service name (its listener and container port), mysql or redis. */
  port: string;
}

const flowName = (f: Flow) => `${f.from} → ${f.to}:${f.port}`;

export interface TaskModel {
  kind: string;
  image: string;
  /** Variable → its expression (or value). */
  environment: Map<string, string>;
  secrets: Set<string>;
}

/** Text of a parsed HCL value: expressions stay `${…}` strings, objects become JSON. */
function textOf(value: HclValue | undefined): string {
  return typeof value === 'string' ? value : JSON.stringify(value ?? null);
}

/** Group `index` of a regex match ('' when it did not take part). */
function group(match: RegExpMatchArray | RegExpExecArray | null, index: number): string {
  return match?.[index] ?? '';
}

/** The body of the first block, or an empty one: a missing block then fails the checks that read it. */
function first(found: Block[]): HclBody {
  return found[0]?.body ?? {};
}

/** An expression without its `${…}` wrapper, as it reads inside a larger expression. */
function bare(expression: string | undefined): string {
  const text = (expression ?? '').trim();
  return text.startsWith('${') && text.endsWith('}') ? text.slice(2, -1) : text;
}

function isBody(value: HclValue | undefined): value is HclBody {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `NAME = expression` pairs written in an HCL expression (object literals inside merge() and the like). */
function assignments(expression: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const match of expression.matchAll(/([A-Za-z_][A-Za-z0-9_-]*)\s*=\s*([^\n,}]+)/g)) found.set(group(match, 1), group(match, 2).trim());
  return found;
}

function localsOf(files: TerraformFile[], dir: string): HclBody {
  const merged: HclBody = {};
  for (const file of files.filter((f) => f.dir === dir)) {
    for (const body of nested(file.body, 'locals')) Object.assign(merged, body);
  }
  return merged;
}

/** An object-valued local as a name → expression map (an object literal, or assignments in an expression). */
function entries(value: HclValue | undefined): Map<string, string> {
  if (isBody(value)) return new Map(Object.entries(value).map(([k, v]) => [k, textOf(v)]));
  return assignments(textOf(value));
}

function moduleCall(files: TerraformFile[], dir: string, name: string): HclBody {
  return first(blocks(files, 'module').filter((b) => b.dir === dir && b.address === name));
}

function resourceIn(files: TerraformFile[], dir: string, type: string, name?: string): Block[] {
  return blocks(files, 'resource', type).filter((b) => b.dir === dir && (name === undefined || b.address === `${type}.${name}`));
}

/** The key in `…["key"]` of an expression such as `${module.alb.listener_arns["orchestrator"]}` ('?' when none). */
function indexKey(expression: string): string {
  return group(/\["([^"]+)"\]/.exec(expression), 1) || '?';
}

const MODULES = 'infra/modules';
const STACK = `${MODULES}/stack`;

export class InfraModel {
  readonly ports = new Map<string, number>();
  readonly tasks = new Map<string, TaskModel>();
  readonly declaredFlows: Flow[] = [];
  readonly problems: string[] = [];

  constructor(
    readonly files: TerraformFile[],
    readonly sources: Sources,
  ) {
    const stackLocals = localsOf(files, STACK);
    const servicePorts = stackLocals.service_ports;
    if (isBody(servicePorts)) for (const [name, port] of Object.entries(servicePorts)) this.ports.set(name, Number(port));
    this.readTasks();
    this.readFlows();
  }

  get services(): string[] {
    return [...this.ports.keys()];
  }

  private readTasks(): void {
    const locals = localsOf(this.files, `${MODULES}/ecs`);
    const shared = {
      database_environment: entries(locals.database_environment),
      internal_tokens: entries(locals.internal_tokens),
    };
    const tasks = locals.tasks;
    if (!isBody(tasks)) {
      this.problems.push('infra/modules/ecs: locals.tasks is not a map of task kinds');
      return;
    }
    for (const [kind, body] of Object.entries(tasks)) {
      if (!isBody(body)) continue;
      const environment = entries(body.environment);
      if (textOf(body.environment).includes('local.database_environment')) for (const [k, v] of shared.database_environment) environment.set(k, v);
      const secrets = new Set([...entries(body.secrets).keys()].filter((name) => /^[A-Z][A-Z0-9_]*$/.test(name)));
      if (textOf(body.secrets).includes('local.internal_tokens')) for (const name of shared.internal_tokens.keys()) secrets.add(name);
      this.tasks.set(kind, { kind, image: textOf(body.image), environment, secrets });
    }
  }

  /** local.flows of the network module: its literal flows and its `for` lists, expanded. */
  private readFlows(): void {
    const locals = localsOf(this.files, `${MODULES}/network`);
    const text = textOf(locals.flows);
    const literal = /\{\s*from\s*=\s*"([^"]+)",\s*to\s*=\s*"([^"]+)",\s*port\s*=\s*"([^"]+)"/g;
    for (const match of text.matchAll(literal)) this.declaredFlows.push({ from: group(match, 1), to: group(match, 2), port: group(match, 3) });
    const loop = /\[for (\w+)(?:, _)? in ([\w.]+) : \{\s*from\s*=\s*("[^"]+"|\w+),\s*to\s*=\s*("[^"]+"|\w+),\s*port\s*=\s*("[^"]+"|\w+)/g;
    for (const match of text.matchAll(loop)) {
      const [variable, collection, from, to, port] = [group(match, 1), group(match, 2), group(match, 3), group(match, 4), group(match, 5)];
      const items = collection === 'var.service_ports' ? this.services : strings(locals[collection.replace('local.', '')]);
      const value = (term: string, item: string) => (term === variable ? item : term.replace(/"/g, ''));
      for (const item of items) this.declaredFlows.push({ from: value(from, item), to: value(to, item), port: value(port, item) });
    }
  }
}

/** Flows the configuration needs, each with the reason. */
export function requiredFlows(model: InfraModel): { flow: Flow; because: string }[] {
  const required: { flow: Flow; because: string }[] = [];
  const need = (flow: Flow, because: string) => required.push({ flow, because });
  for (const task of model.tasks.values()) {
    for (const [variable, expression] of task.environment) {
      const service = /var\.service_urls\["([^"]+)"\]/.exec(expression)?.[1];
      if (service !== undefined) {
        need({ from: task.kind, to: 'alb', port: service }, `${task.kind}'s ${variable}`);
        need({ from: 'alb', to: service, port: service }, `${task.kind}'s ${variable}`);
      }
    }
    if (task.environment.has('DATABASE_HOST')) need({ from: task.kind, to: 'rds', port: 'mysql' }, `${task.kind}'s DATABASE_HOST`);
    if (task.environment.has('REDIS_URL')) need({ from: task.kind, to: 'cache', port: 'redis' }, `${task.kind}'s REDIS_URL`);
  }
  const services = model.files.filter((f) => f.dir === 'infra/envs/dev').flatMap((f) => blocks([f], 'module')).find((b) => b.address === 'stack')?.body.services;
  for (const service of isBody(services) ? Object.keys(services) : []) need({ from: 'alb', to: service, port: service }, `the ${service} ECS service behind the ALB`);
  const api = moduleCall(model.files, STACK, 'api_gateway');
  need({ from: indexKey(textOf(api.vpc_link_security_group_id)), to: 'alb', port: indexKey(textOf(api.orchestrator_listener_arn)) }, 'API Gateway\'s VPC link integration');
  const door = moduleCall(model.files, STACK, 'analyst_door');
  const doorGroup = indexKey(textOf(door.security_group_id));
  if (textOf(door.mysql_host).includes('module.rds.endpoint')) need({ from: doorGroup, to: 'rds', port: 'mysql' }, 'the analysts\' door to MySQL');
  if (textOf(door.dashboards_host).includes('module.alb.dns_name')) need({ from: doorGroup, to: 'alb', port: indexKey(textOf(door.dashboards_port)) }, 'the analysts\' door to the dashboards');
  return required;
}

function checkFlows(model: InfraModel): string[] {
  const problems: string[] = [];
  const declared = new Set(model.declaredFlows.map(flowName));
  const required = requiredFlows(model);
  for (const { flow, because } of required) {
    if (!declared.has(flowName(flow))) problems.push(`missing flow ${flowName(flow)}, needed by ${because} (infra/modules/network locals.flows)`);
  }
  const needed = new Set(required.map((r) => flowName(r.flow)));
  for (const flow of model.declaredFlows) if (!needed.has(flowName(flow))) problems.push(`flow ${flowName(flow)} is allowed but nothing in the configuration needs it`);
  // The ALB must also answer API Gateway's VPC link only on the orchestrator's port: checked above by the need.
  const groups = localsOf(model.files, `${MODULES}/network`);
  const known = new Set([...model.services, ...entries(groups.roles).keys()]);
  for (const flow of model.declaredFlows) {
    for (const end of [flow.from, flow.to]) if (!known.has(end)) problems.push(`flow ${flowName(flow)}: ${end} is not a security group of infra/modules/network`);
    if (!model.ports.has(flow.port) && !['mysql', 'redis'].includes(flow.port)) problems.push(`flow ${flowName(flow)}: ${flow.port} is not a port name`);
  }
  // Each flow becomes the source's egress and the target's ingress rule.
  const rule = (type: string) => first(resourceIn(model.files, `${MODULES}/network`, type, 'flow'));
  const expect = (body: HclBody, attribute: string, value: string, which: string) => {
    if (textOf(body[attribute]) !== value) problems.push(`the ${which} rule of each flow must set ${attribute} = ${value} (found ${textOf(body[attribute])})`);
  };
  const egress = rule('aws_vpc_security_group_egress_rule');
  const ingress = rule('aws_vpc_security_group_ingress_rule');
  for (const [body, which, own, other] of [
    [egress, 'egress', 'from', 'to'],
    [ingress, 'ingress', 'to', 'from'],
  ] as const) {
    expect(body, 'for_each', '${local.flow_map}', which);
    expect(body, 'security_group_id', `\${aws_security_group.this[each.value.${own}].id}`, which);
    expect(body, 'referenced_security_group_id', `\${aws_security_group.this[each.value.${other}].id}`, which);
    expect(body, 'from_port', '${local.ports[each.value.port]}', which);
    expect(body, 'to_port', '${local.ports[each.value.port]}', which);
  }
  if (!textOf(groups.ports).includes('mysql = 3306') || !textOf(groups.ports).includes('redis = 6379')) problems.push('infra/modules/network: local.ports must name mysql = 3306 and redis = 6379');
  return problems;
}

function checkUrlsAndPorts(model: InfraModel): string[] {
  const problems: string[] = [];
  for (const task of model.tasks.values()) {
    for (const [variable, expression] of task.environment) {
      const service = /var\.service_urls\["([^"]+)"\]/.exec(expression)?.[1];
      if (service === undefined) continue;
      const named = variable.slice(0, variable.indexOf('_')).toLowerCase();
      if (named !== service) problems.push(`${task.kind}: ${variable} points at the ${service} listener, not ${named}'s`);
    }
    const port = bare(task.environment.get('PORT'));
    if (model.ports.has(task.kind) && port !== `tostring(var.service_ports["${task.kind}"])`) {
      problems.push(`${task.kind}: PORT must be its own port var.service_ports["${task.kind}"] (found ${port || 'nothing'})`);
    }
  }
  const alb = `${MODULES}/alb`;
  const listener = first(resourceIn(model.files, alb, 'aws_lb_listener', 'service'));
  const action = nested(listener, 'default_action')[0] ?? {};
  if (textOf(listener.for_each) !== '${var.service_ports}' || textOf(listener.port) !== '${each.value}') problems.push('the ALB must have one listener per service port (for_each var.service_ports, port each.value)');
  if (textOf(action.target_group_arn) !== '${aws_lb_target_group.service[each.key].arn}') problems.push(`each ALB listener must forward to its own service's target group (found ${textOf(action.target_group_arn)})`);
  const urls = blocks(model.files, 'output').find((o) => o.dir === alb && o.address === 'service_urls')?.body.value;
  if (!textOf(urls).includes('http://${aws_lb.this.dns_name}:${port}') || !textOf(urls).includes('port in var.service_ports')) problems.push('alb output service_urls must be http://<alb>:<port> of each service port');
  const ecsService = first(resourceIn(model.files, `${MODULES}/ecs`, 'aws_ecs_service', 'service'));
  const lb = nested(ecsService, 'load_balancer')[0] ?? {};
  if (textOf(lb.container_port) !== '${var.service_ports[each.key]}' || textOf(lb.target_group_arn) !== '${var.target_group_arns[each.key]}') problems.push('each ECS service must register its own port in its own target group');
  const network = nested(ecsService, 'network_configuration')[0] ?? {};
  if (textOf(network.security_groups) !== '["${var.security_group_ids[each.key]}"]' && textOf(network.security_groups) !== '${[var.security_group_ids[each.key]]}') problems.push(`each ECS service must run in its own security group (found ${textOf(network.security_groups)})`);
  const stack = moduleCall(model.files, STACK, 'network');
  if (textOf(stack.service_ports) !== '${local.service_ports}') problems.push('the network must get the stack\'s service_ports');
  const scheduler = textOf(moduleCall(model.files, STACK, 'scheduler').tasks);
  if (!/security_group_id\s*=\s*module\.network\.security_group_ids\[kind\]/.test(scheduler)) problems.push('the scheduled tasks must each run in their own security group');
  const releaseConfig = textOf(localsOf(model.files, `${MODULES}/ecs`).release_config);
  if (!/securityGroups\s*=\s*\[var\.security_group_ids\[kind\]\]/.test(releaseConfig)) problems.push('the migration and smoke tasks the release runs must each run in their own security group');

  // The collector scrapes the service's own port, at a path the services serve.
  const ecs = textOf(localsOf(model.files, `${MODULES}/ecs`).collector_config);
  if (!ecs.includes('targets = ["localhost:${var.service_ports[kind]}"]')) problems.push('the metrics collector must scrape localhost on the service\'s own port');
  return problems;
}

function checkImages(model: InfraModel, sources: Sources): string[] {
  const problems: string[] = [];
  const { stages } = parseDockerfile(sources.read('Dockerfile'));
  const names = new Set(stages.map((s) => s.name));
  for (const [service, port] of model.ports) {
    if (!names.has(service)) {
      problems.push(`the Dockerfile has no ${service} target for the ${service} ECS service`);
      continue;
    }
    const expose = effective(stages, service, 'EXPOSE');
    const env = effective(stages, service, 'ENV') ?? '';
    if (expose !== String(port)) problems.push(`Dockerfile ${service}: EXPOSE ${expose ?? 'nothing'}, but its ALB port is ${port}`);
    if (!new RegExp(`\\bPORT=${port}\\b`).test(env)) problems.push(`Dockerfile ${service}: ENV PORT is not ${port}, its ALB port`);
  }
  problems.push(...checkCollectorImage(model));
  return problems;
}

// A released version of the ADOT collector (vX.Y.Z) or an image digest: never `latest` or no tag,
// which would change the sidecar of every task the next time ECS pulls it.
const PINNED_COLLECTOR = /^public\.ecr\.aws\/aws-observability\/aws-otel-collector(:v\d+\.\d+\.\d+|@sha256:[0-9a-f]{64})$/;

function checkCollectorImage(model: InfraModel): string[] {
  const problems: string[] = [];
  const envFiles = model.sources.list('infra/envs', 'main.tf');
  for (const file of model.files.filter((f) => envFiles.includes(f.path))) {
    const image = textOf(blocks([file], 'module').find((b) => b.address === 'stack')?.body.collector_image);
    if (!PINNED_COLLECTOR.test(image)) problems.push(`${file.dir}: collector_image must be the ADOT collector pinned to a released version (vX.Y.Z) or a digest (found ${image})`);
  }
  const ecs = textOf(localsOf(model.files, `${MODULES}/ecs`).collector_containers);
  if (!/image\s*=\s*var\.collector_image\b/.test(ecs)) problems.push('the collector sidecars must run var.collector_image, the environment\'s pinned image');
  return problems;
}

function checkCompose(model: InfraModel, sources: Sources): string[] {
  const problems: string[] = [];
  const compose = parseYaml(sources.read('docker-compose.yml'), { merge: true }) as { services: Record<string, { environment?: Record<string, string>; command?: string[] }> };
  for (const [name, service] of Object.entries(compose.services)) {
    for (const [variable, value] of Object.entries(service.environment ?? {})) {
      const url = /^http:\/\/([\w-]+):(\d+)/.exec(value);
      if (url && /_URL$/.test(variable) && variable !== 'SPORTMONKS_BASE_URL') {
        const [host, port] = [group(url, 1), group(url, 2)];
        const listens = compose.services[host]?.environment?.PORT;
        if (!(host in compose.services)) problems.push(`compose ${name}: ${variable} names ${host}, which is no compose service`);
        else if (listens !== port) problems.push(`compose ${name}: ${variable} uses port ${port}, but ${host} listens on ${String(listens)}`);
        if (host !== variable.slice(0, variable.indexOf('_')).toLowerCase()) problems.push(`compose ${name}: ${variable} points at ${host}`);
        const aws = model.ports.get(host);
        if (aws !== undefined && aws !== Number(port)) problems.push(`compose ${name}: ${host} on ${port}, but on ${aws} in AWS`);
      }
      if (/^mysql:\/\//.test(value) && !value.includes('sslca=')) problems.push(`compose ${name}: ${variable} connects to MySQL without TLS (sslca=)`);
    }
  }
  if (!(compose.services.mysql?.command ?? []).includes('--require-secure-transport=ON')) problems.push('compose mysql must require TLS (--require-secure-transport=ON), as RDS does');
  return problems;
}

function checkHealthPaths(model: InfraModel, sources: Sources, facts: CodeFacts): string[] {
  const problems: string[] = [];
  const paths: [string, string][] = [];
  paths.push(['the ALB target health check (infra/modules/stack)', textOf(moduleCall(model.files, STACK, 'alb').health_check_path)]);
  const probe = group(/process\.env\.HEALTHCHECK_PATH \?\? '([^']+)'/.exec(sources.read('docker/healthcheck.mjs')), 1);
  paths.push(['the container health check (docker/healthcheck.mjs)', probe]);
  const ready = group(/const READY_PATH = '([^']+)'/.exec(sources.read('docker/smoke.mjs')), 1);
  paths.push(['the smoke test (docker/smoke.mjs)', ready]);
  for (const [what, path] of paths) if (!facts.serves(path)) problems.push(`${what} probes ${path}, which is not a route the services serve`);
  if (ready !== '/health/ready') problems.push(`the smoke test must decide on readiness (/health/ready), not ${ready}`);
  const targetGroup = first(resourceIn(model.files, `${MODULES}/alb`, 'aws_lb_target_group', 'service'));
  if (textOf(nested(targetGroup, 'health_check')[0]?.path) !== '${var.health_check_path}') problems.push('the target groups must probe var.health_check_path');
  if (!facts.serves('/metrics')) problems.push('the collectors scrape /metrics, which the services do not serve');
  return problems;
}

function checkTasks(model: InfraModel, sources: Sources, facts: CodeFacts): string[] {
  const problems: string[] = [];
  const { stages } = parseDockerfile(sources.read('Dockerfile'));
  const caPath = stages
    .flatMap((s) => s.instructions)
    .find((i) => i.keyword === 'COPY' && i.args.includes('rds-ca-bundle.pem'))
    ?.args.split(/\s+/)
    .at(-1);
  for (const task of model.tasks.values()) {
    const provided = new Set([...task.environment.keys(), ...task.secrets]);
    if (task.environment.has('DATABASE_HOST')) {
      for (const part of facts.databaseUrlParts) if (!provided.has(part)) problems.push(`${task.kind}: DATABASE_HOST is set but ${part} is not, so no database URL can be built`);
      const ca = task.environment.get('DATABASE_SSL_CA') ?? '';
      if (!ca.includes('rds-ca-bundle.pem') || caPath === undefined || !ca.endsWith(caPath.replace('/opt/insightxi/', '')))
        problems.push(`${task.kind}: connects to RDS without TLS verified against the bundle the images ship (DATABASE_SSL_CA ${ca || 'unset'}, image has ${caPath ?? 'none'})`);
    }
    const config = facts.config[task.kind];
    if (config === undefined) continue;
    const viaUrl = facts.databaseUrlParts.every((part) => provided.has(part)) ? ['DATABASE_URL'] : [];
    for (const name of config.required) if (!provided.has(name) && !viaUrl.includes(name)) problems.push(`${task.kind}: its config requires ${name}, which its task definition does not give`);
    // A token the service accepts beside a previous one is rotated with it: both must come from secrets.
    for (const name of config.known.filter((n) => n.endsWith('_PREVIOUS'))) {
      const base = name.replace(/_PREVIOUS$/, '');
      if (task.secrets.has(base) && !task.secrets.has(name)) problems.push(`${task.kind}: ${base} comes from a secret but ${name} does not, so rotating it gives 401s`);
    }
  }
  const rds = first(resourceIn(model.files, `${MODULES}/rds`, 'aws_db_parameter_group'));
  const tlsOnly = nested(rds, 'parameter').some((p) => p.name === 'require_secure_transport' && textOf(p.value) === '1');
  if (!tlsOnly) problems.push('the RDS parameter group must set require_secure_transport = 1');
  return problems;
}

interface Workflow {
  on: Record<string, unknown>;
  jobs: Record<string, { if?: string; environment?: string; needs?: string | string[]; uses?: string; steps?: { uses?: string; run?: string; with?: Record<string, string> }[] }>;
}

function checkDelivery(model: InfraModel, sources: Sources): string[] {
  const problems: string[] = [];
  const cd = parseYaml(sources.read('.github/workflows/cd.yml')) as Workflow;
  const triggers = Object.keys(cd.on).sort();
  if (triggers.join(',') !== 'push,workflow_dispatch') problems.push(`CD must run on push and workflow_dispatch only (found ${triggers.join(', ')}): workflow_run and pull_request_target also fire for forks`);
  if (JSON.stringify((cd.on.push as { branches?: string[] } | null)?.branches) !== '["main"]') problems.push('CD must run on pushes to main only');
  const envFiles = sources.list('infra/envs', 'main.tf');
  const environments = new Set<string>();
  const repositories = new Set<string>();
  for (const file of model.files.filter((f) => envFiles.includes(f.path))) {
    const stack = blocks([file], 'module').find((b) => b.address === 'stack')?.body ?? {};
    environments.add(textOf(stack.github_environment));
    const repository = textOf(stack.github_repository);
    const tags = localsOf([file], file.dir).tags;
    repositories.add(repository === '${local.tags.Repository}' && isBody(tags) ? textOf(tags.Repository) : repository);
  }
  const options = ((cd.on.workflow_dispatch as { inputs?: { environment?: { options?: string[] } } } | null)?.inputs?.environment?.options ?? []).sort();
  if (options.join(',') !== [...environments].sort().join(',')) problems.push(`CD's environments (${options.join(', ')}) must be those Terraform trusts (${[...environments].sort().join(', ')})`);
  const gate = Object.values(cd.jobs).find((job) => job.needs === undefined)?.if ?? '';
  for (const repository of repositories) if (!gate.includes(`github.repository == '${repository}'`)) problems.push(`CD's first job must run only in ${repository} (github.repository), never in a fork`);
  if (!gate.includes("github.ref == 'refs/heads/main'")) problems.push('CD\'s first job must run only from main (github.ref)');
  for (const [name, job] of Object.entries(cd.jobs)) {
    const assumes = (job.steps ?? []).some((s) => s.uses?.startsWith('aws-actions/configure-aws-credentials@'));
    if (assumes && (job.environment === undefined || !job.environment.includes('inputs.environment'))) problems.push(`CD job ${name} assumes the deploy role outside a GitHub environment, which the OIDC trust requires`);
    if (assumes && job.needs === undefined) problems.push(`CD job ${name} assumes the deploy role without waiting for the commit check`);
    for (const step of job.steps ?? []) {
      const tags = step.with?.tags ?? '';
      if (step.uses?.startsWith('docker/build-push-action@') && (tags.includes(':latest') || !tags.trim().endsWith(':${{ needs.target.outputs.sha }}'))) problems.push(`CD job ${name} must tag images with the commit SHA only (tags are immutable)`);
    }
  }
  const oidc = blocks(model.files, 'data', 'aws_iam_policy_document').find((d) => d.dir === `${MODULES}/github-oidc` && d.address.endsWith('.assume'));
  const conditions = nested(nested(oidc?.body ?? {}, 'statement')[0] ?? {}, 'condition');
  const sub = conditions.find((c) => textOf(c.variable).endsWith(':sub'));
  if (sub?.test !== 'StringEquals' || textOf(sub.values) !== '["repo:${var.github_repository}:environment:${var.github_environment}"]')
    problems.push(`the deploy role must trust only jobs in the repository's environment (sub repo:<repo>:environment:<env>), found ${textOf(sub?.values)}`);
  problems.push(...checkReleasePowers(model, sources));
  const ecr = first(resourceIn(model.files, `${MODULES}/ecr`, 'aws_ecr_repository'));
  if (ecr.image_tag_mutability !== 'IMMUTABLE') problems.push(`ECR tags must be immutable (found ${textOf(ecr.image_tag_mutability)})`);
  return problems;
}

interface Statement {
  sid: string;
  actions: string[];
  /** The resources as written: a list's items, or one expression. */
  resources: string;
}

function policy(model: InfraModel, module: string, name: string): Statement[] {
  const document = blocks(model.files, 'data', 'aws_iam_policy_document').find((d) => d.dir === `${MODULES}/${module}` && d.address === `aws_iam_policy_document.${name}`);
  return nested(document?.body ?? {}, 'statement').map((s) => ({ sid: textOf(s.sid), actions: strings(s.actions), resources: textOf(s.resources) }));
}

const granting = (statements: Statement[], action: string) => statements.filter((s) => s.actions.includes(action) || s.actions.includes(`${action.split(':')[0] ?? ''}:*`) || s.actions.includes('*'));

/**
 * Who may deploy what. GitHub's deploy role only starts the release state machine with a SHA; the
 * machine runs only the release task (its command and role fixed, GIT_SHA its one override) and
 * passes only the release task's roles; the release task runs only the migration and smoke tasks
 * and passes only the released families' roles, never its own.
 */
function checkReleasePowers(model: InfraModel, sources: Sources): string[] {
  const problems: string[] = [];
  const deploy = policy(model, 'github-oidc', 'deploy');
  for (const s of granting(deploy, 'iam:PassRole')) problems.push(`the deploy role may pass no role (statement ${s.sid} passes ${s.resources}): the release task passes the released families' roles inside AWS`);
  for (const s of deploy.filter((st) => st.actions.some((a) => a.startsWith('ecs:')))) {
    problems.push(`the deploy role may run no ECS task and deploy nothing itself (statement ${s.sid}: ${s.actions.join(', ')} on ${s.resources})`);
  }
  const starts = granting(deploy, 'states:StartExecution');
  if (starts.length !== 1 || starts[0]?.resources !== '["${var.release_state_machine_arn}"]') problems.push(`the deploy role may start the release state machine and nothing else (found ${starts.map((s) => s.resources).join(', ') || 'none'})`);
  if (textOf(moduleCall(model.files, STACK, 'github_oidc').release_state_machine_arn) !== '${module.ecs.release_state_machine_arn}') problems.push('the deploy role must be given the stack\'s release state machine');

  const ecs = `${MODULES}/ecs`;
  const machinePolicy = policy(model, 'ecs', 'release_machine');
  const machineRuns = granting(machinePolicy, 'ecs:RunTask').map((s) => s.resources);
  if (machineRuns.join() !== '["${local.ecs_arn}:task-definition/${var.name}-release:*"]') problems.push(`the release state machine may run the release task only (found ${machineRuns.join(', ') || 'none'})`);
  const machinePasses = granting(machinePolicy, 'iam:PassRole').map((s) => s.resources);
  if (machinePasses.join() !== JSON.stringify(['${aws_iam_role.execution["release"].arn}', '${aws_iam_role.release.arn}'])) problems.push(`the release state machine may pass the release task's roles only (found ${machinePasses.join(', ') || 'none'})`);
  const definition = textOf(first(resourceIn(model.files, ecs, 'aws_sfn_state_machine', 'release')).definition);
  if (!/TaskDefinition\s*=\s*aws_ecs_task_definition\.task\["release"\]\.arn/.test(definition)) problems.push('the release state machine must run the release task\'s revision that Terraform registered');
  const overrides = /Overrides\s*=\s*\{([\s\S]*?)\n\s*\}\n/.exec(definition)?.[1] ?? '';
  if (!/ContainerOverrides\s*=\s*\[\{\s*Name\s*=\s*"release",\s*Environment\s*=\s*\[\{\s*Name\s*=\s*"GIT_SHA",\s*"Value\.\$"\s*=\s*"\$\.sha"\s*\}\]\s*\}\]/.test(overrides) || /Command|RoleArn|Cpu|Memory/.test(overrides))
    problems.push(`the release state machine may override the release task's GIT_SHA only, never its command or roles (found ${overrides.trim() || 'no overrides'})`);

  const release = policy(model, 'ecs', 'release');
  const releaseRuns = granting(release, 'ecs:RunTask').map((s) => s.resources);
  const runKinds = [...(releaseRuns.join().matchAll(/for kind in \[([^\]]*)\]/g))].flatMap((m) => [...group(m, 1).matchAll(/"([^"]+)"/g)].map((k) => group(k, 1))).sort();
  if (releaseRuns.length !== 1 || !releaseRuns[0]?.includes('task-definition/${var.name}-${kind}:*') || runKinds.join() !== 'migrate,smoke') problems.push(`the release task may run the migration and smoke tasks only (found ${releaseRuns.join(', ') || 'none'})`);
  const releasePasses = granting(release, 'iam:PassRole').map((s) => s.resources);
  const released = textOf(localsOf(model.files, ecs).released_kinds);
  if (releasePasses.join() !== '${local.released_role_arns}' || !released.includes('if kind != "release"')) problems.push(`the release task may pass the released families' roles only, never its own (found ${releasePasses.join(', ') || 'none'}; released_kinds ${released})`);

  const script = sources.read('.github/scripts/ecs-deploy.sh');
  for (const call of script.match(/\baws (ecs|iam) [\w-]+/g) ?? []) problems.push(`ecs-deploy.sh calls ${call}, which the deploy role may not: the release task does that`);
  return problems;
}

/** Every problem with the wiring, one sentence each. */
export async function checkWiring(facts: CodeFacts, sources: Sources = repoSources): Promise<string[]> {
  const model = new InfraModel(await loadTerraform(sources), sources);
  return [
    ...model.problems,
    ...checkFlows(model),
    ...checkUrlsAndPorts(model),
    ...checkImages(model, sources),
    ...checkCompose(model, sources),
    ...checkHealthPaths(model, sources, facts),
    ...checkTasks(model, sources, facts),
    ...checkDelivery(model, sources),
  ];
}
