variable "name" {
  type        = string
  description = "Prefix for every resource name, e.g. insightxi-dev (also the cluster name)."
}

variable "region" {
  type        = string
  description = "AWS region of the tasks (log configuration, SDK region)."
}

variable "private_subnet_ids" {
  type        = list(string)
  description = "Private subnets the tasks run in (no public IPs)."
}

variable "security_group_ids" {
  type        = map(string)
  description = "Security group of each task kind, by kind: the services, migrate, sync-trigger, smoke, retention."
}

variable "repository_urls" {
  type        = map(string)
  description = "ECR repository URL of each image: orchestrator, sportmonks, database, dashboards, migrate."
}

variable "repository_arns" {
  type        = map(string)
  description = "ECR repository ARN of each image (each task may pull only its own)."
}

variable "image_tag" {
  type        = string
  description = "Image tag of the first task definitions; CI/CD registers new revisions with commit SHA tags afterwards."
}

variable "service_ports" {
  type        = map(number)
  description = "Listening port of each service."
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
  description = "Size and scaling of each service (orchestrator, sportmonks, database, dashboards); autoscaling tracks average CPU."

  validation {
    condition     = alltrue([for s in values(var.services) : s.min_count <= s.desired_count && s.desired_count <= s.max_count])
    error_message = "Each service needs min_count <= desired_count <= max_count."
  }
}

variable "cpu_target_percent" {
  type        = number
  description = "Average CPU utilisation the autoscaled services are kept at."
}

variable "target_group_arns" {
  type        = map(string)
  description = "ALB target group of each service."
}

variable "service_urls" {
  type        = map(string)
  description = "Base URL of each service through the internal ALB (the orchestrator's upstreams, the sync trigger's target)."
}

variable "secret_arns" {
  type        = map(string)
  description = "Secrets Manager ARN of each generated or operator-put secret, by name: internal-token(-previous), operator-token(-previous), sportmonks-api-token, database-writer-password, database-analyst-password."

  validation {
    condition = alltrue([for name in [
      "internal-token", "internal-token-previous", "operator-token", "operator-token-previous",
      "sportmonks-api-token", "database-writer-password", "database-analyst-password",
    ] : contains(keys(var.secret_arns), name)])
    error_message = "secret_arns must name every secret the tasks read."
  }
}

variable "notify_webhook_url_secret_arn" {
  type        = string
  default     = ""
  description = "Secrets Manager ARN of the orchestrator's NOTIFY_WEBHOOK_URL (e.g. a Slack incoming webhook; failed runs are POSTed there); empty: no notifications."
}

variable "database_secret_arn" {
  type        = string
  description = "ARN of the RDS-managed master user secret (JSON keys username and password)."
}

variable "database_host" {
  type        = string
  description = "RDS endpoint host name."
}

variable "database_port" {
  type        = number
  description = "RDS port (MySQL listens on 3306 by default)."
}

variable "database_name" {
  type        = string
  description = "Application database name."
}

variable "redis_url" {
  type        = string
  description = "REDIS_URL of the fetcher: the cache that shares SportMonks rate-limit budgets between its tasks."
}

variable "sportmonks_base_url" {
  type        = string
  description = "Base URL of the SportMonks API used by the fetcher."
}

variable "log_level" {
  type        = string
  description = "pino log level of every service."

  validation {
    condition     = contains(["fatal", "error", "warn", "info", "debug", "trace"], var.log_level)
    error_message = "log_level is one of fatal, error, warn, info, debug, trace."
  }
}

variable "log_retention_days" {
  type        = number
  description = "Days CloudWatch keeps the task logs."
}

variable "tags" {
  type        = map(string)
  description = "Tags added to every resource."
}

variable "retention_days" {
  type        = number
  description = "Age in days past which the retention task deletes sync_run_pages and quarantine rows."

  validation {
    condition     = var.retention_days >= 7
    error_message = "retention_days is at least 7: runs of the last week stay inspectable."
  }
}

variable "metrics_namespace" {
  type        = string
  description = "CloudWatch namespace the collectors write the services' Prometheus metrics to."
}

variable "metric_declarations" {
  type = list(object({
    dimensions            = list(list(string))
    metric_name_selectors = list(string)
  }))
  description = "awsemf metric declarations: which Prometheus metrics become CloudWatch metrics, with which dimensions (the alarms read them)."
}

variable "collector_image" {
  type        = string
  description = "Image of the metrics collector sidecar (AWS Distro for OpenTelemetry collector), pinned to a version."
}
