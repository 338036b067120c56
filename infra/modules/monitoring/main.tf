# Alarms that reach a person: one SNS topic (email and optional HTTPS webhook subscribers), an
# alarm for each failure the issue lists, and a dashboard. The services' own figures come from
# their Prometheus metrics, which the ADOT collector sidecars write to var.namespace (modules/ecs);
# the load balancer's and RDS's from their AWS namespaces.

locals {
  alarm_actions = [aws_sns_topic.alarms.arn]
  # Dimension values the collectors write: every metric carries its service.
  orchestrator = { service = "orchestrator" }
}

resource "aws_sns_topic" "alarms" {
  name = "${var.name}-alarms"
  tags = var.tags
}

resource "aws_sns_topic_subscription" "email" {
  for_each = toset(var.alarm_emails)

  topic_arn = aws_sns_topic.alarms.arn
  protocol  = "email"
  endpoint  = each.value
}

resource "aws_sns_topic_subscription" "webhook" {
  for_each = toset(var.alarm_webhook_urls)

  topic_arn              = aws_sns_topic.alarms.arn
  protocol               = "https"
  endpoint               = each.value
  endpoint_auto_confirms = false
}

# ---------------------------------------------------------------- runs

resource "aws_cloudwatch_metric_alarm" "run_failed" {
  alarm_name          = "${var.name}-run-failed"
  alarm_description   = "A sync run failed (GET /sync/runs?status=failed names it; docs/operations.md, 'A run failed')"
  namespace           = var.namespace
  metric_name         = "orchestrator_runs_total"
  dimensions          = merge(local.orchestrator, { status = "failed" })
  statistic           = "Sum"
  period              = 300
  evaluation_periods  = 1
  comparison_operator = "GreaterThanOrEqualToThreshold"
  threshold           = 1
  treat_missing_data  = "notBreaching"
  alarm_actions       = local.alarm_actions
  ok_actions          = local.alarm_actions
  tags                = var.tags
}

# No successful run of a scope within its expected interval (three of its schedule's periods):
# the schedule, the trigger task or the runs themselves are broken. Missing data counts as bad.
resource "aws_cloudwatch_metric_alarm" "freshness" {
  for_each = var.freshness

  alarm_name          = "${var.name}-stale-${each.key}"
  alarm_description   = "No successful ${each.key} sync in ${each.value.within_seconds} s (docs/operations.md, 'Data is stale')"
  namespace           = var.namespace
  metric_name         = "orchestrator_runs_total"
  dimensions          = merge(local.orchestrator, { entity = each.key, status = "succeeded" })
  statistic           = "Sum"
  period              = each.value.period_seconds
  evaluation_periods  = ceil(each.value.within_seconds / each.value.period_seconds)
  datapoints_to_alarm = ceil(each.value.within_seconds / each.value.period_seconds)
  comparison_operator = "LessThanThreshold"
  threshold           = 1
  treat_missing_data  = "breaching"
  alarm_actions       = local.alarm_actions
  ok_actions          = local.alarm_actions
  tags                = var.tags
}

# While matches are on, the live poller records the age of its last successful poll; 0 otherwise.
resource "aws_cloudwatch_metric_alarm" "live_poller_stalled" {
  alarm_name          = "${var.name}-live-poller-stalled"
  alarm_description   = "Matches are on and the live poller has not polled for ${var.live_poll_stall_seconds} s (docs/operations.md, 'Live scores lag')"
  namespace           = var.namespace
  metric_name         = "orchestrator_live_poll_age_seconds"
  dimensions          = local.orchestrator
  statistic           = "Maximum"
  period              = 60
  evaluation_periods  = 2
  comparison_operator = "GreaterThanThreshold"
  threshold           = var.live_poll_stall_seconds
  treat_missing_data  = "notBreaching"
  alarm_actions       = local.alarm_actions
  ok_actions          = local.alarm_actions
  tags                = var.tags
}

