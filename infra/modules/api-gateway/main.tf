# The only public entry point: an HTTP API that exposes the orchestrator's /sync routes and
# GET /freshness and nothing else, through a VPC link to the orchestrator's listener on the
# internal ALB.
#
# Two independent checks guard every route. API Gateway verifies a JWT from the Cognito user pool
# below (client-credentials grant, scope insightxi/sync), taken from the `X-Api-Token` header; the
# orchestrator verifies the operator token in `Authorization: Bearer …` as it does locally.
# (API Gateway cannot rewrite the Authorization header, so the JWT travels in its own header.)

locals {
  sync_scope = "insightxi/sync"

  # Exactly the orchestrator's operator routes (packages/contracts/src/orchestrator.ts): its /sync
  # routes, and /freshness so that operators and alarms can read per-league freshness from outside.
  routes = toset([
    "GET /freshness",
    "POST /sync/{target}",
    "GET /sync/runs",
    "GET /sync/runs/{runId}",
    "POST /sync/runs/{runId}/cancel",
    "POST /sync/runs/{runId}/resume",
  ])
}

resource "aws_cognito_user_pool" "operators" {
  name                = "${var.name}-operators"
  deletion_protection = var.deletion_protection ? "ACTIVE" : "INACTIVE"
  mfa_configuration   = "OFF"

  admin_create_user_config {
    allow_admin_create_user_only = true
  }

  tags = var.tags
}

resource "aws_cognito_user_pool_domain" "operators" {
  domain       = "${var.name}-operators"
  user_pool_id = aws_cognito_user_pool.operators.id
}

resource "aws_cognito_resource_server" "insightxi" {
  identifier   = "insightxi"
  name         = "InsightXI API"
  user_pool_id = aws_cognito_user_pool.operators.id

  scope {
    scope_name        = "sync"
    scope_description = "Start, follow, cancel and resume syncs; read freshness"
  }
}

resource "aws_cognito_user_pool_client" "operator" {
  name                                 = "${var.name}-operator"
  user_pool_id                         = aws_cognito_user_pool.operators.id
  generate_secret                      = true
  allowed_oauth_flows                  = ["client_credentials"]
  allowed_oauth_flows_user_pool_client = true
  allowed_oauth_scopes                 = [local.sync_scope]
  supported_identity_providers         = ["COGNITO"]
  access_token_validity                = var.access_token_validity_minutes
  prevent_user_existence_errors        = "ENABLED"

  token_validity_units {
    access_token = "minutes"
  }

  depends_on = [aws_cognito_resource_server.insightxi]
}

resource "aws_apigatewayv2_vpc_link" "this" {
  name               = var.name
  subnet_ids         = var.subnet_ids
  security_group_ids = [var.vpc_link_security_group_id]
  tags               = var.tags
}

resource "aws_apigatewayv2_api" "this" {
  name          = var.name
  protocol_type = "HTTP"
  description   = "InsightXI sync API (orchestrator /sync routes and GET /freshness only)"

  # The default execute-api endpoint is the API's URL; with no CORS block browsers are refused.
  dynamic "cors_configuration" {
    for_each = length(var.cors_allowed_origins) > 0 ? [1] : []

    content {
      allow_origins = var.cors_allowed_origins
      allow_methods = ["GET", "POST"]
      allow_headers = ["authorization", "content-type", "x-api-token", "x-request-id"]
      max_age       = 300
    }
  }

  tags = var.tags
}

resource "aws_apigatewayv2_authorizer" "jwt" {
  api_id           = aws_apigatewayv2_api.this.id
  name             = "cognito-operators"
  authorizer_type  = "JWT"
  identity_sources = ["$request.header.X-Api-Token"]

  jwt_configuration {
    issuer   = "https://cognito-idp.${var.region}.amazonaws.com/${aws_cognito_user_pool.operators.id}"
    audience = [aws_cognito_user_pool_client.operator.id]
  }
}

resource "aws_apigatewayv2_integration" "orchestrator" {
  api_id                 = aws_apigatewayv2_api.this.id
  integration_type       = "HTTP_PROXY"
  integration_method     = "ANY"
  integration_uri        = var.orchestrator_listener_arn
  connection_type        = "VPC_LINK"
  connection_id          = aws_apigatewayv2_vpc_link.this.id
  payload_format_version = "1.0"
  timeout_milliseconds   = 30000
}

resource "aws_apigatewayv2_route" "sync" {
  for_each = local.routes

  api_id               = aws_apigatewayv2_api.this.id
  route_key            = each.value
  target               = "integrations/${aws_apigatewayv2_integration.orchestrator.id}"
  authorization_type   = "JWT"
  authorizer_id        = aws_apigatewayv2_authorizer.jwt.id
  authorization_scopes = [local.sync_scope]
}

resource "aws_cloudwatch_log_group" "access" {
  name              = "/apigateway/${var.name}"
  retention_in_days = var.log_retention_days
  tags              = var.tags
}

resource "aws_apigatewayv2_stage" "default" {
  api_id      = aws_apigatewayv2_api.this.id
  name        = "$default"
  auto_deploy = true

  default_route_settings {
    throttling_rate_limit  = var.throttling_rate_limit
    throttling_burst_limit = var.throttling_burst_limit
  }

  access_log_settings {
    destination_arn = aws_cloudwatch_log_group.access.arn
    format = jsonencode({
      requestId      = "$context.requestId"
      ip             = "$context.identity.sourceIp"
      routeKey       = "$context.routeKey"
      status         = "$context.status"
      latency        = "$context.responseLatency"
      integration    = "$context.integrationStatus"
      authorizerErr  = "$context.authorizer.error"
      principalId    = "$context.authorizer.principalId"
      requestTimeUtc = "$context.requestTime"
    })
  }

  tags = var.tags
}
