variable "name" {
  type        = string
  description = "Prefix for every resource name, e.g. insightxi-dev."
}

variable "create_oidc_provider" {
  type        = bool
  description = "Create the account's GitHub OIDC provider (false when the account already has one)."
}

variable "github_repository" {
  type        = string
  description = "The repository allowed to deploy, as owner/name."

  validation {
    condition     = can(regex("^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$", var.github_repository))
    error_message = "github_repository is owner/name."
  }
}

variable "github_environment" {
  type        = string
  description = "The GitHub environment whose jobs may assume the deploy role (its deployment branch rule allows main only)."

  validation {
    condition     = can(regex("^[A-Za-z0-9_.-]+$", var.github_environment))
    error_message = "github_environment is a GitHub environment name."
  }
}

variable "repository_arns" {
  type        = list(string)
  description = "ECR repositories the role may push to."
}

variable "cluster_arn" {
  type        = string
  description = "ECS cluster of the services."
}

variable "service_arns" {
  type        = list(string)
  description = "ECS services the role may update."
}

variable "run_task_families" {
  type        = list(string)
  description = "Task definition families the role may run: the migration and the smoke test, nothing else."
}

variable "pass_role_arns" {
  type        = list(string)
  description = "Execution and task roles of the task definitions CD registers, which it passes to ECS (only to ECS tasks)."
}

variable "log_group_arns" {
  type        = list(string)
  description = "Log groups of the one-shot tasks CD runs, whose lines it prints when they fail."
}

variable "deploy_parameter_arn" {
  type        = string
  description = "SSM parameter with the deploy configuration."
}

variable "tags" {
  type        = map(string)
  description = "Tags added to every resource."
}
