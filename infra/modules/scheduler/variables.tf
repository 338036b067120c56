variable "name" {
  type        = string
  description = "Prefix for every resource name, e.g. insightxi-dev."
}

variable "cluster_arn" {
  type        = string
  description = "ECS cluster the sync trigger task runs in."
}

variable "task_definition_family" {
  type        = string
  description = "Task definition family of the sync trigger (its latest revision is run)."
}

variable "task_definition_arn" {
  type        = string
  description = "Any revision of the sync trigger task definition (its family scopes the RunTask permission)."
}

variable "pass_role_arns" {
  type        = list(string)
  description = "Roles the scheduler passes to ECS for the sync trigger task (its execution role)."
}

variable "subnet_ids" {
  type        = list(string)
  description = "Private subnets of the trigger task."
}

variable "security_group_id" {
  type        = string
  description = "Security group of the trigger task (orchestrator listener and HTTPS out only)."
}

variable "schedules" {
  type = map(object({
    expression  = string
    sync_path   = string
    description = string
  }))
  description = "Each schedule: an EventBridge Scheduler expression and the orchestrator path it POSTs (e.g. /sync/fixtures?mode=incremental)."

  validation {
    condition     = alltrue([for s in values(var.schedules) : startswith(s.sync_path, "/sync/")])
    error_message = "A schedule may only start syncs: sync_path starts with /sync/."
  }
}

variable "timezone" {
  type        = string
  description = "Time zone of the schedule expressions."
}

variable "tags" {
  type        = map(string)
  description = "Tags added to every resource."
}
