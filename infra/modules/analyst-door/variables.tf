variable "name" {
  type        = string
  description = "Prefix for every resource name, e.g. insightxi-dev."
}

variable "subnet_id" {
  type        = string
  description = "Private subnet of the instance (no public address)."
}

variable "security_group_id" {
  type        = string
  description = "Security group of the instance: no ingress; MySQL, the dashboards listener and HTTPS out."
}

variable "instance_type" {
  type        = string
  description = "Instance type of the door (it only relays TCP): e.g. t4g.nano."
}

variable "mysql_host" {
  type        = string
  description = "RDS endpoint analysts forward to."
}

variable "dashboards_host" {
  type        = string
  description = "Internal ALB host name analysts forward to for the dashboards."
}

variable "dashboards_port" {
  type        = number
  description = "ALB listener port of the dashboards."
}

variable "analyst_secret_arn" {
  type        = string
  description = "Secrets Manager ARN of the analyst account's password (readable by the analysts group)."
}

variable "tags" {
  type        = map(string)
  description = "Tags added to every resource."
}
