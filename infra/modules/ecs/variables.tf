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
  description = "Security group of each task kind: orchestrator, sportmonks, database, migrate, sync_trigger."
}

variable "repository_urls" {
  type        = map(string)
  description = "ECR repository URL of each image: orchestrator, sportmonks, database, migrate."
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
  description = "Size and scaling of each service (orchestrator, sportmonks, database); autoscaling tracks average CPU."

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

variable "internal_token_arn" {
  type        = string
  description = "Secrets Manager ARN of the internal service-to-service token."
}

variable "operator_token_arn" {
  type        = string
  description = "Secrets Manager ARN of the operator token."
}

variable "sportmonks_api_token_arn" {
  type        = string
  description = "Secrets Manager ARN of the SportMonks API token."
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

variable "database_writer_password_arn" {
  type        = string
  description = "Secrets Manager ARN of the password of the writer's own MySQL account (rows only); the migration task sets it."
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
