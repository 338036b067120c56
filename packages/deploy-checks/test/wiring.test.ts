// The wiring checks derive the flows a deploy needs from the configuration and hold every part
// against them. They pass on the repository as it is, and each break below — seeded one at a
// time, in memory — turns them red with a sentence naming it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeFacts, type CodeFacts } from '../src/code-facts.ts';
import { editedSources, repoSources } from '../src/sources.ts';
import { checkWiring } from '../src/wiring.ts';

// Problems the repository has on purpose for now, each with the reason. A listed problem that is
// gone fails the test, so the list cannot outlive its reason.
let facts: CodeFacts;

beforeAll(async () => {
  facts = await codeFacts();
});

afterAll(async () => {
  await facts.close();
});

/** Replaces exactly one occurrence of `from` (a break must hit what it means to). */
const once = (from: string | RegExp, to: string) => (text: string) => {
  const count = typeof from === 'string' ? text.split(from).length - 1 : [...text.matchAll(new RegExp(from.source, `${from.flags.replace('g', '')}g`))].length;
  if (count !== 1) throw new Error(`expected one ${String(from)}, found ${count}`);
  return text.replace(from, to);
};
const dropLine = (containing: string) => (text: string) => {
  const lines = text.split('\n');
  const hits = lines.filter((line) => line.includes(containing));
  if (hits.length !== 1) throw new Error(`expected one line with ${containing}, found ${hits.length}`);
  return lines.filter((line) => !line.includes(containing)).join('\n');
};

const NETWORK = 'infra/modules/network/main.tf';
const ECS = 'infra/modules/ecs/main.tf';
const STACK = 'infra/modules/stack/main.tf';
const OIDC = 'infra/modules/github-oidc/main.tf';
const RELEASE = 'infra/modules/ecs/release.tf';

