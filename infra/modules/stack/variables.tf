variable "project" {
  type        = string
  description = "Project name: the first part of every resource name."
  default     = "insightxi"
}

variable "environment" {
  type        = string
  description = "Environment name: the second part of every resource name (dev, staging, prod)."

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{1,15}$", var.environment))
    error_message = "environment is 2-16 lower-case letters, digits or dashes."
  }
}

variable "region" {
  type        = string
  description = "AWS region of the whole stack."
}

variable "vpc_cidr" {
  type        = string
  description = "CIDR block of the VPC."
}

variable "availability_zones" {
  type        = list(string)
  description = "Two availability zones of the region."
}

variable "single_nat_gateway" {
  type        = bool
  description = "One NAT gateway instead of one per zone (cheaper; fine for dev)."
}

variable "github_repository" {
  type        = string
  description = "GitHub repository (owner/name) whose deploy jobs may assume the deploy role."
}

variable "github_environment" {
  type        = string
  description = "GitHub environment the deploy job runs in (its deployment branch rule: main only); the OIDC trust names it."
}

variable "create_github_oidc_provider" {
  type        = bool
  description = "Create the GitHub OIDC provider (false if the AWS account already has one)."
}

variable "image_tag" {
  type        = string
  description = "Commit SHA the first task definitions run (tags are immutable; later deploys register revisions of their own SHA)."

  validation {
    condition     = can(regex("^[0-9a-f]{40}$", var.image_tag))
    error_message = "image_tag is a full commit SHA: image tags are immutable and name a commit."
  }
}

variable "services" {
  type = map(object({
    cpu           = number
    memory        = number
    desired_count = number
    min_count     = number
    max_count     = number
    autoscale     = bool
  }))
  description = "Size and scaling of orchestrator, sportmonks, database and dashboards."
}

variable "sportmonks_base_url" {
  type        = string
  description = "SportMonks API base URL."
}

variable "notify_webhook_url_secret_arn" {
  type        = string
  default     = ""
  description = "ARN of a Secrets Manager secret you created holding the orchestrator's NOTIFY_WEBHOOK_URL (failed runs are POSTed there); empty: no notifications."
}

variable "log_level" {
  type        = string
  description = "pino log level of the services."
}

variable "log_retention_days" {
  type        = number
  description = "Days CloudWatch keeps logs."
}

variable "db_instance_class" {
  type        = string
  description = "RDS instance class."
}

variable "db_allocated_storage_gb" {
  type        = number
  description = "Initial RDS storage in GiB."
}

variable "db_max_allocated_storage_gb" {
  type        = number
  description = "RDS storage autoscaling ceiling in GiB."
}

variable "db_multi_az" {
  type        = bool
  description = "RDS standby in a second zone."
}

variable "db_backup_retention_days" {
  type        = number
  description = "Days of RDS automated backups."
}

variable "db_performance_insights" {
  type        = bool
  description = "RDS Performance Insights (needs an instance class that supports it)."
}

variable "db_connections_alarm" {
  type        = number
  description = "MySQL connections past which the connections alarm fires (below the instance class's max_connections)."
}

variable "deletion_protection" {
  type        = bool
  description = "Deletion protection on RDS, the ALB and the Cognito pool (true in prod)."
}

variable "secret_recovery_window_days" {
  type        = number
  description = "Recovery window of deleted secrets (0 or 7-30)."
}


variable "cache_node_type" {
  type        = string
  description = "ElastiCache node type of the fetcher's rate-limit cache."
}

variable "cache_replicas" {
  type        = number
  description = "Replicas of the rate-limit cache (0: one node; 1 or more: automatic failover across zones)."
}

variable "cors_allowed_origins" {
  type        = list(string)
  description = "Browser origins allowed on the sync API (empty: no CORS)."
}

variable "incremental_sync_schedule" {
  type        = string
  description = "Scheduler expression of the incremental fixture sync."
}

variable "week_sweep_schedule" {
  type        = string
  description = "Scheduler expression of the incremental sweep of today +/- 7 days."
}

variable "season_sweep_schedule" {
  type        = string
  description = "Scheduler expression of the nightly incremental sweep of today +/- 100 days (deletions anywhere in the season)."
}

variable "full_sync_schedule" {
  type        = string
  description = "Scheduler expression of the nightly full reconcile."
}

variable "retention_days" {
  type        = number
  description = "Age in days past which sync_run_pages and quarantine rows are deleted by the retention task."
}

variable "retention_schedule" {
  type        = string
  description = "Scheduler expression of the retention task."
}

variable "alarm_emails" {
  type        = list(string)
  description = "Email addresses the alarms notify (each confirms the SNS subscription once)."
}

variable "alarm_webhook_urls" {
  type        = list(string)
  description = "HTTPS endpoints the alarms notify besides email (optional)."
}

variable "quarantine_spike_per_hour" {
  type        = number
  description = "Records quarantined in an hour past which the quarantine alarm fires."
}

variable "analyst_door_instance_type" {
  type        = string
  description = "Instance type of the analysts' Session Manager door."
}

variable "collector_image" {
  type        = string
  description = "ADOT collector image of the metrics sidecars, pinned to a released version (vX.Y.Z) or a digest."

  validation {
    condition     = can(regex("^public\\.ecr\\.aws/aws-observability/aws-otel-collector(:v[0-9]+\\.[0-9]+\\.[0-9]+|@sha256:[0-9a-f]{64})$", var.collector_image))
    error_message = "collector_image is public.ecr.aws/aws-observability/aws-otel-collector pinned to a released vX.Y.Z or a sha256 digest (never latest)."
  }
}

variable "tags" {
  type        = map(string)
  description = "Tags added to every resource (the environment also sets them as provider default tags)."
}
