variable "name" {
  type        = string
  description = "Prefix for every resource name, e.g. insightxi-dev."
}

variable "region" {
  type        = string
  description = "AWS region (issuer URL of the Cognito user pool)."
}

variable "subnet_ids" {
  type        = list(string)
  description = "Private subnets of the VPC link."
}

variable "vpc_link_security_group_id" {
  type        = string
  description = "Security group of the VPC link (may reach the orchestrator listener only)."
}

variable "orchestrator_listener_arn" {
  type        = string
  description = "ALB listener of the orchestrator: the integration forwards the request path unchanged."
}

variable "cors_allowed_origins" {
  type        = list(string)
  description = "Browser origins allowed to call the API; empty means no CORS at all (callers are machines and curl)."

  validation {
    condition     = alltrue([for o in var.cors_allowed_origins : o != "*" && startswith(o, "https://")])
    error_message = "CORS origins must be explicit https:// origins: never \"*\"."
  }
}

variable "access_token_validity_minutes" {
  type        = number
  description = "Lifetime of the JWTs operators obtain with the client-credentials grant."
}

variable "throttling_rate_limit" {
  type        = number
  description = "Steady-state requests per second allowed on the API."
}

variable "throttling_burst_limit" {
  type        = number
  description = "Burst of requests allowed on the API."
}

variable "log_retention_days" {
  type        = number
  description = "Days CloudWatch keeps the access logs."
}

variable "deletion_protection" {
  type        = bool
  description = "Refuse deletion of the operators' user pool."
}

variable "tags" {
  type        = map(string)
  description = "Tags added to every resource."
}
