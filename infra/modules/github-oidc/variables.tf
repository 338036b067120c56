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

variable "release_state_machine_arn" {
  type        = string
  description = "The release state machine: the one thing the role may start (with a commit SHA)."
}

variable "release_log_group_arn" {
  type        = string
  description = "Log group of the release task, whose lines CD prints."
}

variable "deploy_parameter_arn" {
  type        = string
  description = "SSM parameter with the deploy configuration."
}

variable "tags" {
  type        = map(string)
  description = "Tags added to every resource."
}
