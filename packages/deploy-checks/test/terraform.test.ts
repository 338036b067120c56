// What must hold in infra/ whatever else changes, read from the parsed HCL (no terraform binary).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  type Block,
  type HclBody,
  type TerraformFile,
  attribute,
  blocks,
  loadTerraform,
  nested,
  only,
  parseTerraformFile,
  readRepoFile,
  repoRoot,
  strings,
  terraformFiles,
  text,
} from '../src/index.ts';

let files: TerraformFile[];
const DEV = 'infra/envs/dev';
const PROD = 'infra/envs/prod';
const STACK = 'infra/modules/stack';
const modulePath = (name: string) => `infra/modules/${name}`;
const inModule = (name: string) => (b: Block) => b.dir === modulePath(name);

beforeAll(async () => {
  files = await loadTerraform();
});

function resource(type: string, module: string): HclBody {
  return only(blocks(files, 'resource', type).filter(inModule(module)), `${type} in ${module}`).body;
}

function moduleCall(name: string): HclBody {
  return only(blocks(files, 'module').filter((b) => b.dir === STACK && b.address === name), `module ${name} in ${STACK}`).body;
}

/** The values an environment gives the stack. */
function environment(dir: string): HclBody {
  return only(blocks(files, 'module').filter((b) => b.dir === dir && b.address === 'stack'), `module stack in ${dir}`).body;
}

/** Every IAM statement in the configuration, with where it is. */
function statements(): { where: string; body: HclBody }[] {
  return blocks(files, 'data', 'aws_iam_policy_document').flatMap((doc) =>
    nested(doc.body, 'statement').map((body) => ({ where: `${doc.dir} ${doc.address}`, body })),
  );
}

describe('every .tf file', () => {
  it('exists: infra/ has modules and the dev environment', () => {
    expect(terraformFiles().length).toBeGreaterThan(20);
    expect(terraformFiles()).toContain(`${DEV}/main.tf`);
  });

  it.each(terraformFiles())('%s parses', async (path) => {
    const parsed = await parseTerraformFile(path);
    expect(Object.keys(parsed.body).length).toBeGreaterThan(0);
  });

  it('rejects a broken file (the parser is really checking)', async () => {
    const { parse } = await import('@cdktf/hcl2json');
    await expect(parse('broken.tf', 'resource "a" "b" {')).rejects.toThrow(/Unclosed configuration block/);
  });
});

describe('modules and variables', () => {
  const moduleDirs = [...new Set(terraformFiles().map((p) => p.split('/').slice(0, 3).join('/')))].filter((d) =>
    d.startsWith('infra/modules/'),
  );

  it.each(moduleDirs)('%s has main, variables, outputs and versions files', (dir) => {
    for (const file of ['main.tf', 'variables.tf', 'outputs.tf', 'versions.tf']) {
      expect(existsSync(join(repoRoot(), dir, file)), `${dir}/${file}`).toBe(true);
    }
  });

  it('every variable is typed and described', () => {
    const variables = blocks(files, 'variable');
    expect(variables.length).toBeGreaterThan(50);
    const missing = variables
      .filter((v) => typeof v.body.type !== 'string' || typeof v.body.description !== 'string' || v.body.description.trim().length < 10)
      .map((v) => `${v.dir} variable "${v.address}"`);
    expect(missing).toEqual([]);
  });

  it('every output is described', () => {
    const missing = blocks(files, 'output')
      .filter((o) => typeof o.body.description !== 'string')
      .map((o) => `${o.dir} output "${o.address}"`);
    expect(missing).toEqual([]);
  });

  it('no variable carries a secret: nothing named password/secret/token holds a string', () => {
    const suspicious = blocks(files, 'variable').filter(
      (v) => /password|secret|token|key/i.test(v.address) && !/number|bool/.test(text(v.body, 'type')) && !/_arns?$|_name$|_id$/.test(v.address),
    );
    expect(suspicious.map((v) => `${v.dir} ${v.address}`)).toEqual([]);
  });

  it('Terraform >= 1.9 and a pinned AWS provider everywhere', () => {
    const versionFiles = files.filter((f) => f.path.endsWith('versions.tf'));
    expect(versionFiles.length).toBeGreaterThanOrEqual(10);
    for (const file of versionFiles) {
      const terraform = only(nested(file.body, 'terraform'), `terraform block in ${file.path}`);
      const required = text(terraform, 'required_version');
      const [major, minor] = (/(\d+)\.(\d+)/.exec(required) ?? []).slice(1).map(Number);
      expect(required, file.path).toMatch(/^>=|^~>/);
      expect((major ?? 0) * 100 + (minor ?? 0), file.path).toBeGreaterThanOrEqual(109);
      const providers = only(nested(terraform, 'required_providers'), `required_providers in ${file.path}`);
      const aws = providers.aws as HclBody;
      expect(aws.source).toBe('hashicorp/aws');
      expect(text(aws, 'version')).toMatch(/^~> \d+\.\d+$/);
    }
  });

  it('registry modules are pinned to a version', () => {
    const remote = blocks(files, 'module').filter((m) => !text(m.body, 'source').startsWith('.'));
    expect(remote.map((m) => m.address)).toContain('vpc');
    for (const m of remote) expect(text(m.body, 'version'), m.address).toMatch(/^~> \d+\.\d+$/);
  });

  it('every module the stack calls gets the common tags; each environment passes them and sets them as provider default tags', () => {
    const calls = blocks(files, 'module').filter((b) => b.dir === STACK);
    expect(calls.length).toBeGreaterThanOrEqual(11);
    for (const call of calls) expect(text(call.body, 'tags'), call.address).toBe('${var.tags}');
    for (const dir of [DEV, PROD]) {
      expect(text(environment(dir), 'tags'), dir).toBe('${local.tags}');
      const provider = only(blocks(files, 'provider').filter((b) => b.dir === dir && b.address === 'aws'), `aws provider in ${dir}`);
      expect(text(only(nested(provider.body, 'default_tags'), 'default_tags'), 'tags')).toBe('${local.tags}');
    }
  });

  it('the stack outputs the API URL, the ECR repository URLs, the RDS endpoint, the door and the alarms; each environment forwards them', () => {
    const outputs = blocks(files, 'output').filter((o) => o.dir === STACK).map((o) => o.address);
    expect(outputs).toEqual(expect.arrayContaining(['api_url', 'ecr_repository_urls', 'rds_endpoint', 'deploy_role_arn', 'analyst_door_parameter', 'analysts_group', 'alarm_topic_arn', 'dashboard_name']));
    for (const dir of [DEV, PROD]) {
      expect(only(blocks(files, 'output').filter((o) => o.dir === dir), `output of ${dir}`).body.value).toBe('${module.stack}');
    }
  });
});

