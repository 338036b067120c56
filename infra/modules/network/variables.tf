variable "name" {
  type        = string
  description = "Prefix for every resource name, e.g. insightxi-dev."
}

variable "vpc_cidr" {
  type        = string
  description = "CIDR block of the VPC."

  validation {
    condition     = can(cidrhost(var.vpc_cidr, 0))
    error_message = "vpc_cidr must be a valid CIDR block."
  }
}

variable "availability_zones" {
  type        = list(string)
  description = "Two (or more) availability zones to spread the subnets over."

  validation {
    condition     = length(var.availability_zones) >= 2
    error_message = "At least two availability zones are needed (RDS and the ALB require it)."
  }
}

variable "single_nat_gateway" {
  type        = bool
  description = "One NAT gateway for all private subnets (cheaper, not zone-redundant) instead of one per zone."
}

variable "service_ports" {
  type        = map(number)
  description = "Listening port of each service, keyed by service name (orchestrator, sportmonks, database, dashboards)."

  validation {
    condition     = alltrue([for s in ["orchestrator", "sportmonks", "database", "dashboards"] : contains(keys(var.service_ports), s)])
    error_message = "service_ports must name orchestrator, sportmonks, database and dashboards."
  }
}

variable "tags" {
  type        = map(string)
  description = "Tags added to every resource."
}
