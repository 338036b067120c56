variable "name" {
  type        = string
  description = "Prefix for every resource name, e.g. insightxi-dev."
}

variable "subnet_ids" {
  type        = list(string)
  description = "Private subnets of the DB subnet group (two zones at least)."
}

variable "security_group_id" {
  type        = string
  description = "Security group of the instance (3306 from the writer and the migration task only)."
}

variable "engine_version" {
  type        = string
  description = "MySQL engine version (major.minor, e.g. 8.4)."

  validation {
    condition     = startswith(var.engine_version, "8.4")
    error_message = "InsightXI targets MySQL 8.4."
  }
}

variable "instance_class" {
  type        = string
  description = "Instance class, e.g. db.t4g.micro."
}

variable "allocated_storage_gb" {
  type        = number
  description = "Initial storage in GiB."
}

variable "max_allocated_storage_gb" {
  type        = number
  description = "Upper bound for storage autoscaling in GiB."
}

variable "database_name" {
  type        = string
  description = "Name of the application database."
}

variable "master_username" {
  type        = string
  description = "Master user name; its password is generated and rotated by RDS in Secrets Manager."
}

variable "multi_az" {
  type        = bool
  description = "Standby in a second zone."
}

variable "backup_retention_days" {
  type        = number
  description = "Days of automated backups (point-in-time recovery window)."

  validation {
    condition     = var.backup_retention_days >= 1 && var.backup_retention_days <= 35
    error_message = "backup_retention_days is between 1 and 35: backups are never off."
  }
}

variable "deletion_protection" {
  type        = bool
  description = "Refuse deletion of the instance (true in prod); when false a final snapshot is still taken."
}

variable "performance_insights" {
  type        = bool
  description = "Performance Insights on the instance (7 days kept, the free tier); needs an instance class that supports it (not db.t4g.micro)."
}

variable "tags" {
  type        = map(string)
  description = "Tags added to every resource."
}
