# Production: the stack (infra/modules/stack) with production's values, on the same modules as
# infra/envs/dev. What differs: Multi-AZ RDS with deletion protection, 14 days of backups and
# Performance Insights (so an instance class that supports it), a NAT gateway per zone, a cache
# replica, two tasks of each API service, longer logs, alarms that notify people.

locals {
  project     = "insightxi"
  environment = "prod"
  region      = "eu-west-1"

  tags = {
    Project     = local.project
    Environment = local.environment
    ManagedBy   = "terraform"
    Repository  = "insightxi/insightxi"
  }
}

provider "aws" {
  region = local.region

  default_tags {
    tags = local.tags
  }
}

# The commit the first task definitions run (`terraform apply -var image_tag=$(git rev-parse HEAD)`
# on the first deploy; CD registers later revisions itself).
variable "image_tag" {
  type        = string
  description = "Commit SHA of the images the first task definitions run."
}

# Who production's alarms reach. No default: a plan without a real address fails here rather than
# creating alarms that notify nobody (set it in prod.auto.tfvars, see infra/README.md).
variable "alarm_emails" {
  type        = list(string)
  description = "On-call email addresses production's alarms notify (at least one; each confirms the SNS subscription once)."

  validation {
    condition     = length(var.alarm_emails) > 0 && alltrue([for address in var.alarm_emails : can(regex("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$", address))])
    error_message = "alarm_emails must hold at least one email address (name@domain)."
  }

  validation {
    condition     = !anytrue([for address in var.alarm_emails : endswith(lower(address), ".example") || endswith(lower(address), "@example.com")])
    error_message = "alarm_emails must be real addresses, not an example placeholder."
  }
}

module "stack" {
  source = "../../modules/stack"

  project     = local.project
  environment = local.environment
  region      = local.region
  tags        = local.tags

  vpc_cidr           = "10.50.0.0/16"
  availability_zones = ["eu-west-1a", "eu-west-1b"]
  single_nat_gateway = false

  github_repository           = local.tags.Repository
  github_environment          = "prod"
  create_github_oidc_provider = false # the account's provider already exists (dev made it), or set true in a fresh account
  image_tag                   = var.image_tag

  services = {
    orchestrator = { cpu = 512, memory = 1024, desired_count = 1, min_count = 1, max_count = 1, autoscale = false }
    sportmonks   = { cpu = 256, memory = 512, desired_count = 2, min_count = 2, max_count = 4, autoscale = true }
    database     = { cpu = 1024, memory = 2048, desired_count = 2, min_count = 2, max_count = 6, autoscale = true }
    dashboards   = { cpu = 256, memory = 1024, desired_count = 1, min_count = 1, max_count = 1, autoscale = false }
  }

  sportmonks_base_url           = "https://api.sportmonks.com"
  notify_webhook_url_secret_arn = ""
  log_level                     = "info"
  log_retention_days            = 90

  db_instance_class           = "db.m7g.large"
  db_allocated_storage_gb     = 100
  db_max_allocated_storage_gb = 500
  db_multi_az                 = true
  db_backup_retention_days    = 14
  db_performance_insights     = true
  db_connections_alarm        = 500
  deletion_protection         = true
  secret_recovery_window_days = 30

  cache_node_type = "cache.t4g.small"
  cache_replicas  = 1

  cors_allowed_origins = []

  incremental_sync_schedule = "rate(5 minutes)"
  week_sweep_schedule       = "rate(1 hour)"
  season_sweep_schedule     = "cron(0 3 * * ? *)"
  full_sync_schedule        = "cron(30 2 * * ? *)"

  retention_days     = 90
  retention_schedule = "cron(15 4 * * ? *)"

  alarm_emails              = var.alarm_emails
  alarm_webhook_urls        = []
  quarantine_spike_per_hour = 100

  analyst_door_instance_type = "t4g.nano"
  collector_image            = "public.ecr.aws/aws-observability/aws-otel-collector:v0.50.0"
}
