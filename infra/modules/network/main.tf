# A VPC with public subnets (NAT gateways only) and private subnets (everything else), one
# security group per role, and one pair of rules (the source's egress, the target's ingress) per
# flow in local.flows: nothing else is allowed between them. Ports are named: a service's name
# means its ALB listener and container port (var.service_ports), plus mysql and redis.
# packages/deploy-checks derives the flows the configuration needs (service URLs, database hosts,
# the API's integration, the analysts' door) and checks each is here.

locals {
  private_subnets = [for i, _ in var.availability_zones : cidrsubnet(var.vpc_cidr, 4, i)]
  public_subnets  = [for i, _ in var.availability_zones : cidrsubnet(var.vpc_cidr, 8, 200 + i)]
  https_anywhere  = "0.0.0.0/0"
  ports           = merge(var.service_ports, { mysql = 3306, redis = 6379 })

  # Security groups besides one per service (var.service_ports).
  roles = {
    vpc-link     = "API Gateway VPC link: the orchestrator listener of the internal ALB only"
    alb          = "Internal ALB: one listener per service port"
    migrate      = "One-shot migration task: MySQL and HTTPS out only"
    sync-trigger = "Scheduled task that starts syncs: the orchestrator listener and HTTPS out only"
    smoke        = "Post-deploy smoke task: every API listener and HTTPS out only"
    release      = "Release task CD starts: HTTPS out only (the ECS API)"
    retention    = "Scheduled retention task: MySQL and HTTPS out only"
    analyst-door = "Session Manager instance analysts forward ports through: MySQL, the dashboards listener, HTTPS out; no ingress"
    rds          = "RDS MySQL: 3306 from the writer, the migration and retention tasks, the dashboards and the analysts' door"
    cache        = "Valkey of the fetcher's rate-limit budget: 6379 from the fetcher only"
  }
  groups = merge(
    { for name, _ in var.service_ports : name => "ECS tasks of the ${name} service" },
    local.roles,
  )

  api_services = ["orchestrator", "sportmonks", "database"]
  flows = concat(
    [
      { from = "vpc-link", to = "alb", port = "orchestrator", description = "API Gateway to the orchestrator listener" },
      { from = "sync-trigger", to = "alb", port = "orchestrator", description = "Scheduled syncs to the orchestrator listener" },
      { from = "orchestrator", to = "alb", port = "sportmonks", description = "Orchestrator to the fetcher listener" },
      { from = "orchestrator", to = "alb", port = "database", description = "Orchestrator to the writer listener" },
      { from = "analyst-door", to = "alb", port = "dashboards", description = "Analysts' port forwarding to the dashboards listener" },
      { from = "database", to = "rds", port = "mysql", description = "Writer to MySQL" },
      { from = "migrate", to = "rds", port = "mysql", description = "Migrations to MySQL" },
      { from = "retention", to = "rds", port = "mysql", description = "Retention job to MySQL" },
      { from = "dashboards", to = "rds", port = "mysql", description = "Dashboards (analyst account) to MySQL" },
      { from = "analyst-door", to = "rds", port = "mysql", description = "Analysts' port forwarding to MySQL" },
      { from = "sportmonks", to = "cache", port = "redis", description = "Fetcher to its shared rate-limit budget" },
    ],
    [for name in local.api_services : { from = "smoke", to = "alb", port = name, description = "Smoke test to the ${name} listener" }],
    [for name, _ in var.service_ports : { from = "alb", to = name, port = name, description = "ALB to the ${name} tasks" }],
  )
  flow_map = { for f in local.flows : "${f.from}>${f.to}:${f.port}" => f }

  # HTTPS out through the NAT gateway: image pulls, secrets, logs, metrics (Fargate fetches them
  # through the task's own network interface), Session Manager, and the SportMonks API.
  https_out = setsubtract(keys(local.groups), ["vpc-link", "alb", "rds", "cache"])
}

module "vpc" {
  source  = "terraform-aws-modules/vpc/aws"
  version = "~> 6.0"

  name = var.name
  cidr = var.vpc_cidr
  azs  = var.availability_zones

  private_subnets = local.private_subnets
  public_subnets  = local.public_subnets

  enable_nat_gateway     = true
  single_nat_gateway     = var.single_nat_gateway
  one_nat_gateway_per_az = !var.single_nat_gateway
  enable_dns_hostnames   = true
  enable_dns_support     = true

  # The default security group of the VPC allows nothing.
  manage_default_security_group  = true
  default_security_group_ingress = []
  default_security_group_egress  = []

  tags = var.tags
}

resource "aws_security_group" "this" {
  for_each = local.groups

  name        = "${var.name}-${each.key}"
  description = each.value
  vpc_id      = module.vpc.vpc_id
  tags        = merge(var.tags, { Name = "${var.name}-${each.key}" })
}

resource "aws_vpc_security_group_egress_rule" "flow" {
  for_each = local.flow_map

  security_group_id            = aws_security_group.this[each.value.from].id
  referenced_security_group_id = aws_security_group.this[each.value.to].id
  ip_protocol                  = "tcp"
  from_port                    = local.ports[each.value.port]
  to_port                      = local.ports[each.value.port]
  description                  = each.value.description
}

resource "aws_vpc_security_group_ingress_rule" "flow" {
  for_each = local.flow_map

  security_group_id            = aws_security_group.this[each.value.to].id
  referenced_security_group_id = aws_security_group.this[each.value.from].id
  ip_protocol                  = "tcp"
  from_port                    = local.ports[each.value.port]
  to_port                      = local.ports[each.value.port]
  description                  = each.value.description
}

resource "aws_vpc_security_group_egress_rule" "https" {
  for_each = local.https_out

  security_group_id = aws_security_group.this[each.key].id
  cidr_ipv4         = local.https_anywhere
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
  description       = "HTTPS to AWS APIs (and SportMonks for the fetcher)"
}