resource "aws_cloudwatch_metric_alarm" "quarantine_spike" {
  alarm_name          = "${var.name}-quarantine-spike"
  alarm_description   = "More than ${var.quarantine_spike_per_hour} records quarantined in an hour (docs/operations.md, 'The quarantine grows')"
  namespace           = var.namespace
  metric_name         = "orchestrator_records_total"
  dimensions          = merge(local.orchestrator, { outcome = "quarantined" })
  statistic           = "Sum"
  period              = 3600
  evaluation_periods  = 1
  comparison_operator = "GreaterThanThreshold"
  threshold           = var.quarantine_spike_per_hour
  treat_missing_data  = "notBreaching"
  alarm_actions       = local.alarm_actions
  ok_actions          = local.alarm_actions
  tags                = var.tags
}

resource "aws_cloudwatch_metric_alarm" "sportmonks_429" {
  alarm_name          = "${var.name}-sportmonks-429"
  alarm_description   = "SportMonks answered 429 (rate limit reached): the budget is spent faster than planned"
  namespace           = var.namespace
  metric_name         = "sportmonks_upstream_calls_total"
  dimensions          = { service = "sportmonks", status = "429" }
  statistic           = "Sum"
  period              = 300
  evaluation_periods  = 1
  comparison_operator = "GreaterThanOrEqualToThreshold"
  threshold           = 1
  treat_missing_data  = "notBreaching"
  alarm_actions       = local.alarm_actions
  ok_actions          = local.alarm_actions
  tags                = var.tags
}

# ---------------------------------------------------------------- services behind the ALB

resource "aws_cloudwatch_metric_alarm" "error_rate" {
  for_each = var.target_groups

  alarm_name          = "${var.name}-${each.key}-5xx"
  alarm_description   = "More than ${var.error_rate_percent} % of ${each.key}'s answers are 5xx (its logs name the requests)"
  comparison_operator = "GreaterThanThreshold"
  threshold           = var.error_rate_percent
  evaluation_periods  = 3
  datapoints_to_alarm = 2
  treat_missing_data  = "notBreaching"
  alarm_actions       = local.alarm_actions
  ok_actions          = local.alarm_actions
  tags                = var.tags

  metric_query {
    id          = "rate"
    expression  = "IF(requests > 0, 100 * errors / requests, 0)"
    label       = "5xx %"
    return_data = true
  }

  metric_query {
    id = "errors"

    metric {
      namespace   = "AWS/ApplicationELB"
      metric_name = "HTTPCode_Target_5XX_Count"
      dimensions  = { LoadBalancer = var.load_balancer_arn_suffix, TargetGroup = each.value }
      stat        = "Sum"
      period      = 300
    }
  }

  metric_query {
    id = "requests"

    metric {
      namespace   = "AWS/ApplicationELB"
      metric_name = "RequestCount"
      dimensions  = { LoadBalancer = var.load_balancer_arn_suffix, TargetGroup = each.value }
      stat        = "Sum"
      period      = 300
    }
  }
}

resource "aws_cloudwatch_metric_alarm" "unhealthy_targets" {
  for_each = var.target_groups

  alarm_name          = "${var.name}-${each.key}-unhealthy"
  alarm_description   = "${each.key} has targets failing the load balancer's health check"
  namespace           = "AWS/ApplicationELB"
  metric_name         = "UnHealthyHostCount"
  dimensions          = { LoadBalancer = var.load_balancer_arn_suffix, TargetGroup = each.value }
  statistic           = "Maximum"
  period              = 60
  evaluation_periods  = 3
  comparison_operator = "GreaterThanThreshold"
  threshold           = 0
  treat_missing_data  = "notBreaching"
  alarm_actions       = local.alarm_actions
  ok_actions          = local.alarm_actions
  tags                = var.tags
}

# ---------------------------------------------------------------- RDS

