# How CD ships a commit without holding the power to deploy: GitHub's deploy role may only start
# the release state machine with a commit SHA (data, not code). The machine runs the release task
# (packages/release) at the revision Terraform registered, overriding nothing but GIT_SHA, and
# fails unless it exits 0. The release task's role does the deploying: it registers revisions of
# the released families, passes their roles to ECS, runs the migration and smoke tasks, updates
# the services and rolls them back. Nothing that CD pushes or sends can change that code, its
# command or its role; an ECS task the caller could start itself could (RunTask overrides).

data "aws_caller_identity" "current" {}
data "aws_partition" "current" {}

locals {
  account   = data.aws_caller_identity.current.account_id
  partition = data.aws_partition.current.partition
  ecs_arn   = "arn:${local.partition}:ecs:${var.region}:${local.account}"

  # The roles the released task definitions carry: every kind's but the release's own.
  released_role_arns = concat(
    [for kind in local.released_kinds : aws_iam_role.execution[kind].arn],
    [for kind, role in aws_iam_role.task : role.arn],
  )
}

# ---------------------------------------------------------------- the release task's role

resource "aws_iam_role" "release" {
  name               = "${var.name}-release-task"
  description        = "The release task: registers the released families' revisions, runs the migration and smoke tasks, updates and rolls back the services"
  assume_role_policy = data.aws_iam_policy_document.ecs_tasks_assume.json
  tags               = var.tags
}

data "aws_iam_policy_document" "release" {
  statement {
    sid = "TaskDefinitions"
    # Neither action supports resource-level permissions; what a registered revision may do is
    # bounded by the roles this role may pass (PassReleasedRoles).
    actions   = ["ecs:DescribeTaskDefinition", "ecs:RegisterTaskDefinition"]
    resources = ["*"]
  }

  statement {
    sid       = "RunMigrationAndSmoke"
    actions   = ["ecs:RunTask"]
    resources = [for kind in ["migrate", "smoke"] : "${local.ecs_arn}:task-definition/${var.name}-${kind}:*"]

    condition {
      test     = "ArnEquals"
      variable = "ecs:cluster"
      values   = [aws_ecs_cluster.this.arn]
    }
  }

  statement {
    sid       = "WatchTasks"
    actions   = ["ecs:DescribeTasks"]
    resources = ["${local.ecs_arn}:task/${var.name}/*"]

    condition {
      test     = "ArnEquals"
      variable = "ecs:cluster"
      values   = [aws_ecs_cluster.this.arn]
    }
  }

  statement {
    sid       = "DeployServices"
    actions   = ["ecs:DescribeServices", "ecs:UpdateService"]
    resources = [for service in aws_ecs_service.service : service.id]
  }

  statement {
    sid       = "PassReleasedRoles"
    actions   = ["iam:PassRole"]
    resources = local.released_role_arns

    condition {
      test     = "StringEquals"
      variable = "iam:PassedToService"
      values   = ["ecs-tasks.amazonaws.com"]
    }
  }
}

resource "aws_iam_role_policy" "release" {
  name   = "release"
  role   = aws_iam_role.release.id
  policy = data.aws_iam_policy_document.release.json
}

# ---------------------------------------------------------------- the release state machine

data "aws_iam_policy_document" "states_assume" {
  statement {
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["states.amazonaws.com"]
    }

    condition {
      test     = "StringEquals"
      variable = "aws:SourceAccount"
      values   = [local.account]
    }
  }
}

resource "aws_iam_role" "release_machine" {
  name               = "${var.name}-release-machine"
  description        = "The release state machine: starts the release task and waits for it"
  assume_role_policy = data.aws_iam_policy_document.states_assume.json
  tags               = var.tags
}

data "aws_iam_policy_document" "release_machine" {
  statement {
    sid       = "RunRelease"
    actions   = ["ecs:RunTask"]
    resources = ["${local.ecs_arn}:task-definition/${var.name}-release:*"]

    condition {
      test     = "ArnEquals"
      variable = "ecs:cluster"
      values   = [aws_ecs_cluster.this.arn]
    }
  }

  statement {
    sid       = "WatchRelease"
    actions   = ["ecs:DescribeTasks", "ecs:StopTask"]
    resources = ["${local.ecs_arn}:task/${var.name}/*"]
  }

  # How Step Functions learns that an ECS task stopped (the .sync integration).
  statement {
    sid       = "TaskStateEvents"
    actions   = ["events:DescribeRule", "events:PutRule", "events:PutTargets"]
    resources = ["arn:${local.partition}:events:${var.region}:${local.account}:rule/StepFunctionsGetEventsForECSTaskRule"]
  }

  statement {
    sid       = "PassReleaseRoles"
    actions   = ["iam:PassRole"]
    resources = [aws_iam_role.execution["release"].arn, aws_iam_role.release.arn]

    condition {
      test     = "StringEquals"
      variable = "iam:PassedToService"
      values   = ["ecs-tasks.amazonaws.com"]
    }
  }
}

resource "aws_iam_role_policy" "release_machine" {
  name   = "run-release"
  role   = aws_iam_role.release_machine.id
  policy = data.aws_iam_policy_document.release_machine.json
}

resource "aws_sfn_state_machine" "release" {
  name     = "${var.name}-release"
  role_arn = aws_iam_role.release_machine.arn

  definition = jsonencode({
    Comment = "Runs the release task for one commit ({\"sha\": \"<40 hex>\"}) and fails unless it exits 0"
    StartAt = "Release"
    States = {
      Release = {
        Type     = "Task"
        Resource = "arn:${local.partition}:states:::ecs:runTask.sync"
        Parameters = {
          Cluster        = aws_ecs_cluster.this.arn
          TaskDefinition = aws_ecs_task_definition.task["release"].arn
          LaunchType     = "FARGATE"
          "StartedBy.$"  = "States.Format('release-{}', $.sha)"
          NetworkConfiguration = {
            AwsvpcConfiguration = {
              Subnets        = var.private_subnet_ids
              SecurityGroups = [var.security_group_ids["release"]]
              AssignPublicIp = "DISABLED"
            }
          }
          # The commit is the only input: no command, role or image override.
          Overrides = {
            ContainerOverrides = [{ Name = "release", Environment = [{ Name = "GIT_SHA", "Value.$" = "$.sha" }] }]
          }
        }
        # Past the release's own deadlines (packages/release cli.ts: 2 x 15 min of one-shot tasks,
        # 2 x 20 min of services settling), before the CD job's 90 minutes: a hung release fails.
        TimeoutSeconds = 5100
        ResultSelector = { "ExitCode.$" = "$.Containers[0].ExitCode", "TaskArn.$" = "$.TaskArn" }
        Next           = "Deployed?"
      }
      "Deployed?" = {
        Type    = "Choice"
        Choices = [{ Variable = "$.ExitCode", NumericEquals = 0, Next = "Deployed" }]
        Default = "NotDeployed"
      }
      Deployed    = { Type = "Succeed" }
      NotDeployed = { Type = "Fail", Error = "ReleaseFailed", Cause = "The release task exited non-zero: its log (/ecs/<name>/release) says why." }
    }
  })

  tags = var.tags
}
