variable "name" {
  type        = string
  description = "Prefix for every resource name, e.g. insightxi-dev."
}

variable "region" {
  type        = string
  description = "Region of the metrics the dashboard shows."
}

variable "namespace" {
  type        = string
  description = "CloudWatch namespace the collectors write the services' Prometheus metrics to."
}

variable "alarm_emails" {
  type        = list(string)
  description = "Email addresses subscribed to the alarm topic (each confirms once by mail)."
}

variable "alarm_webhook_urls" {
  type        = list(string)
  description = "HTTPS endpoints subscribed to the alarm topic (optional; each must confirm the SNS subscription)."

  validation {
    condition     = alltrue([for url in var.alarm_webhook_urls : startswith(url, "https://")])
    error_message = "alarm_webhook_urls are https:// URLs."
  }
}

variable "freshness" {
  type = map(object({
    within_seconds = number
    period_seconds = number
  }))
  description = "Per run entity (fixtures, all …): the time within which a successful run must land, and the alarm's period."
}

variable "live_poll_stall_seconds" {
  type        = number
  description = "Age of the live poller's last poll, while matches are on, past which it counts as stalled."
}

variable "quarantine_spike_per_hour" {
  type        = number
  description = "Records quarantined in an hour past which someone should look."
}

variable "error_rate_percent" {
  type        = number
  description = "Share of 5xx answers of a service (per 5 minutes) past which it alarms."
}

variable "target_groups" {
  type        = map(string)
  description = "ARN suffix of each service's target group (the TargetGroup dimension), by service."
}

variable "load_balancer_arn_suffix" {
  type        = string
  description = "ARN suffix of the internal ALB (the LoadBalancer dimension)."
}

variable "db_instance_identifier" {
  type        = string
  description = "RDS instance identifier."
}

variable "rds_cpu_percent" {
  type        = number
  description = "RDS CPU utilisation past which it alarms (15 minutes)."
}

variable "rds_free_storage_bytes" {
  type        = number
  description = "RDS free storage below which it alarms."
}

variable "rds_connections" {
  type        = number
  description = "MySQL connections past which it alarms (15 minutes)."
}

variable "tags" {
  type        = map(string)
  description = "Tags added to every resource."
}
