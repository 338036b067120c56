variable "name" {
  type        = string
  description = "Prefix for every resource name, e.g. insightxi-dev."
}

variable "subnet_ids" {
  type        = list(string)
  description = "Private subnets of the cache."
}

variable "security_group_id" {
  type        = string
  description = "Security group of the cache (6379 from the fetcher only)."
}

variable "node_type" {
  type        = string
  description = "ElastiCache node type, e.g. cache.t4g.micro."
}

variable "replicas" {
  type        = number
  description = "Read replicas besides the primary (0 in dev; 1 or more enables automatic failover)."

  validation {
    condition     = var.replicas >= 0 && var.replicas <= 5
    error_message = "replicas is between 0 and 5."
  }
}

variable "tags" {
  type        = map(string)
  description = "Tags added to every resource."
}
