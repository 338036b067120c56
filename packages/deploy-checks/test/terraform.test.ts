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
const modulePath = (name: string) => `infra/modules/${name}`;
const inModule = (name: string) => (b: Block) => b.dir === modulePath(name);

beforeAll(async () => {
  files = await loadTerraform();
});

function resource(type: string, module: string): HclBody {
  return only(blocks(files, 'resource', type).filter(inModule(module)), `${type} in ${module}`).body;
}

function moduleCall(name: string): HclBody {
  return only(blocks(files, 'module').filter((b) => b.dir === DEV && b.address === name), `module ${name} in ${DEV}`).body;
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

  it('every module the environment calls gets the common tags, and the provider tags by default', () => {
    const calls = blocks(files, 'module').filter((b) => b.dir === DEV);
    expect(calls.length).toBeGreaterThanOrEqual(9);
    for (const call of calls) expect(text(call.body, 'tags'), call.address).toBe('${local.tags}');
    const provider = only(blocks(files, 'provider').filter((b) => b.dir === DEV && b.address === 'aws'), 'aws provider');
    expect(text(only(nested(provider.body, 'default_tags'), 'default_tags'), 'tags')).toBe('${local.tags}');
  });

  it('the environment outputs the API URL, the ECR repository URLs and the RDS endpoint', () => {
    const outputs = blocks(files, 'output').filter((o) => o.dir === DEV).map((o) => o.address);
    expect(outputs).toEqual(expect.arrayContaining(['api_url', 'ecr_repository_urls', 'rds_endpoint', 'deploy_role_arn']));
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
    expect(ingress.length).toBeGreaterThanOrEqual(6);
    for (const rule of ingress) {
      expect(rule.body.cidr_ipv4, rule.address).toBeUndefined();
      expect(rule.body.cidr_ipv6, rule.address).toBeUndefined();
      expect(text(rule.body, 'referenced_security_group_id'), rule.address).toContain('aws_security_group.');
    }
    expect(blocks(files, 'resource', 'aws_security_group_rule')).toEqual([]);
    for (const sg of blocks(files, 'resource', 'aws_security_group')) expect(nested(sg.body, 'ingress'), sg.address).toEqual([]);
  });

  it('MySQL is reachable from the writer and the migration task only', () => {
    const toRds = blocks(files, 'resource', 'aws_vpc_security_group_ingress_rule').filter(
      (r) => text(r.body, 'security_group_id') === '${aws_security_group.rds.id}',
    );
    expect(toRds.map((r) => text(r.body, 'referenced_security_group_id')).sort()).toEqual([
      '${aws_security_group.migrate.id}',
      '${aws_security_group.service["database"].id}',
    ]);
    for (const rule of toRds) expect(rule.body.from_port).toBe('${local.mysql_port}');
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
    expect(moduleCall('rds').engine_version).toBe('8.4');
    expect(moduleCall('rds').subnet_ids).toBe('${module.network.private_subnet_ids}');
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
    const ingress = blocks(files, 'resource', 'aws_vpc_security_group_ingress_rule').filter(
      (r) => text(r.body, 'security_group_id') === '${aws_security_group.cache.id}',
    );
    expect(ingress.map((r) => text(r.body, 'referenced_security_group_id'))).toEqual(['${aws_security_group.service["sportmonks"].id}']);
    expect(moduleCall('ecs').redis_url).toBe('${module.cache.url}');
    expect(readRepoFile(`${modulePath('cache')}/outputs.tf`)).toContain('rediss://');
    expect(readRepoFile(`${modulePath('ecs')}/main.tf`)).toMatch(/REDIS_URL\s+= var\.redis_url/);
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
    const main = readRepoFile(`${DEV}/main.tf`);
    expect(main).toMatch(/sportmonks\s+= 8000/);
    expect(main).toMatch(/database\s+= 8001/);
    expect(main).toMatch(/orchestrator = 8002/);
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
    const tfvars = readRepoFile(`${DEV}/terraform.tfvars`);
    expect(tfvars).toMatch(/sportmonks\s+= \{[^}]*autoscale = true/);
    expect(tfvars).toMatch(/database\s+= \{[^}]*autoscale = true/);
  });

  it('task definitions get their secrets from Secrets Manager, health checks and log groups', () => {
    const main = readRepoFile(`${modulePath('ecs')}/main.tf`);
    expect(main).toContain('valueFrom = secret.key == "" ? secret.arn : "${secret.arn}:${secret.key}::"');
    expect(main).toContain('healthcheck.mjs');
    expect(main).toContain('logDriver = "awslogs"');
    expect(resource('aws_cloudwatch_log_group', 'ecs').retention_in_days).toBe('${var.log_retention_days}');
    // Every secret a task reads is named by an ARN, never a value.
    expect(main).not.toMatch(/secretString|secret_string\s*=/);
  });

  it('the failure webhook URL (a secret: Slack\'s carries a token) reaches the orchestrator only as an optional secret', () => {
    const main = readRepoFile(`${modulePath('ecs')}/main.tf`);
    expect(main).toMatch(/NOTIFY_WEBHOOK_URL = \{ arn = var\.notify_webhook_url_secret_arn, key = "" \}/);
    expect(main.match(/NOTIFY_WEBHOOK_URL/g)).toHaveLength(1);
    expect(moduleCall('ecs').notify_webhook_url_secret_arn).toBe('${var.notify_webhook_url_secret_arn}');
  });

  it('the writer connects as its own rows-only MySQL account, which the migration task (RDS master) creates first', () => {
    const main = readRepoFile(`${modulePath('ecs')}/main.tf`);
    const task = (kind: string) => {
      const start = main.indexOf(`    ${kind} = {`);
      return main.slice(start, main.indexOf('\n    }\n', start));
    };
    expect(task('database')).toContain('DATABASE_USER = local.writer_user');
    expect(task('database')).toContain('DATABASE_PASSWORD = local.secret.writer_password');
    expect(task('database')).not.toContain('local.secret.database_');
    expect(task('migrate')).toContain('npm run --silent migrate && npm run --silent service-user');
    expect(task('migrate')).toMatch(/DATABASE_PASSWORD\s+= local\.secret\.database_password/);
    expect(task('migrate')).toMatch(/SERVICE_DB_PASSWORD = local\.secret\.writer_password/);
    expect(task('migrate')).toContain('SERVICE_DB_USER = local.writer_user');
    expect(moduleCall('ecs').database_writer_password_arn).toBe('${module.secrets.database_writer_password_arn}');
  });

  it('execution roles may read only their own task\'s secrets and write only their own log group', () => {
    const policy = only(blocks(files, 'data', 'aws_iam_policy_document').filter((d) => d.dir === modulePath('ecs') && d.address.endsWith('.execution')), 'execution policy');
    expect(policy.body.for_each).toBe('${local.tasks}');
    const bySid = new Map(nested(policy.body, 'statement').map((s) => [s.sid, s]));
    expect(text(bySid.get('ReadOwnSecrets') ?? {}, 'resources')).toContain('each.value.secrets');
    expect(text(bySid.get('WriteOwnLogs') ?? {}, 'resources')).toContain('aws_cloudwatch_log_group.task[each.key].arn');
    expect(text(bySid.get('PullOwnImage') ?? {}, 'resources')).toContain('var.repository_arns[each.value.image]');
  });
});