const BREAKS: { name: string; edits: Record<string, (text: string) => string>; says: RegExp }[] = [
  {
    name: 'the writer\'s security group loses its way to MySQL',
    edits: { [NETWORK]: dropLine('from = "database", to = "rds"') },
    says: /missing flow database → rds:mysql, needed by database's DATABASE_HOST/,
  },
  {
    name: 'the fetcher cannot reach the shared rate-limit cache',
    edits: { [NETWORK]: dropLine('from = "sportmonks", to = "cache"') },
    says: /missing flow sportmonks → cache:redis/,
  },
  {
    name: 'API Gateway\'s VPC link is allowed on the writer\'s port instead of the orchestrator\'s',
    edits: { [NETWORK]: once('{ from = "vpc-link", to = "alb", port = "orchestrator"', '{ from = "vpc-link", to = "alb", port = "database"') },
    says: /missing flow vpc-link → alb:orchestrator, needed by API Gateway's VPC link/,
  },
  {
    name: 'the orchestrator\'s writer URL points at the fetcher\'s listener',
    edits: { [ECS]: once('DATABASE_SERVICE_URL   = var.service_urls["database"]\n        SPORTMONKS_SERVICE_URL', 'DATABASE_SERVICE_URL   = var.service_urls["sportmonks"]\n        SPORTMONKS_SERVICE_URL') },
    says: /orchestrator: DATABASE_SERVICE_URL points at the sportmonks listener/,
  },
  {
    name: 'the ALB health check probes a path nobody serves',
    edits: { [STACK]: once('health_check_path            = "/health/live"', 'health_check_path            = "/healthz"') },
    says: /ALB target health check .* probes \/healthz, which is not a route the services serve/,
  },
  {
    name: 'the smoke test checks liveness, which a writer without MySQL passes',
    edits: { 'docker/smoke.mjs': once("const READY_PATH = '/health/ready';", "const READY_PATH = '/health/live';") },
    says: /the smoke test must decide on readiness/,
  },
  {
    name: 'the API integration goes to the writer\'s listener',
    edits: { [STACK]: once('module.alb.listener_arns["orchestrator"]', 'module.alb.listener_arns["database"]') },
    says: /missing flow vpc-link → alb:database/,
  },
  {
    name: 'the fetcher\'s task loses the SportMonks token its config requires',
    edits: { [ECS]: once('secrets = merge(local.internal_tokens, { SPORTMONKS_API_TOKEN = local.secret.sportmonks_token })', 'secrets = local.internal_tokens') },
    says: /sportmonks: its config requires SPORTMONKS_API_TOKEN/,
  },
  {
    name: 'the services stop getting the previous internal token, so a rotation would meet 401s',
    edits: { [ECS]: dropLine('INTERNAL_TOKEN_PREVIOUS = local.secret.internal_token_previous') },
    says: /database: INTERNAL_TOKEN comes from a secret but INTERNAL_TOKEN_PREVIOUS does not, so rotating it gives 401s/,
  },
  {
    name: 'the writer\'s task loses its password, so no database URL can be built',
    edits: { [ECS]: once('secrets     = merge(local.internal_tokens, { DATABASE_PASSWORD = local.secret.writer_password })', 'secrets     = local.internal_tokens') },
    says: /database: DATABASE_HOST is set but DATABASE_PASSWORD is not/,
  },
  {
    name: 'tasks connect to RDS without the CA bundle',
    edits: { [ECS]: dropLine('DATABASE_SSL_CA = "${local.runtime_dir}/rds-ca-bundle.pem"') },
    says: /migrate: connects to RDS without TLS/,
  },
  {
    name: 'RDS stops requiring TLS',
    edits: { 'infra/modules/rds/main.tf': once('name  = "require_secure_transport"\n    value = "1"', 'name  = "require_secure_transport"\n    value = "0"') },
    says: /require_secure_transport = 1/,
  },
  {
    name: 'the ingress rule of each flow opens the source instead of the target',
    edits: {
      [NETWORK]: (text) => {
        const start = text.indexOf('resource "aws_vpc_security_group_ingress_rule" "flow"');
        return text.slice(0, start) + text.slice(start).replace('aws_security_group.this[each.value.to].id', 'aws_security_group.this[each.value.from].id');
      },
    },
    says: /the ingress rule of each flow must set security_group_id/,
  },
  {
    name: 'compose points the orchestrator at the fetcher\'s port for the writer',
    edits: { 'docker-compose.yml': once('DATABASE_SERVICE_URL: http://database:8001', 'DATABASE_SERVICE_URL: http://database:8000') },
    says: /compose orchestrator: DATABASE_SERVICE_URL uses port 8000, but database listens on 8001/,
  },
  {
    name: 'the writer\'s port moves in AWS but not in its image',
    edits: { [STACK]: once('database     = 8001', 'database     = 8005') },
    says: /Dockerfile database: EXPOSE 8001, but its ALB port is 8005/,
  },
  {
    name: 'the metrics collector scrapes a fixed port',
    edits: { [ECS]: once('targets = ["localhost:${var.service_ports[kind]}"]', 'targets = ["localhost:9090"]') },
    says: /collector must scrape localhost on the service's own port/,
  },
  {
    name: 'the analysts\' door loses its way to MySQL',
    edits: { [NETWORK]: dropLine('from = "analyst-door", to = "rds"') },
    says: /missing flow analyst-door → rds:mysql, needed by the analysts' door to MySQL/,
  },
  {
    name: 'CD goes back to workflow_run, which a fork\'s branch named main also triggers',
    edits: { '.github/workflows/cd.yml': once('on:\n  push:\n    branches: [main]\n', 'on:\n  workflow_run:\n    workflows: [CI]\n    types: [completed]\n    branches: [main]\n') },
    says: /CD must run on push and workflow_dispatch only/,
  },
  {
    name: 'CD forgets to check the repository, so a fork\'s push would run it',
    edits: { '.github/workflows/cd.yml': once("github.repository == 'insightxi/insightxi' && ", '') },
    says: /must run only in insightxi\/insightxi \(github.repository\)/,
  },
  {
    name: 'the deploy job runs outside the GitHub environment the OIDC trust names',
    edits: { '.github/workflows/cd.yml': once(/(\n {2}deploy:[\s\S]*?)\n {4}environment: \$\{\{ inputs\.environment \|\| 'dev' \}\}/, '$1') },
    says: /CD job deploy assumes the deploy role outside a GitHub environment/,
  },
  {
    name: 'the OIDC trust goes back to a branch subject',
    edits: { 'infra/modules/github-oidc/main.tf': once('repo:${var.github_repository}:environment:${var.github_environment}', 'repo:${var.github_repository}:ref:refs/heads/main') },
    says: /trust only jobs in the repository's environment/,
  },
  {
    name: 'the deploy role may pass the services\' roles again',
    edits: { [OIDC]: once('  statement {\n    sid       = "StartRelease"', '  statement {\n    sid       = "PassTaskRoles"\n    actions   = ["iam:PassRole"]\n    resources = ["arn:aws:iam::*:role/${var.name}-*"]\n  }\n\n  statement {\n    sid       = "StartRelease"') },
    says: /the deploy role may pass no role \(statement PassTaskRoles passes/,
  },
  {
    name: 'the deploy role may run the sync trigger itself',
    edits: { [OIDC]: once('  statement {\n    sid       = "StartRelease"', '  statement {\n    sid       = "RunSyncTrigger"\n    actions   = ["ecs:RunTask"]\n    resources = ["arn:aws:ecs:*:*:task-definition/${var.name}-sync-trigger:*"]\n  }\n\n  statement {\n    sid       = "StartRelease"') },
    says: /the deploy role may run no ECS task and deploy nothing itself \(statement RunSyncTrigger: ecs:RunTask/,
  },
  {
    name: 'the deploy role may start any state machine',
    edits: { [OIDC]: once('resources = [var.release_state_machine_arn]', 'resources = ["*"]') },
    says: /the deploy role may start the release state machine and nothing else/,
  },
  {
    name: 'the release state machine may pass a service\'s role',
    edits: { [RELEASE]: once('resources = [aws_iam_role.execution["release"].arn, aws_iam_role.release.arn]', 'resources = [aws_iam_role.execution["release"].arn, aws_iam_role.release.arn, aws_iam_role.execution["database"].arn]') },
    says: /the release state machine may pass the release task's roles only/,
  },
  {
    name: 'the release state machine may run any family',
    edits: { [RELEASE]: once('resources = ["${local.ecs_arn}:task-definition/${var.name}-release:*"]', 'resources = ["${local.ecs_arn}:task-definition/*"]') },
    says: /the release state machine may run the release task only/,
  },
  {
    name: 'the release state machine lets its caller choose the command',
    edits: { [RELEASE]: once('ContainerOverrides = [{ Name = "release", Environment', 'ContainerOverrides = [{ Name = "release", "Command.$" = "$.command", Environment') },
    says: /the release state machine may override the release task's GIT_SHA only/,
  },
  {
    name: 'the release task may run every family, the sync trigger included',
    edits: { [RELEASE]: once('for kind in ["migrate", "smoke"] : "${local.ecs_arn}', 'for kind in ["migrate", "smoke", "sync-trigger"] : "${local.ecs_arn}') },
    says: /the release task may run the migration and smoke tasks only/,
  },
  {
    name: 'the release task may pass its own role (and so start itself with another image)',
    edits: { [ECS]: once('released_kinds = [for kind, _ in local.tasks : kind if kind != "release"]', 'released_kinds = [for kind, _ in local.tasks : kind]') },
    says: /the release task may pass the released families' roles only, never its own/,
  },
  {
    name: 'the deploy script goes back to deploying with the CLI itself',
    edits: { '.github/scripts/ecs-deploy.sh': once('echo "release of ${GIT_SHA}: ${execution}"', 'echo "release of ${GIT_SHA}: ${execution}"\naws ecs update-service --cluster "$DEPLOY_NAME" --service "$DEPLOY_NAME-database" --force-new-deployment') },
    says: /ecs-deploy.sh calls aws ecs update-service, which the deploy role may not/,
  },
  {
    name: 'image tags become mutable again',
    edits: { 'infra/modules/ecr/main.tf': once('image_tag_mutability = "IMMUTABLE"', 'image_tag_mutability = "MUTABLE"') },
    says: /ECR tags must be immutable/,
  },
  {
    name: 'a flow the configuration does not need is allowed (the smoke task to the cache)',
    edits: { [NETWORK]: once('{ from = "sportmonks", to = "cache", port = "redis"', '{ from = "smoke", to = "cache", port = "redis", description = "x" },\n      { from = "sportmonks", to = "cache", port = "redis"') },
    says: /flow smoke → cache:redis is allowed but nothing in the configuration needs it/,
  },
  {
    name: 'a flow names a security group that does not exist',
    edits: { [NETWORK]: once('{ from = "migrate", to = "rds"', '{ from = "migrations", to = "rds"') },
    says: /flow migrations → rds:mysql: migrations is not a security group/,
  },
  {
    name: 'a listener forwards to another service\'s target group',
    edits: { 'infra/modules/alb/main.tf': once('target_group_arn = aws_lb_target_group.service[each.key].arn', 'target_group_arn = aws_lb_target_group.service["orchestrator"].arn') },
    says: /each ALB listener must forward to its own service's target group/,
  },
  {
    name: 'the ECS services share one security group',
    edits: { [ECS]: once('security_groups  = [var.security_group_ids[each.key]]', 'security_groups  = [var.security_group_ids["orchestrator"]]') },
    says: /each ECS service must run in its own security group/,
  },
  {
    name: 'the fetcher\'s image listens on another port than its listener',
    edits: { Dockerfile: once('ENV PORT=8000', 'ENV PORT=8080') },
    says: /Dockerfile sportmonks: ENV PORT is not 8000/,
  },
  {
    name: 'compose names a service that does not exist',
    edits: { 'docker-compose.yml': once('DATABASE_SERVICE_URL: http://database:8001', 'DATABASE_SERVICE_URL: http://writer:8001') },
    says: /compose orchestrator: DATABASE_SERVICE_URL names writer, which is no compose service/,
  },
  {
    name: 'compose\'s writer connects to MySQL without TLS',
    edits: { 'docker-compose.yml': once('@mysql:3306/${MYSQL_DATABASE:-insightxi}?sslca=/tls/ca.pem\n    volumes:\n      - mysql-tls:/tls:ro\n    ports:', '@mysql:3306/${MYSQL_DATABASE:-insightxi}\n    volumes:\n      - mysql-tls:/tls:ro\n    ports:') },
    says: /compose database: DATABASE_URL connects to MySQL without TLS/,
  },
  {
    name: 'compose\'s MySQL stops requiring TLS',
    edits: { 'docker-compose.yml': dropLine('--require-secure-transport=ON') },
    says: /compose mysql must require TLS/,
  },
  {
    name: 'dev\'s metrics collector follows latest, a tag that moves',
    edits: { 'infra/envs/dev/main.tf': once('aws-otel-collector:v0.50.0', 'aws-otel-collector:latest') },
    says: /infra\/envs\/dev: collector_image must be the ADOT collector pinned to a released version/,
  },
  {
    name: 'prod\'s metrics collector has no tag at all (latest by another name)',
    edits: { 'infra/envs/prod/main.tf': once('aws-otel-collector:v0.50.0', 'aws-otel-collector') },
    says: /infra\/envs\/prod: collector_image must be the ADOT collector pinned/,
  },
  {
    name: 'the collector sidecar names its image itself, past the environment\'s pin',
    edits: { [ECS]: once('image            = var.collector_image', 'image            = "public.ecr.aws/aws-observability/aws-otel-collector:latest"') },
    says: /the collector sidecars must run var.collector_image/,
  },
  {
    name: 'CD tags images latest as well, a tag that moves',
    edits: { '.github/workflows/cd.yml': once(':${{ needs.target.outputs.sha }}\n          cache-from', ':${{ needs.target.outputs.sha }},${{ steps.ecr.outputs.registry }}/${{ vars.DEPLOY_NAME }}/${{ matrix.image }}:latest\n          cache-from') },
    says: /CD job images must tag images with the commit SHA only/,
  },
];

describe('the wiring', () => {
  it('holds as the repository is', async () => {
    const problems = await checkWiring(facts);
    expect(problems).toEqual([]);
  });

  it('refuses a seeded break that changes nothing (it would prove nothing)', () => {
    expect(() => editedSources(repoSources, { [NETWORK]: (text) => text })).toThrow(`the edit of ${NETWORK} changed nothing`);
    expect(editedSources(repoSources, {}).list('infra/envs', 'main.tf')).toEqual(['infra/envs/dev/main.tf', 'infra/envs/prod/main.tf']);
  });

  it(`has ${BREAKS.length} seeded breaks, at least ten`, () => {
    expect(BREAKS.length).toBeGreaterThanOrEqual(10);
  });

  it('names every break when many are seeded at once (one check each, smaller ones)', async () => {
    const problems = await checkWiring(
      facts,
      editedSources(repoSources, {
        'infra/modules/alb/outputs.tf': once('"http://${aws_lb.this.dns_name}:${port}"', '"http://${aws_lb.this.dns_name}"'),
        'infra/modules/alb/main.tf': once('path                = var.health_check_path', 'path                = "/health/live"'),
        [ECS]: (text) =>
          once('PORT                   = tostring(var.service_ports["orchestrator"])', 'PORT                   = tostring(var.service_ports["database"])')(
            once('securityGroups = [var.security_group_ids[kind]]', 'securityGroups = [var.security_group_ids["migrate"]]')(
              once('container_port   = var.service_ports[each.key]', 'container_port   = 8080')(text),
            ),
          ),
        [STACK]: (text) =>
          once('service_ports      = local.service_ports', 'service_ports      = merge(local.service_ports, {})')(
            once('security_group_id   = module.network.security_group_ids[kind]', 'security_group_id   = module.network.security_group_ids["migrate"]')(text),
          ),
        [NETWORK]: once('mysql = 3306', 'mysql = 3307'),
        'docker/healthcheck.mjs': once("?? '/health/live'", "?? '/healthz'"),
        'docker-compose.yml': once('SPORTMONKS_SERVICE_URL: http://sportmonks:8000', 'SPORTMONKS_SERVICE_URL: http://database:8001'),
        '.github/workflows/cd.yml': (text) =>
          once('options: [dev, prod]', 'options: [dev, staging, prod]')(once("github.ref == 'refs/heads/main' && ", '')(once('  push:\n    branches: [main]', '  push:\n    branches: [main, develop]')(text))),
      }),
    );
    const expected = [
      /alb output service_urls must be http:\/\/<alb>:<port>/,
      /the target groups must probe var.health_check_path/,
      /orchestrator: PORT must be its own port/,
      /the migration and smoke tasks the release runs must each run in their own security group/,
      /each ECS service must register its own port in its own target group/,
      /the network must get the stack's service_ports/,
      /the scheduled tasks must each run in their own security group/,
      /local.ports must name mysql = 3306/,
      /the container health check .* probes \/healthz/,
      /compose orchestrator: SPORTMONKS_SERVICE_URL points at database/,
      /CD's environments \(dev, prod, staging\) must be those Terraform trusts \(dev, prod\)/,
      /CD's first job must run only from main/,
      /CD must run on pushes to main only/,
    ];
    for (const pattern of expected) expect(problems.join('\n')).toMatch(pattern);
  });

  it.each(BREAKS)('turns red when $name', async ({ edits, says }) => {
    const problems = await checkWiring(facts, editedSources(repoSources, edits));
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.join('\n')).toMatch(says);
  });
});
