# The dev environment: composes the modules; the values are in terraform.tfvars.

locals {
  name = "${var.project}-${var.environment}"

  tags = {
    Project     = var.project
    Environment = var.environment
    ManagedBy   = "terraform"
    Repository  = var.github_repository
  }

  service_ports = {
    sportmonks   = 8000
    database     = 8001
    orchestrator = 8002
  }

  images = toset(["orchestrator", "sportmonks", "database", "migrate"])
}

module "network" {
  source = "../../modules/network"

  name               = local.name
  vpc_cidr           = var.vpc_cidr
  availability_zones = var.availability_zones
  single_nat_gateway = var.single_nat_gateway
  service_ports      = local.service_ports
  tags               = local.tags
}

module "ecr" {
  source = "../../modules/ecr"

  name                 = local.name
  repositories         = local.images
  keep_tagged_images   = 30
  untagged_expiry_days = 7
  tags                 = local.tags
}

module "secrets" {
  source = "../../modules/secrets"

  name                    = local.name
  recovery_window_in_days = var.secret_recovery_window_days
  token_version           = var.token_version
  tags                    = local.tags
}

module "rds" {
  source = "../../modules/rds"

  name                     = local.name
  subnet_ids               = module.network.private_subnet_ids
  security_group_id        = module.network.security_group_ids["rds"]
  engine_version           = "8.4"
  instance_class           = var.db_instance_class
  allocated_storage_gb     = var.db_allocated_storage_gb
  max_allocated_storage_gb = var.db_max_allocated_storage_gb
  database_name            = "insightxi"
  master_username          = "insightxi_admin"
  multi_az                 = var.db_multi_az
  backup_retention_days    = var.db_backup_retention_days
  deletion_protection      = var.deletion_protection
  tags                     = local.tags
}

module "cache" {
  source = "../../modules/cache"

  name              = local.name
  subnet_ids        = module.network.private_subnet_ids
  security_group_id = module.network.security_group_ids["cache"]
  node_type         = var.cache_node_type
  replicas          = 0
  tags              = local.tags
}

# The ALB probes liveness, not readiness: the orchestrator's readiness follows the writer's and the
# writer's follows MySQL, so a readiness check would have ECS replace every task during a database blip.
module "alb" {
  source = "../../modules/alb"

  name                         = local.name
  vpc_id                       = module.network.vpc_id
  subnet_ids                   = module.network.private_subnet_ids
  security_group_id            = module.network.security_group_ids["alb"]
  service_ports                = local.service_ports
  health_check_path            = "/health/live"
  deregistration_delay_seconds = 30
  deletion_protection          = var.deletion_protection
  tags                         = local.tags
}

module "ecs" {
  source = "../../modules/ecs"

  name                          = local.name
  region                        = var.region
  private_subnet_ids            = module.network.private_subnet_ids
  security_group_ids            = module.network.security_group_ids
  repository_urls               = module.ecr.repository_urls
  repository_arns               = module.ecr.repository_arns
  image_tag                     = var.image_tag
  service_ports                 = local.service_ports
  services                      = var.services
  cpu_target_percent            = 60
  target_group_arns             = module.alb.target_group_arns
  service_urls                  = module.alb.service_urls
  internal_token_arn            = module.secrets.internal_token_arn
  operator_token_arn            = module.secrets.operator_token_arn
  sportmonks_api_token_arn      = module.secrets.sportmonks_api_token_arn
  notify_webhook_url_secret_arn = var.notify_webhook_url_secret_arn
  database_secret_arn           = module.rds.master_user_secret_arn
  database_writer_password_arn  = module.secrets.database_writer_password_arn
  database_host                 = module.rds.endpoint
  database_port                 = module.rds.port
  database_name                 = module.rds.database_name
  sportmonks_base_url           = var.sportmonks_base_url
  redis_url                     = module.cache.url
  log_level                     = var.log_level
  log_retention_days            = var.log_retention_days
  tags                          = local.tags
}

module "api_gateway" {
  source = "../../modules/api-gateway"

  name                          = local.name
  region                        = var.region
  subnet_ids                    = module.network.private_subnet_ids
  vpc_link_security_group_id    = module.network.security_group_ids["vpc_link"]
  orchestrator_listener_arn     = module.alb.listener_arns["orchestrator"]
  cors_allowed_origins          = var.cors_allowed_origins
  access_token_validity_minutes = 60
  throttling_rate_limit         = 5
  throttling_burst_limit        = 10
  log_retention_days            = var.log_retention_days
  deletion_protection           = var.deletion_protection
  tags                          = local.tags
}

module "scheduler" {
  source = "../../modules/scheduler"

  name                   = local.name
  cluster_arn            = module.ecs.cluster_arn
  task_definition_family = module.ecs.task_families["sync-trigger"]
  task_definition_arn    = module.ecs.task_definition_arns["sync-trigger"]
  pass_role_arns         = [module.ecs.execution_role_arns["sync-trigger"]]
  subnet_ids             = module.network.private_subnet_ids
  security_group_id      = module.network.security_group_ids["sync_trigger"]
  timezone               = "UTC"
  tags                   = local.tags

  schedules = {
    incremental = {
      expression  = var.incremental_sync_schedule
      sync_path   = "/sync/fixtures?mode=incremental"
      description = "Incremental fixture sync: live matches, recent windows, unsettled fixtures"
    }
    week-sweep = {
      expression  = var.week_sweep_schedule
      sync_path   = "/sync/fixtures?mode=incremental&windowDays=7"
      description = "Incremental fixture sweep of today +/- 7 days: moved, rescheduled and deleted fixtures"
    }
    season-sweep = {
      expression  = var.season_sweep_schedule
      sync_path   = "/sync/fixtures?mode=incremental&windowDays=100"
      description = "Nightly incremental sweep of today +/- 100 days: tombstones fixtures deleted anywhere in the season"
    }
    nightly-full = {
      expression  = var.full_sync_schedule
      sync_path   = "/sync/all?mode=full"
      description = "Nightly full reconcile of every entity"
    }
  }
}

module "github_oidc" {
  source = "../../modules/github-oidc"

  name                 = local.name
  create_oidc_provider = var.create_github_oidc_provider
  github_repository    = var.github_repository
  github_branch        = "main"
  repository_arns      = values(module.ecr.repository_arns)
  cluster_arn          = module.ecs.cluster_arn
  service_arns         = values(module.ecs.service_arns)
  task_families        = values(module.ecs.task_families)
  pass_role_arns       = values(module.ecs.execution_role_arns)
  deploy_parameter_arn = module.ecs.deploy_parameter_arn
  tags                 = local.tags
}
