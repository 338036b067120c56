output "api_url" {
  description = "Base URL of the sync API (POST $api_url/sync/fixtures)."
  value       = module.api_gateway.api_url
}

output "api_token_url" {
  description = "OAuth2 token endpoint that issues the X-Api-Token JWT (client-credentials grant)."
  value       = module.api_gateway.token_url
}

output "api_operator_client_id" {
  description = "Cognito app client id for operators."
  value       = module.api_gateway.operator_client_id
}

output "ecr_repository_urls" {
  description = "ECR repository URL of each image."
  value       = module.ecr.repository_urls
}

output "rds_endpoint" {
  description = "Private host name of the RDS MySQL instance."
  value       = module.rds.endpoint
}

output "rds_master_secret_arn" {
  description = "RDS-managed secret with the master user name and password."
  value       = module.rds.master_user_secret_arn
}

output "alb_service_urls" {
  description = "Internal URL of each service through the ALB (reachable from inside the VPC only)."
  value       = module.alb.service_urls
}

output "ecs_cluster_name" {
  description = "Name of the ECS cluster."
  value       = module.ecs.cluster_name
}

output "deploy_role_arn" {
  description = "Role for the CD workflow: set it as the GitHub repository variable AWS_DEPLOY_ROLE_ARN."
  value       = module.github_oidc.deploy_role_arn
}

output "deploy_parameter_name" {
  description = "SSM parameter the CD workflow reads (/<name>/deploy)."
  value       = module.ecs.deploy_parameter_name
}

output "analyst_door_parameter" {
  description = "SSM parameter with the analysts' door: instance id, MySQL and dashboards hosts (docs/analysts.md)."
  value       = module.analyst_door.parameter_name
}

output "analysts_group" {
  description = "IAM group to add analysts to: Session Manager port forwarding through the door, nothing else."
  value       = module.analyst_door.analysts_group_name
}

output "alarm_topic_arn" {
  description = "SNS topic every alarm notifies."
  value       = module.monitoring.alarm_topic_arn
}

output "dashboard_name" {
  description = "CloudWatch dashboard of the environment."
  value       = module.monitoring.dashboard_name
}

output "sportmonks_api_token_secret" {
  description = "Name of the secret to put the SportMonks API token into."
  value       = module.secrets.sportmonks_api_token_name
}

output "operator_token_secret_arn" {
  description = "ARN of the operator token secret (read it to call the API)."
  value       = module.secrets.secret_arns["operator-token"]
}
