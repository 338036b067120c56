# The dev environment: the stack (infra/modules/stack) with dev's values. Production is
# infra/envs/prod on the same modules; the differences are the values below.

locals {
  project     = "insightxi"
  environment = "dev"
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

module "stack" {
  source = "../../modules/stack"

  project     = local.project
  environment = local.environment
  region      = local.region
  tags        = local.tags

  vpc_cidr           = "10.40.0.0/16"
  availability_zones = ["eu-west-1a", "eu-west-1b"]
  single_nat_gateway = true

  github_repository           = local.tags.Repository
  github_environment          = "dev"
  create_github_oidc_provider = true
  image_tag                   = var.image_tag

  services = {
    orchestrator = { cpu = 256, memory = 512, desired_count = 1, min_count = 1, max_count = 1, autoscale = false }
    sportmonks   = { cpu = 256, memory = 512, desired_count = 1, min_count = 1, max_count = 3, autoscale = true }
    database     = { cpu = 512, memory = 1024, desired_count = 1, min_count = 1, max_count = 4, autoscale = true }
    dashboards   = { cpu = 256, memory = 1024, desired_count = 1, min_count = 1, max_count = 1, autoscale = false }
  }

  sportmonks_base_url           = "https://api.sportmonks.com"
  notify_webhook_url_secret_arn = ""
  log_level                     = "info"
  log_retention_days            = 30

  db_instance_class           = "db.t4g.micro"
  db_allocated_storage_gb     = 20
  db_max_allocated_storage_gb = 100
  db_multi_az                 = false
  db_backup_retention_days    = 7
  db_performance_insights     = false
  db_connections_alarm        = 50
  deletion_protection         = false
  secret_recovery_window_days = 7

  cache_node_type = "cache.t4g.micro"
  cache_replicas  = 0

  cors_allowed_origins = []

  incremental_sync_schedule = "rate(5 minutes)"
  week_sweep_schedule       = "rate(1 hour)"
  season_sweep_schedule     = "cron(0 3 * * ? *)"
  full_sync_schedule        = "cron(30 2 * * ? *)"

  retention_days     = 90
  retention_schedule = "cron(15 4 * * ? *)"

  alarm_emails              = []
  alarm_webhook_urls        = []
  quarantine_spike_per_hour = 100

  analyst_door_instance_type = "t4g.nano"
  collector_image            = "public.ecr.aws/aws-observability/aws-otel-collector:v0.50.0"
}
