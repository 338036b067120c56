// The wiring checks derive the flows a deploy needs from the configuration and hold every part
// against them. They pass on the repository as it is, and each break below — seeded one at a
// time, in memory — turns them red with a sentence naming it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeFacts, type CodeFacts } from '../src/code-facts.ts';
import { editedSources, repoSources } from '../src/sources.ts';
import { checkWiring } from '../src/wiring.ts';

// Problems the repository has on purpose for now, each with the reason. A listed problem that is
// gone fails the test, so the list cannot outlive its reason.
const PENDING = [
  // The dashboards image target comes with packages/dashboards (issue 17, branch `dashboards`).
  'the Dockerfile has no dashboards target for the dashboards ECS service',
];

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
    name: 'the deploy role may run the sync trigger too',
    edits: { [STACK]: once('run_task_families    = [module.ecs.task_families["migrate"], module.ecs.task_families["smoke"]]', 'run_task_families    = values(module.ecs.task_families)') },
    says: /the deploy role may run the migration and smoke tasks only/,
  },
  {
    name: 'image tags become mutable again',
    edits: { 'infra/modules/ecr/main.tf': once('image_tag_mutability = "IMMUTABLE"', 'image_tag_mutability = "MUTABLE"') },
    says: /ECR tags must be immutable/,
  },
];

describe('the wiring', () => {
  it('holds as the repository is (apart from what is pending, each with its reason)', async () => {
    const problems = await checkWiring(facts);
    expect(problems.filter((p) => !PENDING.includes(p))).toEqual([]);
    for (const pending of PENDING) expect(problems, `${pending} is fixed: drop it from PENDING`).toContain(pending);
  });

  it(`has ${BREAKS.length} seeded breaks, at least ten`, () => {
    expect(BREAKS.length).toBeGreaterThanOrEqual(10);
  });

  it.each(BREAKS)('turns red when $name', async ({ edits, says }) => {
    const problems = (await checkWiring(facts, editedSources(repoSources, edits))).filter((p) => !PENDING.includes(p));
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.join('\n')).toMatch(says);
  });
});
