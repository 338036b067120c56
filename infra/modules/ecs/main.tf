# The cluster, one task definition per task kind (four long-running services; the one-shot
# migration, smoke test and retention job; the scheduled sync trigger; the release task CD starts
# through a state machine) and the services. Secrets
# are injected by ECS from Secrets Manager at start-up through each task's own execution role,
# which may read only that task's secrets, pull only its image and write only its log group.
# The API services carry an ADOT collector sidecar that scrapes their /metrics (Prometheus) and
# ships them to CloudWatch as EMF; its task role may write only the metrics log group. The release
# task's role deploys (release.tf). Other tasks call no AWS API and get no task role.

locals {
  runtime_dir = "/opt/insightxi"

  secret = {
    internal_token          = { arn = var.secret_arns["internal-token"], key = "" }
    internal_token_previous = { arn = var.secret_arns["internal-token-previous"], key = "" }
    operator_token          = { arn = var.secret_arns["operator-token"], key = "" }
    operator_token_previous = { arn = var.secret_arns["operator-token-previous"], key = "" }
    sportmonks_token        = { arn = var.secret_arns["sportmonks-api-token"], key = "" }
    writer_password         = { arn = var.secret_arns["database-writer-password"], key = "" }
    analyst_password        = { arn = var.secret_arns["database-analyst-password"], key = "" }
    database_user           = { arn = var.database_secret_arn, key = "username" }
    database_password       = { arn = var.database_secret_arn, key = "password" }
  }

  # Every service accepts the current and the other (previous or next) token, so that each secret
  # rotates on its own without a 401 between tasks started before and after (docs/operations.md).
  internal_tokens = {
    INTERNAL_TOKEN          = local.secret.internal_token
    INTERNAL_TOKEN_PREVIOUS = local.secret.internal_token_previous
  }

  # The MySQL accounts besides the RDS master: the writer's (rows only) and the analysts' (SELECT).
  # The migration task, as the master, migrates and then creates or resets both, so they exist with
  # their current passwords before a deploy starts the writer.
  writer_user  = "insightxi_writer"
  analyst_user = "analyst"

  # Every MySQL connection is TLS, verified against the RDS CA bundle the images ship
  # (docker/database-url.mjs adds sslca= to the URL it builds from these parts).
  database_environment = {
    DATABASE_HOST   = var.database_host
    DATABASE_PORT   = tostring(var.database_port)
    DATABASE_NAME   = var.database_name
    DATABASE_SSL_CA = "${local.runtime_dir}/rds-ca-bundle.pem"
  }

  # Every task kind: its image, the environment it needs, the secrets it may read, and whether a
  # collector scrapes its /metrics.
  tasks = {
    orchestrator = {
      image   = "orchestrator"
      command = null
      metrics = true
      environment = {
        PORT                   = tostring(var.service_ports["orchestrator"])
        DATABASE_SERVICE_URL   = var.service_urls["database"]
        SPORTMONKS_SERVICE_URL = var.service_urls["sportmonks"]
      }
      # The failure webhook's URL carries its own token (Slack's does): a secret, and optional.
      secrets = merge(
        local.internal_tokens,
        {
          OPERATOR_TOKEN          = local.secret.operator_token
          OPERATOR_TOKEN_PREVIOUS = local.secret.operator_token_previous
        },
        var.notify_webhook_url_secret_arn == "" ? {} : { NOTIFY_WEBHOOK_URL = { arn = var.notify_webhook_url_secret_arn, key = "" } },
      )
    }
    sportmonks = {
      image   = "sportmonks"
      command = null
      metrics = true
      environment = {
        PORT                = tostring(var.service_ports["sportmonks"])
        SPORTMONKS_BASE_URL = var.sportmonks_base_url
        REDIS_URL           = var.redis_url
      }
      secrets = merge(local.internal_tokens, { SPORTMONKS_API_TOKEN = local.secret.sportmonks_token })
    }
    database = {
      image       = "database"
      command     = null
      metrics     = true
      environment = merge(local.database_environment, { PORT = tostring(var.service_ports["database"]), DATABASE_USER = local.writer_user })
      secrets     = merge(local.internal_tokens, { DATABASE_PASSWORD = local.secret.writer_password })
    }
    # The analysts' dashboards read through the analyst account; the image's preload builds
    # ANALYST_DATABASE_URL from the parts (docker/database-url.mjs, DATABASE_URL_VARIABLE).
    dashboards = {
      image   = "dashboards"
      command = null
      metrics = false
      environment = merge(local.database_environment, {
        PORT                  = tostring(var.service_ports["dashboards"])
        DATABASE_USER         = local.analyst_user
        DATABASE_URL_VARIABLE = "ANALYST_DATABASE_URL"
        NODE_OPTIONS          = "--import ${local.runtime_dir}/database-url.mjs"
      })
      secrets = { DATABASE_PASSWORD = local.secret.analyst_password }
    }
    migrate = {
      image       = "migrate"
      command     = ["sh", "-c", "node dist/insightxi-db.mjs migrate --dir prisma/migrations && node dist/service-user.mjs && node dist/analyst-user.mjs"]
      metrics     = false
      environment = merge(local.database_environment, { SERVICE_DB_USER = local.writer_user, ANALYST_USER = local.analyst_user })
      secrets = {
        DATABASE_USER       = local.secret.database_user
        DATABASE_PASSWORD   = local.secret.database_password
        SERVICE_DB_PASSWORD = local.secret.writer_password
        ANALYST_PASSWORD    = local.secret.analyst_password
      }
    }
    sync-trigger = {
      image   = "orchestrator"
      command = ["node", "${local.runtime_dir}/trigger-sync.mjs"]
      metrics = false
      environment = {
        ORCHESTRATOR_URL = var.service_urls["orchestrator"]
        SYNC_PATH        = "/sync/fixtures?mode=incremental"
      }
      secrets = { OPERATOR_TOKEN = local.secret.operator_token }
    }
    # Run by CD after every deploy: /health/ready of the three API services through their
    # listeners, then a tiny sync; a failure rolls the services back.
    smoke = {
      image   = "orchestrator"
      command = ["node", "${local.runtime_dir}/smoke.mjs"]
      metrics = false
      environment = {
        ORCHESTRATOR_URL       = var.service_urls["orchestrator"]
        SPORTMONKS_SERVICE_URL = var.service_urls["sportmonks"]
        DATABASE_SERVICE_URL   = var.service_urls["database"]
      }
      secrets = { OPERATOR_TOKEN = local.secret.operator_token }
    }
    # Ships a commit (packages/release): runs the migration, registers every other kind's revision
    # with the commit's images, updates the services, runs the smoke task, rolls back. Started only
    # by the release state machine (below) with GIT_SHA as its one input; its own revision is the
    # one Terraform registers here (var.image_tag), so CD cannot change what runs with its role.
    # RELEASE_CONFIG is added in app_containers (it is derived from this map).
    release = {
      image       = "release"
      command     = null
      metrics     = false
      environment = {}
      secrets     = {}
    }
    # Scheduled: prunes sync_run_pages and quarantine older than RETENTION_DAYS, as the writer.
    retention = {
      image       = "database"
      command     = ["node", "dist/retention.mjs"]
      metrics     = false
      environment = merge(local.database_environment, { DATABASE_USER = local.writer_user, RETENTION_DAYS = tostring(var.retention_days) })
      secrets     = { DATABASE_PASSWORD = local.secret.writer_password }
    }
  }

  one_shot = {
    release      = { cpu = 256, memory = 512 }
    migrate      = { cpu = 256, memory = 512 }
    sync-trigger = { cpu = 256, memory = 512 }
    smoke        = { cpu = 256, memory = 512 }
    retention    = { cpu = 256, memory = 512 }
  }

  metered = { for kind, task in local.tasks : kind => task if task.metrics }

  # What a release works on: every kind but the release itself, by the names Terraform gives them
  # (not resource attributes: the release task's own definition carries this document). The same
  # document, with the state machine's ARN, is the SSM parameter CD and the rotation script read.
  released_kinds = [for kind, _ in local.tasks : kind if kind != "release"]
  release_config = {
    cluster  = var.name
    services = { for kind, _ in var.services : kind => "${var.name}-${kind}" }
    families = { for kind in local.released_kinds : kind => "${var.name}-${kind}" }
    images   = { for kind in local.released_kinds : kind => var.repository_urls[local.tasks[kind].image] }
    tasks = {
      for kind in ["migrate", "smoke"] : kind => {
        subnets        = var.private_subnet_ids
        securityGroups = [var.security_group_ids[kind]]
      }
    }
  }
  derived_environment = { release = { RELEASE_CONFIG = jsonencode(local.release_config) } }

  # The collector's configuration: scrape the service's own /metrics every minute and write EMF
  # to the metrics log group; metric_declarations choose the dimensions the alarms read.
  collector_config = {
    for kind, _ in local.metered : kind => yamlencode({
      receivers = {
        prometheus = {
          config = {
            global = { scrape_interval = "60s", scrape_timeout = "10s" }
            scrape_configs = [{
              job_name       = kind
              metrics_path   = "/metrics"
              static_configs = [{ targets = ["localhost:${var.service_ports[kind]}"] }]
            }]
          }
        }
      }
      processors = { batch = { timeout = "60s" } }
      exporters = {
        awsemf = {
          region                  = var.region
          namespace               = var.metrics_namespace
          log_group_name          = aws_cloudwatch_log_group.metrics.name
          log_stream_name         = kind
          dimension_rollup_option = "NoDimensionRollup"
          metric_declarations     = var.metric_declarations
        }
      }
      service = { pipelines = { metrics = { receivers = ["prometheus"], processors = ["batch"], exporters = ["awsemf"] } } }
    })
  }

  log_configuration = {
    for kind, _ in local.tasks : kind => {
      logDriver = "awslogs"
      options = {
        awslogs-group         = aws_cloudwatch_log_group.task[kind].name
        awslogs-region        = var.region
        awslogs-stream-prefix = kind
      }
    }
  }

  # null attributes are dropped so that each container definition holds only what applies to it.
  app_containers = {
    for kind, task in local.tasks : kind => {
      for attribute, value in {
        name      = kind
        image     = "${var.repository_urls[task.image]}:${var.image_tag}"
        essential = true
        command   = task.command
        # Matches the images' STOPSIGNAL: services drain in-flight requests, then exit.
        stopTimeout = 60
        environment = [
          for k, v in merge(
            {
              NODE_ENV   = "production"
              LOG_LEVEL  = var.log_level
              HOST       = "0.0.0.0"
              AWS_REGION = var.region
            },
            task.environment,
            lookup(local.derived_environment, kind, {}),
          ) : { name = k, value = v }
        ]
        secrets = [
          for k, secret in task.secrets : {
            name      = k
            valueFrom = secret.key == "" ? secret.arn : "${secret.arn}:${secret.key}::"
          }
        ]
        portMappings = contains(keys(var.service_ports), kind) ? [
          { containerPort = var.service_ports[kind], protocol = "tcp" }
        ] : null
        healthCheck = contains(keys(var.service_ports), kind) ? {
          command     = ["CMD", "node", "${local.runtime_dir}/healthcheck.mjs"]
          interval    = 15
          timeout     = 5
          retries     = 3
          startPeriod = 30
        } : null
        logConfiguration = local.log_configuration[kind]
      } : attribute => value if value != null
    }
  }

  # Not essential: a collector that stops leaves the service serving (its alarms then see no data).
  collector_containers = {
    for kind, _ in local.metered : kind => {
      name             = "collector"
      image            = var.collector_image
      essential        = false
      environment      = [{ name = "AOT_CONFIG_CONTENT", value = local.collector_config[kind] }]
      logConfiguration = local.log_configuration[kind]
    }
  }

  container_definitions = {
    for kind, container in local.app_containers : kind => concat([container], contains(keys(local.metered), kind) ? [local.collector_containers[kind]] : [])
  }

  sizes = merge(
    { for k, s in var.services : k => { cpu = s.cpu, memory = s.memory } },
    local.one_shot,
  )
}

