variable "name" {
  type        = string
  description = "Prefix for every resource name, e.g. insightxi-dev."
}

variable "vpc_id" {
  type        = string
  description = "VPC of the target groups."
}

variable "subnet_ids" {
  type        = list(string)
  description = "Private subnets of the internal ALB."
}

variable "security_group_id" {
  type        = string
  description = "Security group of the ALB."
}

variable "service_ports" {
  type        = map(number)
  description = "Port of each service: the ALB listens on the same port and forwards to that service's target group."
}

variable "health_check_path" {
  type        = string
  description = "Path the ALB probes on every target; a failing target is replaced by ECS."
}

variable "deregistration_delay_seconds" {
  type        = number
  description = "Time a draining target keeps its in-flight requests before ECS stops it (SIGTERM follows)."
}

variable "deletion_protection" {
  type        = bool
  description = "Refuse deletion of the load balancer."
}

variable "tags" {
  type        = map(string)
  description = "Tags added to every resource."
}
