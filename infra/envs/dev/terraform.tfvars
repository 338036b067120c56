# Values of the dev environment: no secrets here (they live in Secrets Manager).
environment        = "dev"
region             = "eu-west-1"
vpc_cidr           = "10.40.0.0/16"
availability_zones = ["eu-west-1a", "eu-west-1b"]
single_nat_gateway = true

github_repository           = "insightxi/insightxi"
create_github_oidc_provider = true
image_tag                   = "latest"

services = {
  orchestrator = { cpu = 256, memory = 512, desired_count = 1, min_count = 1, max_count = 1, autoscale = false }
  sportmonks   = { cpu = 256, memory = 512, desired_count = 1, min_count = 1, max_count = 3, autoscale = true }
  database     = { cpu = 512, memory = 1024, desired_count = 1, min_count = 1, max_count = 4, autoscale = true }
}

sportmonks_base_url = "https://api.sportmonks.com"
log_level           = "info"
log_retention_days  = 30

db_instance_class           = "db.t4g.micro"
db_allocated_storage_gb     = 20
db_max_allocated_storage_gb = 100
db_multi_az                 = false
db_backup_retention_days    = 7
deletion_protection         = false
secret_recovery_window_days = 7
token_version               = 1

cache_node_type = "cache.t4g.micro"

cors_allowed_origins = []

incremental_sync_schedule = "rate(5 minutes)"
full_sync_schedule        = "cron(30 2 * * ? *)"
week_sweep_schedule       = "rate(1 hour)"
season_sweep_schedule     = "cron(0 3 * * ? *)"