resource "aws_cloudwatch_metric_alarm" "rds" {
  for_each = {
    cpu         = { metric = "CPUUtilization", statistic = "Average", operator = "GreaterThanThreshold", threshold = var.rds_cpu_percent, description = "RDS CPU above ${var.rds_cpu_percent} % for 15 minutes" }
    storage     = { metric = "FreeStorageSpace", statistic = "Minimum", operator = "LessThanThreshold", threshold = var.rds_free_storage_bytes, description = "RDS free storage below ${var.rds_free_storage_bytes} bytes (storage autoscaling may be at its ceiling)" }
    connections = { metric = "DatabaseConnections", statistic = "Maximum", operator = "GreaterThanThreshold", threshold = var.rds_connections, description = "More than ${var.rds_connections} MySQL connections for 15 minutes" }
  }

  alarm_name          = "${var.name}-rds-${each.key}"
  alarm_description   = each.value.description
  namespace           = "AWS/RDS"
  metric_name         = each.value.metric
  dimensions          = { DBInstanceIdentifier = var.db_instance_identifier }
  statistic           = each.value.statistic
  period              = 300
  evaluation_periods  = 3
  comparison_operator = each.value.operator
  threshold           = each.value.threshold
  treat_missing_data  = "missing"
  alarm_actions       = local.alarm_actions
  ok_actions          = local.alarm_actions
  tags                = var.tags
}

# ---------------------------------------------------------------- dashboard

locals {
  region = var.region
  widget = { width = 12, height = 6 }
  panels = [
    { title = "Runs by status", metrics = [for status in ["succeeded", "failed", "cancelled"] : [var.namespace, "orchestrator_runs_total", "service", "orchestrator", "status", status, { stat = "Sum", period = 300 }]] },
    { title = "Records by outcome", metrics = [for outcome in ["created", "updated", "unchanged", "quarantined"] : [var.namespace, "orchestrator_records_total", "service", "orchestrator", "outcome", outcome, { stat = "Sum", period = 300 }]] },
    { title = "SportMonks calls by status", metrics = [for status in ["200", "429", "500"] : [var.namespace, "sportmonks_upstream_calls_total", "service", "sportmonks", "status", status, { stat = "Sum", period = 300 }]] },
    { title = "Live poll age (s)", metrics = [[var.namespace, "orchestrator_live_poll_age_seconds", "service", "orchestrator", { stat = "Maximum", period = 60 }]] },
    { title = "5xx answers", metrics = [for name, tg in var.target_groups : ["AWS/ApplicationELB", "HTTPCode_Target_5XX_Count", "LoadBalancer", var.load_balancer_arn_suffix, "TargetGroup", tg, { stat = "Sum", period = 300, label = name }]] },
    { title = "Healthy targets", metrics = [for name, tg in var.target_groups : ["AWS/ApplicationELB", "HealthyHostCount", "LoadBalancer", var.load_balancer_arn_suffix, "TargetGroup", tg, { stat = "Minimum", period = 60, label = name }]] },
    { title = "RDS CPU %", metrics = [["AWS/RDS", "CPUUtilization", "DBInstanceIdentifier", var.db_instance_identifier]] },
    { title = "RDS free storage and connections", metrics = [["AWS/RDS", "FreeStorageSpace", "DBInstanceIdentifier", var.db_instance_identifier], ["AWS/RDS", "DatabaseConnections", "DBInstanceIdentifier", var.db_instance_identifier, { yAxis = "right" }]] },
  ]
}

resource "aws_cloudwatch_dashboard" "this" {
  dashboard_name = var.name
  dashboard_body = jsonencode({
    widgets = [
      for i, panel in local.panels : {
        type   = "metric"
        x      = (i % 2) * local.widget.width
        y      = floor(i / 2) * local.widget.height
        width  = local.widget.width
        height = local.widget.height
        properties = {
          title   = panel.title
          region  = local.region
          view    = "timeSeries"
          stacked = false
          metrics = panel.metrics
        }
      }
    ]
  })
}
