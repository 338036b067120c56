# One InsightXI environment: the modules composed, with the values an environment gives
# (infra/envs/dev, infra/envs/prod). Everything an environment may change is a variable here.

locals {
  name = "${var.project}-${var.environment}"

  service_ports = {
    sportmonks   = 8000
    database     = 8001
    orchestrator = 8002
    dashboards   = 3000
  }

  images = toset(["orchestrator", "sportmonks", "database", "dashboards", "migrate", "release"])

  metrics_namespace = "InsightXI/${var.environment}"

  # The runs a schedule starts, by run entity (what the orchestrator's metrics label them), and
  # how often: a scope must succeed within three of its most frequent schedule's periods (a daily
  # one: within 26 hours) or its freshness alarm fires. Rates are read from the expressions; a
  # cron runs daily.
  sync_schedules = {
    incremental = {
      expression  = var.incremental_sync_schedule
      sync_path   = "/sync/fixtures?mode=incremental"
      entity      = "fixtures"
      description = "Incremental fixture sync: live matches, recent windows, unsettled fixtures"
    }
    week-sweep = {
      expression  = var.week_sweep_schedule
      sync_path   = "/sync/fixtures?mode=incremental&windowDays=7"
      entity      = "fixtures"
      description = "Incremental fixture sweep of today +/- 7 days: moved, rescheduled and deleted fixtures"
    }
    season-sweep = {
      expression  = var.season_sweep_schedule
      sync_path   = "/sync/fixtures?mode=incremental&windowDays=100"
      entity      = "fixtures"
      description = "Nightly incremental sweep of today +/- 100 days: tombstones fixtures deleted anywhere in the season"
    }
    nightly-full = {
      expression  = var.full_sync_schedule
      sync_path   = "/sync/all?mode=full"
      entity      = "all"
      description = "Nightly full reconcile of every entity"
    }
  }
  interval_seconds = {
    for key, s in local.sync_schedules : key => (
      can(regex("^rate\\(\\d+ minutes?\\)$", s.expression)) ? tonumber(regex("\\d+", s.expression)) * 60 :
      can(regex("^rate\\(\\d+ hours?\\)$", s.expression)) ? tonumber(regex("\\d+", s.expression)) * 3600 :
      86400
    )
  }
  shortest_interval = {
    for entity in distinct([for s in values(local.sync_schedules) : s.entity]) : entity =>
    min([for key, s in local.sync_schedules : local.interval_seconds[key] if s.entity == entity]...)
  }
  freshness = {
    for entity, every in local.shortest_interval : entity => {
      within_seconds = every >= 86400 ? every + 7200 : 3 * every
      period_seconds = every >= 3600 ? 3600 : 300
    }
  }

  # Which Prometheus metrics the collectors turn into CloudWatch metrics, with the dimensions the
  # alarms and the dashboard read (modules/monitoring).
  metric_declarations = [
    { dimensions = [["service", "status"], ["service", "entity", "status"]], metric_name_selectors = ["^orchestrator_runs_total$"] },
    { dimensions = [["service", "outcome"]], metric_name_selectors = ["^orchestrator_records_total$"] },
    { dimensions = [["service"]], metric_name_selectors = ["^orchestrator_live_poll_age_seconds$", "^process_resident_memory_bytes$", "^nodejs_eventloop_lag_p99_seconds$"] },
    { dimensions = [["service", "status"]], metric_name_selectors = ["^sportmonks_upstream_calls_total$"] },
  ]
}

module "network" {
  source = "../network"

  name               = local.name
  vpc_cidr           = var.vpc_cidr
  availability_zones = var.availability_zones
  single_nat_gateway = var.single_nat_gateway
  service_ports      = local.service_ports
  tags               = var.tags
}

module "ecr" {
  source = "../ecr"

  name                 = local.name
  repositories         = local.images
  keep_tagged_images   = 30
  untagged_expiry_days = 7
  tags                 = var.tags
}

module "secrets" {
  source = "../secrets"

  name                    = local.name
  recovery_window_in_days = var.secret_recovery_window_days
  initial_value_version   = 1
  tags                    = var.tags
}

module "rds" {
  source = "../rds"

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
  performance_insights     = var.db_performance_insights
  deletion_protection      = var.deletion_protection
  tags                     = var.tags
}

module "cache" {
  source = "../cache"

  name              = local.name
  subnet_ids        = module.network.private_subnet_ids
  security_group_id = module.network.security_group_ids["cache"]
  node_type         = var.cache_node_type
  replicas          = var.cache_replicas
  tags              = var.tags
}

# The ALB probes liveness, not readiness: the orchestrator's readiness follows the writer's and the
# writer's follows MySQL, so a readiness check would have ECS replace every task during a database
# blip. Readiness decides deploys instead: CD's smoke task calls /health/ready on every service.
module "alb" {
  source = "../alb"

