# GitHub Actions authenticates with OIDC (no stored keys) and gets a role that can do exactly
# what cd.yml does: push the images and start the release state machine with a commit SHA, watch
# it and read the release task's log. It runs no ECS task, registers no task definition, updates
# no service and passes no role: the release task does that inside AWS, with code and a role CD
# cannot change (infra/modules/ecs/release.tf). Only jobs of one repository that run in one GitHub
# environment may assume it: the environment's rules (deployment branches: main only, reviewers)
# decide which runs get there, and the workflow runs the deploy job only for pushes to main of
# this repository and for manual dispatches.

data "aws_caller_identity" "current" {}
data "aws_partition" "current" {}

locals {
  oidc_host    = "token.actions.githubusercontent.com"
  provider_arn = var.create_oidc_provider ? aws_iam_openid_connect_provider.github[0].arn : "arn:${data.aws_partition.current.partition}:iam::${data.aws_caller_identity.current.account_id}:oidc-provider/${local.oidc_host}"
  # arn:…:states:<region>:<account>:stateMachine:<name> → the ARNs of its executions.
  release_executions = "${replace(var.release_state_machine_arn, ":stateMachine:", ":execution:")}:*"
}

resource "aws_iam_openid_connect_provider" "github" {
  count = var.create_oidc_provider ? 1 : 0

  url            = "https://${local.oidc_host}"
  client_id_list = ["sts.amazonaws.com"]
  tags           = var.tags
}

data "aws_iam_policy_document" "assume" {
  statement {
    actions = ["sts:AssumeRoleWithWebIdentity"]

    principals {
      type        = "Federated"
      identifiers = [local.provider_arn]
    }

    condition {
      test     = "StringEquals"
      variable = "${local.oidc_host}:aud"
      values   = ["sts.amazonaws.com"]
    }

    condition {
      test     = "StringEquals"
      variable = "${local.oidc_host}:sub"
      values   = ["repo:${var.github_repository}:environment:${var.github_environment}"]
    }
  }
}

resource "aws_iam_role" "deploy" {
  name                 = "${var.name}-github-deploy"
  description          = "Assumed by GitHub Actions jobs of ${var.github_repository} in its ${var.github_environment} environment to push images and deploy"
  assume_role_policy   = data.aws_iam_policy_document.assume.json
  max_session_duration = 3600
  tags                 = var.tags
}

data "aws_iam_policy_document" "deploy" {
  statement {
    sid       = "EcrLogin"
    actions   = ["ecr:GetAuthorizationToken"]
    resources = ["*"] # no resource-level permissions for this action
  }

  statement {
    sid = "PushImages"
    actions = [
      "ecr:BatchCheckLayerAvailability",
      "ecr:BatchGetImage",
      "ecr:CompleteLayerUpload",
      "ecr:DescribeImages",
      "ecr:GetDownloadUrlForLayer",
      "ecr:InitiateLayerUpload",
      "ecr:PutImage",
      "ecr:UploadLayerPart",
    ]
    resources = var.repository_arns
  }

  statement {
    sid       = "ReadDeployConfig"
    actions   = ["ssm:GetParameter"]
    resources = [var.deploy_parameter_arn]
  }

  statement {
    sid       = "StartRelease"
    actions   = ["states:StartExecution"]
    resources = [var.release_state_machine_arn]
  }

  statement {
    sid       = "WatchRelease"
    actions   = ["states:DescribeExecution"]
    resources = [local.release_executions]
  }

  statement {
    sid       = "ReadReleaseLog"
    actions   = ["logs:FilterLogEvents"]
    resources = [var.release_log_group_arn, "${var.release_log_group_arn}:*"]
  }
}

resource "aws_iam_role_policy" "deploy" {
  name   = "push-and-deploy"
  role   = aws_iam_role.deploy.id
  policy = data.aws_iam_policy_document.deploy.json
}
