# The analysts' private door: a small instance in a private subnet with no inbound rule, no SSH key
# and no public address, reached only through AWS Systems Manager Session Manager. Analysts in the
# IAM group below may open port-forwarding sessions through it (the AWS-StartPortForwardingSessionToRemoteHost
# document) to MySQL and to the dashboards' ALB listener, read the analyst password and the door's
# coordinates, and nothing else: no shell, no other instance (docs/analysts.md has the commands).

data "aws_partition" "current" {}
data "aws_region" "current" {}
data "aws_caller_identity" "current" {}

# Amazon Linux 2023 comes with the SSM agent; its latest AMI id is published here.
data "aws_ssm_parameter" "ami" {
  name = "/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-arm64"
}

locals {
  arn_prefix       = "arn:${data.aws_partition.current.partition}"
  forward_document = "${local.arn_prefix}:ssm:${data.aws_region.current.region}::document/AWS-StartPortForwardingSessionToRemoteHost"
}

data "aws_iam_policy_document" "ec2_assume" {
  statement {
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["ec2.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "door" {
  name               = "${var.name}-analyst-door"
  description        = "The analysts' Session Manager instance: registers with Systems Manager, nothing else"
  assume_role_policy = data.aws_iam_policy_document.ec2_assume.json
  tags               = var.tags
}

# What the SSM agent needs to register and carry sessions (AWS-managed, kept current by AWS).
resource "aws_iam_role_policy_attachment" "ssm_core" {
  role       = aws_iam_role.door.name
  policy_arn = "${local.arn_prefix}:iam::aws:policy/AmazonSSMManagedInstanceCore"
}

resource "aws_iam_instance_profile" "door" {
  name = "${var.name}-analyst-door"
  role = aws_iam_role.door.name
  tags = var.tags
}

resource "aws_instance" "door" {
  ami                         = data.aws_ssm_parameter.ami.insecure_value
  instance_type               = var.instance_type
  subnet_id                   = var.subnet_id
  vpc_security_group_ids      = [var.security_group_id]
  iam_instance_profile        = aws_iam_instance_profile.door.name
  associate_public_ip_address = false

  metadata_options {
    http_tokens   = "required"
    http_endpoint = "enabled"
  }

  root_block_device {
    encrypted   = true
    volume_type = "gp3"
    volume_size = 8
  }

  # A new AMI is picked up when the instance is replaced on purpose (taint), not on every plan.
  lifecycle {
    ignore_changes = [ami]
  }

  tags = merge(var.tags, { Name = "${var.name}-analyst-door" })
}

# Where the door is and what lies behind it, for the commands in docs/analysts.md.
resource "aws_ssm_parameter" "door" {
  name        = "/${var.name}/analyst-door"
  description = "The analysts' door: instance id, MySQL host, dashboards host and port, analyst secret"
  type        = "String"
  value = jsonencode({
    instance        = aws_instance.door.id
    mysqlHost       = var.mysql_host
    dashboardsHost  = var.dashboards_host
    dashboardsPort  = var.dashboards_port
    analystSecretId = var.analyst_secret_arn
  })
  tags = var.tags
}

resource "aws_iam_group" "analysts" {
  name = "${var.name}-analysts"
}

data "aws_iam_policy_document" "analysts" {
  statement {
    sid     = "ForwardPortsThroughTheDoor"
    actions = ["ssm:StartSession"]
    resources = [
      "${local.arn_prefix}:ec2:${data.aws_region.current.region}:${data.aws_caller_identity.current.account_id}:instance/${aws_instance.door.id}",
      local.forward_document,
    ]

    # Only the port-forwarding document: no shell on the instance.
    condition {
      test     = "BoolIfExists"
      variable = "ssm:SessionDocumentAccessCheck"
      values   = ["true"]
    }
  }

  statement {
    sid       = "EndOwnSessions"
    actions   = ["ssm:ResumeSession", "ssm:TerminateSession"]
    resources = ["${local.arn_prefix}:ssm:*:*:session/$${aws:username}-*"]
  }

  statement {
    sid       = "FindTheDoor"
    actions   = ["ssm:GetParameter"]
    resources = [aws_ssm_parameter.door.arn]
  }

  statement {
    sid       = "ReadAnalystPassword"
    actions   = ["secretsmanager:GetSecretValue"]
    resources = [var.analyst_secret_arn]
  }
}

resource "aws_iam_group_policy" "analysts" {
  name   = "port-forward-through-the-door"
  group  = aws_iam_group.analysts.name
  policy = data.aws_iam_policy_document.analysts.json
}