  name                         = local.name
  vpc_id                       = module.network.vpc_id
  subnet_ids                   = module.network.private_subnet_ids
  security_group_id            = module.network.security_group_ids["alb"]
  service_ports                = local.service_ports
  health_check_path            = "/health/live"
  deregistration_delay_seconds = 30
  deletion_protection          = var.deletion_protection
  tags                         = var.tags
}

module "ecs" {
  source = "../ecs"

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
  secret_arns                   = module.secrets.secret_arns
  notify_webhook_url_secret_arn = var.notify_webhook_url_secret_arn
  database_secret_arn           = module.rds.master_user_secret_arn
  database_host                 = module.rds.endpoint
  database_port                 = module.rds.port
  database_name                 = module.rds.database_name
  sportmonks_base_url           = var.sportmonks_base_url
  redis_url                     = module.cache.url
  retention_days                = var.retention_days
  metrics_namespace             = local.metrics_namespace
  metric_declarations           = local.metric_declarations
  collector_image               = var.collector_image
  log_level                     = var.log_level
  log_retention_days            = var.log_retention_days
  tags                          = var.tags
}

module "api_gateway" {
  source = "../api-gateway"

  name                          = local.name
  region                        = var.region
  subnet_ids                    = module.network.private_subnet_ids
  vpc_link_security_group_id    = module.network.security_group_ids["vpc-link"]
  orchestrator_listener_arn     = module.alb.listener_arns["orchestrator"]
  cors_allowed_origins          = var.cors_allowed_origins
  access_token_validity_minutes = 60
  throttling_rate_limit         = 5
  throttling_burst_limit        = 10
  log_retention_days            = var.log_retention_days
  deletion_protection           = var.deletion_protection
  tags                          = var.tags
}

module "scheduler" {
  source = "../scheduler"

  name        = local.name
  cluster_arn = module.ecs.cluster_arn
  subnet_ids  = module.network.private_subnet_ids
  timezone    = "UTC"
  tags        = var.tags

  tasks = {
    for kind in ["sync-trigger", "retention"] : kind => {
      family              = module.ecs.task_families[kind]
      task_definition_arn = module.ecs.task_definition_arns[kind]
      execution_role_arn  = module.ecs.execution_role_arns[kind]
      security_group_id   = module.network.security_group_ids[kind]
    }
  }

  schedules = merge(
    {
      for key, s in local.sync_schedules : key => {
        expression  = s.expression
        description = s.description
        task        = "sync-trigger"
        environment = { SYNC_PATH = s.sync_path }
      }
    },
    {
      retention = {
        expression  = var.retention_schedule
        description = "Deletes sync_run_pages and quarantine rows older than ${var.retention_days} days"
        task        = "retention"
        environment = {}
      }
    },
  )
}

module "analyst_door" {
  source = "../analyst-door"

  name               = local.name
  subnet_id          = module.network.private_subnet_ids[0]
  security_group_id  = module.network.security_group_ids["analyst-door"]
  instance_type      = var.analyst_door_instance_type
  mysql_host         = module.rds.endpoint
  dashboards_host    = module.alb.dns_name
  dashboards_port    = local.service_ports["dashboards"]
  analyst_secret_arn = module.secrets.secret_arns["database-analyst-password"]
  tags               = var.tags
}

module "monitoring" {
  source = "../monitoring"

  name                      = local.name
  region                    = var.region
  namespace                 = local.metrics_namespace
  alarm_emails              = var.alarm_emails
  alarm_webhook_urls        = var.alarm_webhook_urls
  freshness                 = local.freshness
  live_poll_stall_seconds   = 60
  quarantine_spike_per_hour = var.quarantine_spike_per_hour
  error_rate_percent        = 5
  target_groups             = module.alb.target_group_arn_suffixes
  load_balancer_arn_suffix  = module.alb.arn_suffix
  db_instance_identifier    = module.rds.identifier
  rds_cpu_percent           = 80
  rds_free_storage_bytes    = 2 * 1024 * 1024 * 1024
  rds_connections           = var.db_connections_alarm
  tags                      = var.tags
}

# CD may only push images and start the release state machine with a commit SHA; the release
# task (modules/ecs, release.tf) registers the revisions, passes their roles and deploys.
module "github_oidc" {
  source = "../github-oidc"

  name                      = local.name
  create_oidc_provider      = var.create_github_oidc_provider
  github_repository         = var.github_repository
  github_environment        = var.github_environment
  repository_arns           = values(module.ecr.repository_arns)
  release_state_machine_arn = module.ecs.release_state_machine_arn
  release_log_group_arn     = module.ecs.log_group_arns["release"]
  deploy_parameter_arn      = module.ecs.deploy_parameter_arn
  tags                      = var.tags
}