resource "aws_ecs_cluster" "this" {
  name = var.name

  setting {
    name  = "containerInsights"
    value = "enabled"
  }

  tags = var.tags
}

resource "aws_ecs_cluster_capacity_providers" "this" {
  cluster_name       = aws_ecs_cluster.this.name
  capacity_providers = ["FARGATE"]

  default_capacity_provider_strategy {
    capacity_provider = "FARGATE"
    weight            = 1
  }
}

resource "aws_cloudwatch_log_group" "task" {
  for_each = local.tasks

  name              = "/ecs/${var.name}/${each.key}"
  retention_in_days = var.log_retention_days
  tags              = merge(var.tags, { Service = each.key })
}

# The collectors' EMF lines: CloudWatch turns them into the metrics of var.metrics_namespace.
resource "aws_cloudwatch_log_group" "metrics" {
  name              = "/ecs/${var.name}/metrics"
  retention_in_days = var.log_retention_days
  tags              = var.tags
}

# ---------------------------------------------------------------- execution roles (one per task kind)

data "aws_iam_policy_document" "ecs_tasks_assume" {
  statement {
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["ecs-tasks.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "execution" {
  for_each = local.tasks

  name               = "${var.name}-${each.key}-execution"
  description        = "Starts ${each.key} tasks: pulls its image, reads its secrets, writes its logs"
  assume_role_policy = data.aws_iam_policy_document.ecs_tasks_assume.json
  tags               = var.tags
}

data "aws_iam_policy_document" "execution" {
  for_each = local.tasks

  statement {
    sid       = "EcrAuth"
    actions   = ["ecr:GetAuthorizationToken"]
    resources = ["*"] # GetAuthorizationToken has no resource-level permissions.
  }

  statement {
    sid       = "PullOwnImage"
    actions   = ["ecr:BatchCheckLayerAvailability", "ecr:GetDownloadUrlForLayer", "ecr:BatchGetImage"]
    resources = [var.repository_arns[each.value.image]]
  }

  statement {
    sid       = "WriteOwnLogs"
    actions   = ["logs:CreateLogStream", "logs:PutLogEvents"]
    resources = ["${aws_cloudwatch_log_group.task[each.key].arn}:*"]
  }

  # The release task reads no secret: no statement rather than one without resources.
  dynamic "statement" {
    for_each = length(each.value.secrets) > 0 ? [distinct([for s in values(each.value.secrets) : s.arn])] : []

    content {
      sid       = "ReadOwnSecrets"
      actions   = ["secretsmanager:GetSecretValue"]
      resources = statement.value
    }
  }
}

resource "aws_iam_role_policy" "execution" {
  for_each = local.tasks

  name   = "start-${each.key}"
  role   = aws_iam_role.execution[each.key].id
  policy = data.aws_iam_policy_document.execution[each.key].json
}

# ---------------------------------------------------------------- task roles (the collectors only)

resource "aws_iam_role" "task" {
  for_each = local.metered

  name               = "${var.name}-${each.key}-task"
  description        = "The ${each.key} task's metrics collector: writes EMF to the metrics log group"
  assume_role_policy = data.aws_iam_policy_document.ecs_tasks_assume.json
  tags               = var.tags
}

data "aws_iam_policy_document" "collector" {
  statement {
    sid       = "WriteMetrics"
    actions   = ["logs:CreateLogStream", "logs:DescribeLogStreams", "logs:PutLogEvents"]
    resources = [aws_cloudwatch_log_group.metrics.arn, "${aws_cloudwatch_log_group.metrics.arn}:*"]
  }
}

resource "aws_iam_role_policy" "collector" {
  for_each = local.metered

  name   = "write-metrics"
  role   = aws_iam_role.task[each.key].id
  policy = data.aws_iam_policy_document.collector.json
}

# ---------------------------------------------------------------- task definitions

resource "aws_ecs_task_definition" "task" {
  for_each = local.tasks

  family                   = "${var.name}-${each.key}"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = local.sizes[each.key].cpu
  memory                   = local.sizes[each.key].memory
  execution_role_arn       = aws_iam_role.execution[each.key].arn
  task_role_arn            = each.key == "release" ? aws_iam_role.release.arn : contains(keys(local.metered), each.key) ? aws_iam_role.task[each.key].arn : null

  runtime_platform {
    operating_system_family = "LINUX"
    cpu_architecture        = "X86_64"
  }

  container_definitions = jsonencode(local.container_definitions[each.key])

  tags = merge(var.tags, { Service = each.key })
}

# ---------------------------------------------------------------- services

resource "aws_ecs_service" "service" {
  for_each = var.services

  name                              = "${var.name}-${each.key}"
  cluster                           = aws_ecs_cluster.this.id
  task_definition                   = aws_ecs_task_definition.task[each.key].arn
  desired_count                     = each.value.desired_count
  launch_type                       = "FARGATE"
  platform_version                  = "LATEST"
  health_check_grace_period_seconds = 60
  enable_execute_command            = false
  propagate_tags                    = "SERVICE"

  deployment_minimum_healthy_percent = 100
  deployment_maximum_percent         = 200

  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }

  network_configuration {
    subnets          = var.private_subnet_ids
    security_groups  = [var.security_group_ids[each.key]]
    assign_public_ip = false
  }

  load_balancer {
    target_group_arn = var.target_group_arns[each.key]
    container_name   = each.key
    container_port   = var.service_ports[each.key]
  }

  # CI/CD deploys new revisions (commit SHA images) and autoscaling moves the count: Terraform owns
  # the shape of the service, not which revision runs or how many tasks.
  lifecycle {
    ignore_changes = [task_definition, desired_count]
  }

  tags = merge(var.tags, { Service = each.key })
}

resource "aws_appautoscaling_target" "service" {
  for_each = { for k, s in var.services : k => s if s.autoscale }

  service_namespace  = "ecs"
  scalable_dimension = "ecs:service:DesiredCount"
  resource_id        = "service/${aws_ecs_cluster.this.name}/${aws_ecs_service.service[each.key].name}"
  min_capacity       = each.value.min_count
  max_capacity       = each.value.max_count
  tags               = var.tags
}

resource "aws_appautoscaling_policy" "cpu" {
  for_each = aws_appautoscaling_target.service

  name               = "${var.name}-${each.key}-cpu"
  policy_type        = "TargetTrackingScaling"
  service_namespace  = each.value.service_namespace
  scalable_dimension = each.value.scalable_dimension
  resource_id        = each.value.resource_id

  target_tracking_scaling_policy_configuration {
    target_value       = var.cpu_target_percent
    scale_in_cooldown  = 300
    scale_out_cooldown = 60

    predefined_metric_specification {
      predefined_metric_type = "ECSServiceAverageCPUUtilization"
    }
  }
}

# What CD reads: the release state machine it starts; and what the rotation script works on.
resource "aws_ssm_parameter" "deploy" {
  name        = "/${var.name}/deploy"
  description = "The release state machine CD starts; cluster, services, task families and the one-shot tasks' network"
  type        = "String"
  value       = jsonencode(merge(local.release_config, { release_state_machine = aws_sfn_state_machine.release.arn }))
  tags        = var.tags
}