describe('network', () => {
  it('the VPC spans two zones with private and public subnets and NAT', () => {
    const vpc = only(blocks(files, 'module').filter((b) => b.address === 'vpc'), 'vpc module').body;
    expect(vpc.source).toBe('terraform-aws-modules/vpc/aws');
    expect(vpc.enable_nat_gateway).toBe(true);
    expect(text(vpc, 'private_subnets')).toContain('local.private_subnets');
    expect(text(vpc, 'public_subnets')).toContain('local.public_subnets');
    const validation = nested(only(blocks(files, 'variable').filter((v) => v.dir === modulePath('network') && v.address === 'availability_zones'), 'azs').body, 'validation');
    expect(text(only(validation, 'azs validation'), 'condition')).toContain('>= 2');
  });

  it('no security group accepts traffic from an address range: every ingress names a security group', () => {
    const ingress = blocks(files, 'resource', 'aws_vpc_security_group_ingress_rule');
    expect(ingress.length).toBeGreaterThanOrEqual(1);
    for (const rule of ingress) {
      expect(rule.body.cidr_ipv4, rule.address).toBeUndefined();
      expect(rule.body.cidr_ipv6, rule.address).toBeUndefined();
      expect(text(rule.body, 'referenced_security_group_id'), rule.address).toContain('aws_security_group.');
    }
    expect(blocks(files, 'resource', 'aws_security_group_rule')).toEqual([]);
    for (const sg of blocks(files, 'resource', 'aws_security_group')) expect(nested(sg.body, 'ingress'), sg.address).toEqual([]);
  });

  it('MySQL is reachable from the writer, the migration and retention tasks, the dashboards and the analysts\' door only', () => {
    const main = readRepoFile(`${modulePath('network')}/main.tf`);
    const toRds = [...main.matchAll(/\{ from = "([^"]+)", to = "rds", port = "mysql"/g)].map((m) => m[1]).sort();
    expect(toRds).toEqual(['analyst-door', 'dashboards', 'database', 'migrate', 'retention']);
  });

  it('the analysts\' door has no ingress rule at all (Session Manager needs none)', () => {
    const main = readRepoFile(`${modulePath('network')}/main.tf`);
    expect(main).not.toMatch(/to = "analyst-door"/);
    const door = resource('aws_instance', 'analyst-door');
    expect(door.key_name).toBeUndefined();
    expect(door.associate_public_ip_address).toBe(false);
    expect(only(nested(door, 'metadata_options'), 'metadata').http_tokens).toBe('required');
    expect(only(nested(door, 'root_block_device'), 'root').encrypted).toBe(true);
  });

  it('only HTTPS leaves the VPC', () => {
    const outbound = blocks(files, 'resource', 'aws_vpc_security_group_egress_rule').filter((r) => r.body.cidr_ipv4 !== undefined);
    expect(outbound.length).toBeGreaterThan(0);
    for (const rule of outbound) {
      expect([rule.body.from_port, rule.body.to_port], rule.address).toEqual([443, 443]);
    }
  });
});

describe('RDS MySQL 8.4', () => {
  it('is private, encrypted, with an RDS-managed master password, backups and a final snapshot', () => {
    const db = resource('aws_db_instance', 'rds');
    expect(db.engine).toBe('mysql');
    expect(db.publicly_accessible).toBe(false);
    expect(db.storage_encrypted).toBe(true);
    expect(db.manage_master_user_password).toBe(true);
    expect(db.password).toBeUndefined();
    expect(db.password_wo).toBeUndefined();
    expect(db.skip_final_snapshot).toBe(false);
    expect(db.backup_retention_period).toBe('${var.backup_retention_days}');
    expect(db.deletion_protection).toBe('${var.deletion_protection}');
    expect(db.performance_insights_enabled).toBe('${var.performance_insights}');
    expect(moduleCall('rds').engine_version).toBe('8.4');
    expect(moduleCall('rds').subnet_ids).toBe('${module.network.private_subnet_ids}');
  });

  it('production is Multi-AZ, deletion-protected, with 14 days of backups and Performance Insights; dev is cheaper', () => {
    expect(environment(PROD)).toMatchObject({ db_multi_az: true, deletion_protection: true, db_backup_retention_days: 14, db_performance_insights: true, single_nat_gateway: false });
    expect(environment(DEV)).toMatchObject({ db_multi_az: false, deletion_protection: false, db_performance_insights: false });
    // Same modules, same shape: the environments differ only in values.
    expect(Object.keys(environment(PROD)).sort()).toEqual(Object.keys(environment(DEV)).sort());
    for (const dir of [DEV, PROD]) {
      const terraform = only(nested(only(files.filter((f) => f.path === `${dir}/versions.tf`), `${dir}/versions.tf`).body, 'terraform'), 'terraform');
      const backend = (only(nested(terraform, 'backend'), 'backend') as Record<string, HclBody[]>).s3?.[0];
      expect(backend, dir).toMatchObject({ encrypt: true, use_lockfile: true });
      expect(readRepoFile(`${dir}/backend.hcl.example`)).toContain(`key    = "insightxi/${dir.split('/').at(-1) ?? ''}/terraform.tfstate"`);
    }
  });

  it('backups can never be switched off', () => {
    const retention = only(
      blocks(files, 'variable').filter((v) => v.dir === modulePath('rds') && v.address === 'backup_retention_days'),
      'backup_retention_days',
    );
    expect(text(only(nested(retention.body, 'validation'), 'validation'), 'condition')).toMatch(/>= 1/);
  });
});

describe('rate-limit cache', () => {
  it('is encrypted at rest and in transit, reachable from the fetcher only, and handed to it as REDIS_URL', () => {
    const cache = resource('aws_elasticache_replication_group', 'cache');
    expect(cache.at_rest_encryption_enabled).toBe(true);
    expect(cache.transit_encryption_enabled).toBe(true);
    expect(moduleCall('ecs').redis_url).toBe('${module.cache.url}');
    expect(readRepoFile(`${modulePath('cache')}/outputs.tf`)).toContain('rediss://');
    expect(readRepoFile(`${modulePath('ecs')}/main.tf`)).toMatch(/REDIS_URL\s+= var\.redis_url/);
    expect(readRepoFile(`${modulePath('network')}/main.tf`).match(/to = "cache"/g)).toHaveLength(1);
  });
});

describe('internal ALB', () => {
  it('is internal, in private subnets', () => {
    const alb = resource('aws_lb', 'alb');
    expect(alb.internal).toBe(true);
    expect(alb.load_balancer_type).toBe('application');
    expect(moduleCall('alb').subnet_ids).toBe('${module.network.private_subnet_ids}');
  });

  it('has one listener per service port that forwards every path unchanged (no path prefixes)', () => {
    const listener = resource('aws_lb_listener', 'alb');
    expect(listener.for_each).toBe('${var.service_ports}');
    expect(listener.port).toBe('${each.value}');
    const action = only(nested(listener, 'default_action'), 'default_action');
    expect(action.type).toBe('forward');
    expect(blocks(files, 'resource', 'aws_lb_listener_rule')).toEqual([]);
    const main = readRepoFile(`${STACK}/main.tf`);
    expect(main).toMatch(/sportmonks\s+= 8000/);
    expect(main).toMatch(/database\s+= 8001/);
    expect(main).toMatch(/orchestrator = 8002/);
    expect(main).toMatch(/dashboards\s+= 3000/);
  });

  it('hands target groups to ECS only once their listeners exist (ECS refuses an unattached target group)', () => {
    const output = only(blocks(files, 'output').filter((o) => o.dir === modulePath('alb') && o.address === 'target_group_arns'), 'output');
    expect(output.body.depends_on).toEqual(['${aws_lb_listener.service}']);
  });

  it('callers get per-port base URLs, not prefixed paths', () => {
    const urls = only(blocks(files, 'output').filter((o) => o.dir === modulePath('alb') && o.address === 'service_urls'), 'service_urls');
    expect(text(urls.body, 'value')).toContain('http://${aws_lb.this.dns_name}:${port}');
  });
});

describe('ECS', () => {
  it('services run on Fargate in private subnets without public IPs', () => {
    const service = resource('aws_ecs_service', 'ecs');
    expect(service.launch_type).toBe('FARGATE');
    const network = only(nested(service, 'network_configuration'), 'network_configuration');
    expect(network.assign_public_ip).toBe(false);
    expect(network.subnets).toBe('${var.private_subnet_ids}');
    expect(moduleCall('ecs').private_subnet_ids).toBe('${module.network.private_subnet_ids}');
  });

  it('deployments roll back by themselves when they fail', () => {
    const breaker = only(nested(resource('aws_ecs_service', 'ecs'), 'deployment_circuit_breaker'), 'circuit breaker');
    expect(breaker).toEqual({ enable: true, rollback: true });
  });

  it('the fetcher and the writer scale on CPU', () => {
    const policy = resource('aws_appautoscaling_policy', 'ecs');
    expect(policy.policy_type).toBe('TargetTrackingScaling');
    const config = only(nested(policy, 'target_tracking_scaling_policy_configuration'), 'tracking config');
    const metric = only(nested(config, 'predefined_metric_specification'), 'metric');
    expect(metric.predefined_metric_type).toBe('ECSServiceAverageCPUUtilization');
    for (const dir of [DEV, PROD]) {
      const services = environment(dir).services as Record<string, HclBody>;
      expect(services.sportmonks?.autoscale, dir).toBe(true);
      expect(services.database?.autoscale, dir).toBe(true);
    }
  });

  it('task definitions get their secrets from Secrets Manager, health checks and log groups', () => {
    const main = readRepoFile(`${modulePath('ecs')}/main.tf`);
    expect(main).toContain('valueFrom = secret.key == "" ? secret.arn : "${secret.arn}:${secret.key}::"');
    expect(main).toContain('healthcheck.mjs');
    expect(main).toContain('logDriver = "awslogs"');
    expect(main).toContain('task_role_arn            = each.key == "release" ? aws_iam_role.release.arn : contains(keys(local.metered), each.key) ? aws_iam_role.task[each.key].arn : null');
    for (const group of blocks(files, 'resource', 'aws_cloudwatch_log_group').filter(inModule('ecs'))) expect(group.body.retention_in_days, group.address).toBe('${var.log_retention_days}');
    // Every secret a task reads is named by an ARN, never a value.
    expect(main).not.toMatch(/secretString|secret_string\s*=/);
  });

  it('the failure webhook URL (a secret: Slack\'s carries a token) reaches the orchestrator only as an optional secret', () => {
    const main = readRepoFile(`${modulePath('ecs')}/main.tf`);
    expect(main).toMatch(/NOTIFY_WEBHOOK_URL = \{ arn = var\.notify_webhook_url_secret_arn, key = "" \}/);
    expect(main.match(/NOTIFY_WEBHOOK_URL/g)).toHaveLength(1);
    expect(moduleCall('ecs').notify_webhook_url_secret_arn).toBe('${var.notify_webhook_url_secret_arn}');
  });

  it('the writer connects as its own rows-only MySQL account, the dashboards as the analyst, both made by the migration task (RDS master)', () => {
    const main = readRepoFile(`${modulePath('ecs')}/main.tf`);
    const task = (kind: string) => {
      const start = main.indexOf(`    ${kind} = {`);
      return main.slice(start, main.indexOf('\n    }\n', start));
    };
    expect(task('database')).toContain('DATABASE_USER = local.writer_user');
    expect(task('database')).toContain('DATABASE_PASSWORD = local.secret.writer_password');
    expect(task('database')).not.toContain('local.secret.database_');
    expect(task('dashboards')).toContain('DATABASE_USER         = local.analyst_user');
    expect(task('dashboards')).toContain('DATABASE_PASSWORD = local.secret.analyst_password');
    expect(task('migrate')).toContain('node dist/insightxi-db.mjs migrate --dir prisma/migrations && node dist/service-user.mjs && node dist/analyst-user.mjs');
    expect(task('migrate')).toMatch(/DATABASE_PASSWORD\s+= local\.secret\.database_password/);
    expect(task('migrate')).toMatch(/SERVICE_DB_PASSWORD = local\.secret\.writer_password/);
    expect(task('migrate')).toMatch(/ANALYST_PASSWORD\s+= local\.secret\.analyst_password/);
    expect(task('migrate')).toContain('SERVICE_DB_USER = local.writer_user, ANALYST_USER = local.analyst_user');
    expect(moduleCall('ecs').secret_arns).toBe('${module.secrets.secret_arns}');
  });

  it('the API services carry a metrics collector (ADOT, pinned) that may only write the metrics log group', () => {
    const main = readRepoFile(`${modulePath('ecs')}/main.tf`);
    expect(main).toContain('AOT_CONFIG_CONTENT');
    expect(main).toContain('awsemf = {');
    const collector = only(blocks(files, 'data', 'aws_iam_policy_document').filter((d) => d.dir === modulePath('ecs') && d.address.endsWith('.collector')), 'collector policy');
    const statement = only(nested(collector.body, 'statement'), 'collector statement');
    expect(strings(statement.actions).sort()).toEqual(['logs:CreateLogStream', 'logs:DescribeLogStreams', 'logs:PutLogEvents']);
    expect(text(statement, 'resources')).toContain('aws_cloudwatch_log_group.metrics.arn');
    for (const dir of [DEV, PROD]) expect(environment(dir).collector_image, dir).toMatch(/^public\.ecr\.aws\/aws-observability\/aws-otel-collector:v\d+\.\d+\.\d+$/);
  });

  it('execution roles may read only their own task\'s secrets and write only their own log group', () => {
    const policy = only(blocks(files, 'data', 'aws_iam_policy_document').filter((d) => d.dir === modulePath('ecs') && d.address.endsWith('.execution')), 'execution policy');
    expect(policy.body.for_each).toBe('${local.tasks}');
    const bySid = new Map(nested(policy.body, 'statement').map((s) => [s.sid, s]));
    // A dynamic statement: the release task reads no secret, and a statement without resources is invalid.
    const readSecrets = nested(nested(policy.body, 'dynamic')[0] ?? {}, 'statement')[0] ?? {};
    expect(text(readSecrets, 'for_each')).toContain('each.value.secrets');
    expect(nested(readSecrets, 'content')[0]).toMatchObject({ sid: 'ReadOwnSecrets', actions: ['secretsmanager:GetSecretValue'], resources: '${statement.value}' });
    expect(text(bySid.get('WriteOwnLogs') ?? {}, 'resources')).toContain('aws_cloudwatch_log_group.task[each.key].arn');
    expect(text(bySid.get('PullOwnImage') ?? {}, 'resources')).toContain('var.repository_arns[each.value.image]');
  });
});

describe('ECR', () => {
  it('scans on push, keeps every tag immutable (no latest) and expires old images', () => {
    const repo = resource('aws_ecr_repository', 'ecr');
    expect(only(nested(repo, 'image_scanning_configuration'), 'scanning').scan_on_push).toBe(true);
    expect(repo.image_tag_mutability).toBe('IMMUTABLE');
    expect(nested(repo, 'image_tag_mutability_exclusion_filter')).toEqual([]);
    const lifecycle = resource('aws_ecr_lifecycle_policy', 'ecr');
    expect(lifecycle.for_each).toBe('${aws_ecr_repository.this}');
    expect(text(lifecycle, 'policy')).toContain('imageCountMoreThan');
    expect(text(lifecycle, 'policy')).toContain('untagged');
  });
});

describe('API Gateway', () => {
  it('exposes exactly the orchestrator\'s /sync routes and GET /freshness, each behind the JWT authorizer', () => {
    const main = readRepoFile(`${modulePath('api-gateway')}/main.tf`);
    const routeKeys = [...main.matchAll(/"((?:GET|POST|PUT|PATCH|DELETE|ANY) [^"]+)"/g)].map((m) => m[1]);
    expect(routeKeys.sort()).toEqual([
      'GET /freshness',
      'GET /sync/runs',
      'GET /sync/runs/{runId}',
      'POST /sync/runs/{runId}/cancel',
      'POST /sync/runs/{runId}/resume',
      'POST /sync/{target}',
    ]);
    expect(main).not.toContain('$default"\n  target');
    const route = resource('aws_apigatewayv2_route', 'api-gateway');
    expect(route.route_key).toBe('${each.value}');
    expect(route.authorization_type).toBe('JWT');
    expect(route.authorizer_id).toBe('${aws_apigatewayv2_authorizer.jwt.id}');
    expect(strings(route.authorization_scopes).length).toBe(1);
    expect(resource('aws_apigatewayv2_authorizer', 'api-gateway').authorizer_type).toBe('JWT');
  });

  it('reaches the orchestrator through a VPC link to its own ALB listener', () => {
    const integration = resource('aws_apigatewayv2_integration', 'api-gateway');
    expect(integration.connection_type).toBe('VPC_LINK');
    expect(integration.integration_uri).toBe('${var.orchestrator_listener_arn}');
    expect(moduleCall('api_gateway').orchestrator_listener_arn).toBe('${module.alb.listener_arns["orchestrator"]}');
  });

  it('never allows CORS from *', () => {
    const api = resource('aws_apigatewayv2_api', 'api-gateway');
    const cors = nested(api, 'dynamic').flatMap((d) => nested(d, 'cors_configuration'));
    expect(cors.length).toBe(1);
    const content = only(nested(only(cors, 'cors'), 'content'), 'cors content');
    expect(content.allow_origins).toBe('${var.cors_allowed_origins}');
    const variable = only(
      blocks(files, 'variable').filter((v) => v.dir === modulePath('api-gateway') && v.address === 'cors_allowed_origins'),
      'cors variable',
    );
    expect(text(only(nested(variable.body, 'validation'), 'validation'), 'condition')).toContain('o != "*"');
    for (const dir of [DEV, PROD]) expect(environment(dir).cors_allowed_origins, dir).toEqual([]);
  });
});

describe('secrets', () => {
  it('tokens and passwords live in Secrets Manager, never in state; each token has a -previous twin for rotations', () => {
    const main = readRepoFile(`${modulePath('secrets')}/main.tf`);
    for (const name of ['internal-token', 'operator-token', 'database-writer-password', 'database-analyst-password', 'sportmonks-api-token']) expect(main).toContain(name);
    expect(main).toContain('paired = toset(["internal-token", "operator-token"])');
    const version = resource('aws_secretsmanager_secret_version', 'secrets');
    expect(version.secret_string).toBeUndefined();
    expect(version.secret_string_wo).toBe('${ephemeral.random_password.generated[local.initial_value_of[each.key]].result}');
    expect(blocks(files, 'ephemeral', 'random_password').length).toBe(1);
    expect(blocks(files, 'resource', 'random_password')).toEqual([]);
    // No version that rotates every secret at once: each rotates on its own (rotate-secret.sh).
    expect(blocks(files, 'variable').map((v) => v.address)).not.toContain('token_version');
  });
});

describe('schedules', () => {
  it('run an incremental sync every few minutes, wider sweeps hourly and nightly, a full sync and the retention job nightly, inside the VPC', () => {
    for (const dir of [DEV, PROD]) {
      const values = environment(dir);
      expect(values.incremental_sync_schedule, dir).toMatch(/^rate\(\d+ minutes\)$/);
      expect(values.full_sync_schedule, dir).toMatch(/^cron\(/);
      expect(values.week_sweep_schedule, dir).toMatch(/^rate\(/);
      expect(values.season_sweep_schedule, dir).toMatch(/^cron\(/);
      expect(values.retention_schedule, dir).toMatch(/^cron\(/);
      expect(values.retention_days, dir).toBe(90);
    }
    const main = readRepoFile(`${STACK}/main.tf`);
    expect(main).toContain('sync_path   = "/sync/fixtures?mode=incremental&windowDays=7"');
    expect(main).toContain('sync_path   = "/sync/fixtures?mode=incremental&windowDays=100"');
    expect(main).toContain('task        = "retention"');
    const scheduler = readRepoFile(`${modulePath('scheduler')}/main.tf`);
    expect(scheduler).toContain('aws-sdk:ecs:runTask');
    expect(scheduler).toContain('AssignPublicIp = "DISABLED"');
  });
});

describe('alarms', () => {
  it('every alarm the issue lists exists and notifies the SNS topic', () => {
    const alarms = blocks(files, 'resource', 'aws_cloudwatch_metric_alarm').filter(inModule('monitoring'));
    expect(alarms.map((a) => a.address.split('.')[1]).sort()).toEqual(
      ['error_rate', 'freshness', 'live_poller_stalled', 'quarantine_spike', 'rds', 'run_failed', 'sportmonks_429', 'unhealthy_targets'].sort(),
    );
    for (const alarm of alarms) expect(alarm.body.alarm_actions, alarm.address).toBe('${local.alarm_actions}');
    const rds = alarms.find((a) => a.address.endsWith('.rds'))?.body.for_each as HclBody;
    expect(Object.keys(rds).sort()).toEqual(['connections', 'cpu', 'storage']);
    expect(blocks(files, 'resource', 'aws_sns_topic_subscription').filter(inModule('monitoring')).map((s) => s.body.protocol).sort()).toEqual(['email', 'https']);
    expect(resource('aws_cloudwatch_dashboard', 'monitoring').dashboard_body).toBeDefined();
  });

  it('freshness is derived from the schedules: a missed interval (missing data included) alarms', () => {
    const freshness = alarmBody('freshness');
    expect(freshness.treat_missing_data).toBe('breaching');
    expect(freshness.for_each).toBe('${var.freshness}');
    expect(moduleCall('monitoring').freshness).toBe('${local.freshness}');
    expect(readRepoFile(`${STACK}/main.tf`)).toContain('for entity, every in local.shortest_interval');
  });
});

function alarmBody(name: string): HclBody {
  return only(blocks(files, 'resource', 'aws_cloudwatch_metric_alarm').filter((b) => b.dir === modulePath('monitoring') && b.address.endsWith(`.${name}`)), name).body;
}

describe('IAM', () => {
  it('no statement grants a wildcard action', () => {
    for (const { where, body } of statements()) {
      for (const action of strings(attribute(body, 'actions'))) expect(action, where).not.toMatch(/\*/);
    }
  });

  it('resource "*" only for actions that have no resource-level permissions', () => {
    const allowed = new Set(['ecr:GetAuthorizationToken', 'ecs:RegisterTaskDefinition', 'ecs:DescribeTaskDefinition']);
    // (The analysts' session ARNs carry an account wildcard, not "*": sessions are named after the user.)
    for (const { where, body } of statements()) {
      if (!strings(body.resources).includes('*')) continue;
      for (const action of strings(body.actions)) expect(allowed.has(action), `${where}: ${action} on *`).toBe(true);
    }
  });

  it('roles are only passed to ECS tasks', () => {
    const passing = statements().filter(({ body }) => strings(body.actions).includes('iam:PassRole'));
    expect(passing.length).toBeGreaterThanOrEqual(2);
    for (const { where, body } of passing) {
      const conditions = nested(body, 'condition');
      expect(conditions.map((c) => [c.variable, strings(c.values)]), where).toContainEqual(['iam:PassedToService', ['ecs-tasks.amazonaws.com']]);
    }
  });

  it('GitHub deploys through OIDC, from jobs in one GitHub environment of one repository only', () => {
    const provider = resource('aws_iam_openid_connect_provider', 'github-oidc');
    expect(provider.url).toBe('https://${local.oidc_host}');
    expect(provider.client_id_list).toEqual(['sts.amazonaws.com']);
    expect(readRepoFile(`${modulePath('github-oidc')}/main.tf`)).toContain('oidc_host    = "token.actions.githubusercontent.com"');
    const assume = only(
      blocks(files, 'data', 'aws_iam_policy_document').filter((d) => d.dir === modulePath('github-oidc') && d.address.endsWith('.assume')),
      'assume policy',
    );
    const statement = only(nested(assume.body, 'statement'), 'assume statement');
    expect(statement.actions).toEqual(['sts:AssumeRoleWithWebIdentity']);
    const conditions = nested(statement, 'condition');
    for (const c of conditions) expect(c.test).toBe('StringEquals');
    expect(conditions.map((c) => c.variable)).toEqual(['${local.oidc_host}:aud', '${local.oidc_host}:sub']);
    expect(strings(conditions[1]?.values)).toEqual(['repo:${var.github_repository}:environment:${var.github_environment}']);
    expect(environment(DEV).github_environment).toBe('dev');
    expect(environment(PROD).github_environment).toBe('prod');
  });

  it('the deploy role can push images and start the release, nothing else: no ECS call, no role to pass', () => {
    const deploy = only(
      blocks(files, 'data', 'aws_iam_policy_document').filter((d) => d.dir === modulePath('github-oidc') && d.address.endsWith('.deploy')),
      'deploy policy',
    );
    const bySid = new Map(nested(deploy.body, 'statement').map((s) => [s.sid, s]));
    expect([...bySid.keys()].sort()).toEqual(['EcrLogin', 'PushImages', 'ReadDeployConfig', 'ReadReleaseLog', 'StartRelease', 'WatchRelease']);
    for (const action of [...bySid.values()].flatMap((s) => strings(s.actions))) expect(action).toMatch(/^(ecr:|ssm:GetParameter$|states:(StartExecution|DescribeExecution)$|logs:FilterLogEvents$)/);
    expect(bySid.get('PushImages')?.resources).toBe('${var.repository_arns}');
    expect(bySid.get('StartRelease')?.resources).toEqual(['${var.release_state_machine_arn}']);
    expect(bySid.get('WatchRelease')?.resources).toEqual(['${local.release_executions}']);
  });

  it('the release task, started only by the state machine, deploys: registers, passes the released roles, runs migrate and smoke, updates the services', () => {
    const release = only(blocks(files, 'data', 'aws_iam_policy_document').filter((d) => d.dir === modulePath('ecs') && d.address === 'aws_iam_policy_document.release'), 'release policy');
    const bySid = new Map(nested(release.body, 'statement').map((s) => [s.sid, s]));
    expect([...bySid.keys()].sort()).toEqual(['DeployServices', 'PassReleasedRoles', 'RunMigrationAndSmoke', 'TaskDefinitions', 'WatchTasks']);
    expect(strings(bySid.get('DeployServices')?.actions).sort()).toEqual(['ecs:DescribeServices', 'ecs:UpdateService']);
    expect(text(bySid.get('DeployServices') ?? {}, 'resources')).toContain('aws_ecs_service.service');
    const machine = resource('aws_sfn_state_machine', 'ecs');
    expect(machine.role_arn).toBe('${aws_iam_role.release_machine.arn}');
    expect(text(machine, 'definition')).toContain('arn:${local.partition}:states:::ecs:runTask.sync');
    // The machine gives up (and stops the task) before the CD job's own timeout.
    const timeout = Number(/TimeoutSeconds\s*=\s*(\d+)/.exec(text(machine, 'definition'))?.[1]);
    const cd = readRepoFile('.github/workflows/cd.yml');
    const jobMinutes = Number(/name: Release[\s\S]*?timeout-minutes: (\d+)/.exec(cd)?.[1]);
    // …and after the release's own deadlines, so that it is never cut off in the middle of a rollback.
    const cli = readRepoFile('packages/release/src/cli.ts');
    const minutes = [...cli.matchAll(/timeoutMs: (\d+) \* MINUTE/g)].map((m) => Number(m[1]));
    expect(minutes).toHaveLength(2);
    expect(timeout).toBeGreaterThan(2 * ((minutes[0] ?? 0) + (minutes[1] ?? 0)) * 60);
    expect(timeout).toBeLessThan(jobMinutes * 60);
    // The release task's revision is Terraform's (image_tag), and it reaches only HTTPS out.
    expect(readRepoFile(`${modulePath('network')}/main.tf`)).toContain('release      = "Release task CD starts: HTTPS out only (the ECS API)"');
    expect(moduleCall('github_oidc').release_state_machine_arn).toBe('${module.ecs.release_state_machine_arn}');
  });

  it('analysts may only forward ports through the door, read its coordinates and the analyst password', () => {
    const policy = only(blocks(files, 'data', 'aws_iam_policy_document').filter((d) => d.dir === modulePath('analyst-door') && d.address.endsWith('.analysts')), 'analysts policy');
    const bySid = new Map(nested(policy.body, 'statement').map((s) => [s.sid, s]));
    expect([...bySid.keys()].sort()).toEqual(['EndOwnSessions', 'FindTheDoor', 'ForwardPortsThroughTheDoor', 'ReadAnalystPassword']);
    const forward = bySid.get('ForwardPortsThroughTheDoor') ?? {};
    expect(strings(forward.actions)).toEqual(['ssm:StartSession']);
    expect(text(forward, 'resources')).toContain('local.forward_document');
    expect(readRepoFile(`${modulePath('analyst-door')}/main.tf`)).toContain('document/AWS-StartPortForwardingSessionToRemoteHost');
    expect(only(nested(forward, 'condition'), 'condition')).toMatchObject({ test: 'BoolIfExists', variable: 'ssm:SessionDocumentAccessCheck', values: ['true'] });
    expect(strings(bySid.get('ReadAnalystPassword')?.actions)).toEqual(['secretsmanager:GetSecretValue']);
  });
});
