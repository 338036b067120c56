# EventBridge Scheduler cannot call a private HTTP endpoint, so each schedule runs a short ECS task
# (the orchestrator image with trigger-sync.mjs) that POSTs one /sync route on the internal ALB with
# the operator token and exits. A 409 (the same scope is already running) counts as success.

data "aws_partition" "current" {}

locals {
  family_arn_prefix = replace(var.task_definition_arn, "/:[0-9]+$/", "")
}

data "aws_iam_policy_document" "scheduler_assume" {
  statement {
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["scheduler.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "scheduler" {
  name               = "${var.name}-scheduler"
  description        = "Runs the sync trigger task on a schedule"
  assume_role_policy = data.aws_iam_policy_document.scheduler_assume.json
  tags               = var.tags
}

data "aws_iam_policy_document" "scheduler" {
  statement {
    sid       = "RunSyncTrigger"
    actions   = ["ecs:RunTask"]
    resources = ["${local.family_arn_prefix}:*"]

    condition {
      test     = "ArnEquals"
      variable = "ecs:cluster"
      values   = [var.cluster_arn]
    }
  }

  statement {
    sid       = "PassTaskRoles"
    actions   = ["iam:PassRole"]
    resources = var.pass_role_arns

    condition {
      test     = "StringEquals"
      variable = "iam:PassedToService"
      values   = ["ecs-tasks.amazonaws.com"]
    }
  }
}

resource "aws_iam_role_policy" "scheduler" {
  name   = "run-sync-trigger"
  role   = aws_iam_role.scheduler.id
  policy = data.aws_iam_policy_document.scheduler.json
}

resource "aws_scheduler_schedule_group" "this" {
  name = var.name
  tags = var.tags
}

resource "aws_scheduler_schedule" "sync" {
  for_each = var.schedules

  name                         = "${var.name}-${each.key}"
  group_name                   = aws_scheduler_schedule_group.this.name
  description                  = each.value.description
  schedule_expression          = each.value.expression
  schedule_expression_timezone = var.timezone

  flexible_time_window {
    mode = "OFF"
  }

  # The universal RunTask target lets each schedule override the path the trigger POSTs.
  target {
    arn      = "arn:${data.aws_partition.current.partition}:scheduler:::aws-sdk:ecs:runTask"
    role_arn = aws_iam_role.scheduler.arn

    input = jsonencode({
      Cluster        = var.cluster_arn
      TaskDefinition = var.task_definition_family
      LaunchType     = "FARGATE"
      Count          = 1
      NetworkConfiguration = {
        AwsvpcConfiguration = {
          Subnets        = var.subnet_ids
          SecurityGroups = [var.security_group_id]
          AssignPublicIp = "DISABLED"
        }
      }
      Overrides = {
        ContainerOverrides = [
          {
            Name        = "sync-trigger"
            Environment = [{ Name = "SYNC_PATH", Value = each.value.sync_path }]
          }
        ]
      }
    })

    retry_policy {
      maximum_retry_attempts       = 2
      maximum_event_age_in_seconds = 300
    }
  }
}
