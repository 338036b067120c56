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

variable "github_branch" {
  type        = string
  description = "The only branch whose workflow runs may assume the deploy role."
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

variable "task_families" {
  type        = list(string)
  description = "Task definition families the role may register revisions of and run (the migration)."
}

variable "pass_role_arns" {
  type        = list(string)
  description = "Execution roles the role may pass to ECS in the task definitions it registers."
}

variable "deploy_parameter_arn" {
  type        = string
  description = "SSM parameter with the deploy configuration."
}

variable "tags" {
  type        = map(string)
  description = "Tags added to every resource."
}
