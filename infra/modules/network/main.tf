# A VPC with public subnets (NAT gateways only) and private subnets (everything else), and one
# security group per role whose rules allow only the flows that exist:
#   API Gateway VPC link -> ALB:orchestrator      sync trigger task -> ALB:orchestrator
#   orchestrator -> ALB:sportmonks, ALB:database  ALB -> each service on its own port
#   database service, migrate task -> RDS:3306    tasks -> HTTPS out (ECR, Secrets Manager, logs, SportMonks)
#   fetcher -> cache:6379 (shared rate-limit budget)

locals {
  private_subnets = [for i, _ in var.availability_zones : cidrsubnet(var.vpc_cidr, 4, i)]
  public_subnets  = [for i, _ in var.availability_zones : cidrsubnet(var.vpc_cidr, 8, 200 + i)]
  https_anywhere  = "0.0.0.0/0"
  mysql_port      = 3306
  redis_port      = 6379
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

resource "aws_security_group" "vpc_link" {
  name        = "${var.name}-vpc-link"
  description = "API Gateway VPC link: reaches the orchestrator listener of the internal ALB only"
  vpc_id      = module.vpc.vpc_id
  tags        = merge(var.tags, { Name = "${var.name}-vpc-link" })
}

resource "aws_security_group" "alb" {
  name        = "${var.name}-alb"
  description = "Internal ALB: one listener per service port"
  vpc_id      = module.vpc.vpc_id
  tags        = merge(var.tags, { Name = "${var.name}-alb" })
}

resource "aws_security_group" "service" {
  for_each = var.service_ports

  name        = "${var.name}-${each.key}"
  description = "ECS tasks of the ${each.key} service"
  vpc_id      = module.vpc.vpc_id
  tags        = merge(var.tags, { Name = "${var.name}-${each.key}" })
}

resource "aws_security_group" "migrate" {
  name        = "${var.name}-migrate"
  description = "One-shot migration task: MySQL and HTTPS out only"
  vpc_id      = module.vpc.vpc_id
  tags        = merge(var.tags, { Name = "${var.name}-migrate" })
}

resource "aws_security_group" "sync_trigger" {
  name        = "${var.name}-sync-trigger"
  description = "Scheduled task that starts syncs: the orchestrator listener and HTTPS out only"
  vpc_id      = module.vpc.vpc_id
  tags        = merge(var.tags, { Name = "${var.name}-sync-trigger" })
}

resource "aws_security_group" "rds" {
  name        = "${var.name}-rds"
  description = "RDS MySQL: 3306 from the database service and the migration task only"
  vpc_id      = module.vpc.vpc_id
  tags        = merge(var.tags, { Name = "${var.name}-rds" })
}

resource "aws_security_group" "cache" {
  name        = "${var.name}-cache"
  description = "Valkey of the fetcher's rate-limit budget: 6379 from the fetcher only"
  vpc_id      = module.vpc.vpc_id
  tags        = merge(var.tags, { Name = "${var.name}-cache" })
}

# --- VPC link -> ALB (orchestrator port)
resource "aws_vpc_security_group_egress_rule" "vpc_link_to_alb" {
  security_group_id            = aws_security_group.vpc_link.id
  referenced_security_group_id = aws_security_group.alb.id
  ip_protocol                  = "tcp"
  from_port                    = var.service_ports["orchestrator"]
  to_port                      = var.service_ports["orchestrator"]
  description                  = "API Gateway to the orchestrator listener"
}

resource "aws_vpc_security_group_ingress_rule" "alb_from_vpc_link" {
  security_group_id            = aws_security_group.alb.id
  referenced_security_group_id = aws_security_group.vpc_link.id
  ip_protocol                  = "tcp"
  from_port                    = var.service_ports["orchestrator"]
  to_port                      = var.service_ports["orchestrator"]
  description                  = "API Gateway VPC link to the orchestrator listener"
}

# --- sync trigger -> ALB (orchestrator port)
resource "aws_vpc_security_group_ingress_rule" "alb_from_sync_trigger" {
  security_group_id            = aws_security_group.alb.id
  referenced_security_group_id = aws_security_group.sync_trigger.id
  ip_protocol                  = "tcp"
  from_port                    = var.service_ports["orchestrator"]
  to_port                      = var.service_ports["orchestrator"]
  description                  = "Scheduled sync trigger to the orchestrator listener"
}

resource "aws_vpc_security_group_egress_rule" "sync_trigger_to_alb" {
  security_group_id            = aws_security_group.sync_trigger.id
  referenced_security_group_id = aws_security_group.alb.id
  ip_protocol                  = "tcp"
  from_port                    = var.service_ports["orchestrator"]
  to_port                      = var.service_ports["orchestrator"]
  description                  = "Start syncs on the orchestrator"
}

# --- orchestrator -> ALB (fetcher and writer ports)
resource "aws_vpc_security_group_ingress_rule" "alb_from_orchestrator" {
  for_each = toset(["sportmonks", "database"])

  security_group_id            = aws_security_group.alb.id
  referenced_security_group_id = aws_security_group.service["orchestrator"].id
  ip_protocol                  = "tcp"
  from_port                    = var.service_ports[each.key]
  to_port                      = var.service_ports[each.key]
  description                  = "Orchestrator to the ${each.key} listener"
}

resource "aws_vpc_security_group_egress_rule" "orchestrator_to_alb" {
  for_each = toset(["sportmonks", "database"])

  security_group_id            = aws_security_group.service["orchestrator"].id
  referenced_security_group_id = aws_security_group.alb.id
  ip_protocol                  = "tcp"
  from_port                    = var.service_ports[each.key]
  to_port                      = var.service_ports[each.key]
  description                  = "Orchestrator to the ${each.key} listener"
}

# --- ALB -> each service on its own port
resource "aws_vpc_security_group_egress_rule" "alb_to_service" {
  for_each = var.service_ports

  security_group_id            = aws_security_group.alb.id
  referenced_security_group_id = aws_security_group.service[each.key].id
  ip_protocol                  = "tcp"
  from_port                    = each.value
  to_port                      = each.value
  description                  = "ALB to the ${each.key} tasks"
}

resource "aws_vpc_security_group_ingress_rule" "service_from_alb" {
  for_each = var.service_ports

  security_group_id            = aws_security_group.service[each.key].id
  referenced_security_group_id = aws_security_group.alb.id
  ip_protocol                  = "tcp"
  from_port                    = each.value
  to_port                      = each.value
  description                  = "ALB to the ${each.key} tasks"
}

# --- database service and migration task -> RDS
resource "aws_vpc_security_group_egress_rule" "database_to_rds" {
  security_group_id            = aws_security_group.service["database"].id
  referenced_security_group_id = aws_security_group.rds.id
  ip_protocol                  = "tcp"
  from_port                    = local.mysql_port
  to_port                      = local.mysql_port
  description                  = "Writer to MySQL"
}

resource "aws_vpc_security_group_egress_rule" "migrate_to_rds" {
  security_group_id            = aws_security_group.migrate.id
  referenced_security_group_id = aws_security_group.rds.id
  ip_protocol                  = "tcp"
  from_port                    = local.mysql_port
  to_port                      = local.mysql_port
  description                  = "Migrations to MySQL"
}

resource "aws_vpc_security_group_ingress_rule" "rds_from_database" {
  security_group_id            = aws_security_group.rds.id
  referenced_security_group_id = aws_security_group.service["database"].id
  ip_protocol                  = "tcp"
  from_port                    = local.mysql_port
  to_port                      = local.mysql_port
  description                  = "Writer to MySQL"
}

resource "aws_vpc_security_group_ingress_rule" "rds_from_migrate" {
  security_group_id            = aws_security_group.rds.id
  referenced_security_group_id = aws_security_group.migrate.id
  ip_protocol                  = "tcp"
  from_port                    = local.mysql_port
  to_port                      = local.mysql_port
  description                  = "Migrations to MySQL"
}

# --- fetcher -> cache
resource "aws_vpc_security_group_egress_rule" "sportmonks_to_cache" {
  security_group_id            = aws_security_group.service["sportmonks"].id
  referenced_security_group_id = aws_security_group.cache.id
  ip_protocol                  = "tcp"
  from_port                    = local.redis_port
  to_port                      = local.redis_port
  description                  = "Fetcher to its shared rate-limit budget"
}

resource "aws_vpc_security_group_ingress_rule" "cache_from_sportmonks" {
  security_group_id            = aws_security_group.cache.id
  referenced_security_group_id = aws_security_group.service["sportmonks"].id
  ip_protocol                  = "tcp"
  from_port                    = local.redis_port
  to_port                      = local.redis_port
  description                  = "Fetcher to its shared rate-limit budget"
}

# --- HTTPS out through the NAT gateway: image pulls, secrets, logs (Fargate fetches them through the
# task's own network interface) and, for the fetcher, the SportMonks API.
resource "aws_vpc_security_group_egress_rule" "service_https" {
  for_each = var.service_ports

  security_group_id = aws_security_group.service[each.key].id
  cidr_ipv4         = local.https_anywhere
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
  description       = "HTTPS to AWS APIs (and SportMonks for the fetcher)"
}

resource "aws_vpc_security_group_egress_rule" "migrate_https" {
  security_group_id = aws_security_group.migrate.id
  cidr_ipv4         = local.https_anywhere
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
  description       = "HTTPS to AWS APIs"
}

resource "aws_vpc_security_group_egress_rule" "sync_trigger_https" {
  security_group_id = aws_security_group.sync_trigger.id
  cidr_ipv4         = local.https_anywhere
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
  description       = "HTTPS to AWS APIs"
}