describe('ECR', () => {
  it('scans on push, keeps commit tags immutable (only latest moves) and expires old images', () => {
    const repo = resource('aws_ecr_repository', 'ecr');
    expect(only(nested(repo, 'image_scanning_configuration'), 'scanning').scan_on_push).toBe(true);
    expect(['IMMUTABLE', 'IMMUTABLE_WITH_EXCLUSION']).toContain(repo.image_tag_mutability);
    const exclusions = nested(repo, 'image_tag_mutability_exclusion_filter');
    expect(exclusions.map((e) => e.filter)).toEqual(['latest']);
    const lifecycle = resource('aws_ecr_lifecycle_policy', 'ecr');
    expect(lifecycle.for_each).toBe('${aws_ecr_repository.this}');
    expect(text(lifecycle, 'policy')).toContain('imageCountMoreThan');
    expect(text(lifecycle, 'policy')).toContain('untagged');
  });
});

describe('API Gateway', () => {
  it('exposes only the orchestrator\'s /sync routes, each behind the JWT authorizer', () => {
    const main = readRepoFile(`${modulePath('api-gateway')}/main.tf`);
    const routeKeys = [...main.matchAll(/"((?:GET|POST|PUT|PATCH|DELETE|ANY) [^"]+)"/g)].map((m) => m[1]);
    expect(routeKeys.length).toBeGreaterThanOrEqual(4);
    for (const key of routeKeys) expect(key).toMatch(/^(GET|POST) \/sync\//);
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
    expect(readRepoFile(`${DEV}/terraform.tfvars`)).toMatch(/cors_allowed_origins = \[\]/);
  });
});

describe('secrets', () => {
  it('SportMonks, internal and operator tokens live in Secrets Manager, never in state', () => {
    const secrets = blocks(files, 'resource', 'aws_secretsmanager_secret').filter(inModule('secrets'));
    const main = readRepoFile(`${modulePath('secrets')}/main.tf`);
    expect(secrets.length).toBe(2);
    expect(main).toContain('internal-token');
    expect(main).toContain('operator-token');
    expect(main).toContain('database-writer-password');
    expect(main).toContain('sportmonks-api-token');
    const version = resource('aws_secretsmanager_secret_version', 'secrets');
    expect(version.secret_string).toBeUndefined();
    expect(version.secret_string_wo).toBe('${ephemeral.random_password.generated[each.key].result}');
    expect(blocks(files, 'ephemeral', 'random_password').length).toBe(1);
    expect(blocks(files, 'resource', 'random_password')).toEqual([]);
  });
});

describe('schedules', () => {
  it('run an incremental sync every few minutes, wider sweeps hourly and nightly, and a full sync nightly, inside the VPC', () => {
    const tfvars = readRepoFile(`${DEV}/terraform.tfvars`);
    expect(tfvars).toMatch(/incremental_sync_schedule = "rate\(\d+ minutes\)"/);
    expect(tfvars).toMatch(/full_sync_schedule\s+= "cron\(/);
    expect(tfvars).toMatch(/week_sweep_schedule\s+= "rate\(/);
    expect(tfvars).toMatch(/season_sweep_schedule\s+= "cron\(/);
    const schedules = moduleCall('scheduler').schedules as HclBody;
    expect(Object.keys(schedules).sort()).toEqual(['incremental', 'nightly-full', 'season-sweep', 'week-sweep']);
    // The tiers of the incremental design: ± 1 day often, ± 7 days less often, the season nightly.
    expect((schedules['week-sweep'] as HclBody).sync_path).toBe('/sync/fixtures?mode=incremental&windowDays=7');
    expect((schedules['season-sweep'] as HclBody).sync_path).toBe('/sync/fixtures?mode=incremental&windowDays=100');
    const main = readRepoFile(`${modulePath('scheduler')}/main.tf`);
    expect(main).toContain('aws-sdk:ecs:runTask');
    expect(main).toContain('AssignPublicIp = "DISABLED"');
  });
});

describe('IAM', () => {
  it('no statement grants a wildcard action', () => {
    for (const { where, body } of statements()) {
      for (const action of strings(attribute(body, 'actions'))) expect(action, where).not.toMatch(/\*/);
    }
  });

  it('resource "*" only for actions that have no resource-level permissions', () => {
    const allowed = new Set(['ecr:GetAuthorizationToken', 'ecs:RegisterTaskDefinition', 'ecs:DescribeTaskDefinition']);
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

  it('GitHub deploys through OIDC, from the main branch of one repository only', () => {
    const provider = resource('aws_iam_openid_connect_provider', 'github-oidc');
    expect(provider.url).toBe('https://${local.oidc_host}');
    expect(provider.client_id_list).toEqual(['sts.amazonaws.com']);
    expect(readRepoFile(`${modulePath('github-oidc')}/main.tf`)).toContain('oidc_host     = "token.actions.githubusercontent.com"');
    const assume = only(
      blocks(files, 'data', 'aws_iam_policy_document').filter((d) => d.dir === modulePath('github-oidc') && d.address.endsWith('.assume')),
      'assume policy',
    );
    const statement = only(nested(assume.body, 'statement'), 'assume statement');
    expect(statement.actions).toEqual(['sts:AssumeRoleWithWebIdentity']);
    const conditions = nested(statement, 'condition');
    for (const c of conditions) expect(c.test).toBe('StringEquals');
    expect(conditions.map((c) => c.variable)).toEqual(['${local.oidc_host}:aud', '${local.oidc_host}:sub']);
    expect(strings(conditions[1]?.values)).toEqual(['repo:${var.github_repository}:ref:refs/heads/${var.github_branch}']);
  });

  it('the deploy role can push images and deploy these services, nothing else', () => {
    const deploy = only(
      blocks(files, 'data', 'aws_iam_policy_document').filter((d) => d.dir === modulePath('github-oidc') && d.address.endsWith('.deploy')),
      'deploy policy',
    );
    const actions = nested(deploy.body, 'statement').flatMap((s) => strings(s.actions));
    expect(actions).toEqual(expect.arrayContaining(['ecr:PutImage', 'ecs:UpdateService', 'ecs:RunTask', 'iam:PassRole']));
    for (const action of actions) expect(action).toMatch(/^(ecr|ecs|iam:PassRole|ssm:GetParameter)/);
    const byService = new Map(nested(deploy.body, 'statement').map((s) => [s.sid, s]));
    expect(byService.get('DeployServices')?.resources).toBe('${var.service_arns}');
    expect(byService.get('PushImages')?.resources).toBe('${var.repository_arns}');
  });
});
