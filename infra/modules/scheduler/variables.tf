variable "name" {
  type        = string
  description = "Prefix for every resource name, e.g. insightxi-dev."
}

variable "cluster_arn" {
  type        = string
  description = "ECS cluster the scheduled tasks run in."
}

variable "tasks" {
  type = map(object({
    family              = string
    task_definition_arn = string
    execution_role_arn  = string
    security_group_id   = string
  }))
  description = "The task kinds schedules may run (container name = kind): family, current revision ARN, execution role, security group."
}

variable "subnet_ids" {
  type        = list(string)
  description = "Private subnets of the scheduled tasks."
}

variable "timezone" {
  type        = string
  description = "Time zone of the cron expressions."
}

variable "schedules" {
  type = map(object({
    expression  = string
    description = string
    task        = string
    environment = map(string)
  }))
  description = "Schedules: expression, description, the task kind to run and environment overrides (e.g. SYNC_PATH)."

  validation {
    condition     = alltrue([for s in values(var.schedules) : s.task != "sync-trigger" || startswith(lookup(s.environment, "SYNC_PATH", ""), "/sync/")])
    error_message = "Sync trigger schedules set SYNC_PATH to a /sync/ route."
  }
}

variable "tags" {
  type        = map(string)
  description = "Tags added to every resource."
}
