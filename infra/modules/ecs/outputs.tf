output "cluster_name" {
  description = "Name of the ECS cluster."
  value       = aws_ecs_cluster.this.name
}

output "cluster_arn" {
  description = "ARN of the ECS cluster."
  value       = aws_ecs_cluster.this.arn
}

output "service_names" {
  description = "ECS service name of each service."
  value       = { for k, s in aws_ecs_service.service : k => s.name }
}

output "service_arns" {
  description = "ECS service ARN of each service (for the deploy role)."
  value       = { for k, s in aws_ecs_service.service : k => s.id }
}

output "task_families" {
  description = "Task definition family of each task kind."
  value       = { for k, t in aws_ecs_task_definition.task : k => t.family }
}

output "task_definition_arns" {
  description = "Current task definition ARN of each task kind."
  value       = { for k, t in aws_ecs_task_definition.task : k => t.arn }
}

output "execution_role_arns" {
  description = "Execution role ARN of each task kind (the release task and the scheduler pass them to ECS)."
  value       = { for k, r in aws_iam_role.execution : k => r.arn }
}

output "deploy_parameter_name" {
  description = "SSM parameter holding the deploy configuration read by the CD workflow."
  value       = aws_ssm_parameter.deploy.name
}

output "deploy_parameter_arn" {
  description = "ARN of the deploy configuration parameter."
  value       = aws_ssm_parameter.deploy.arn
}

output "metrics_log_group_name" {
  description = "Log group the collectors write EMF to."
  value       = aws_cloudwatch_log_group.metrics.name
}

output "task_role_arns" {
  description = "Task role ARN of each task kind that has one (the collectors')."
  value       = { for k, r in aws_iam_role.task : k => r.arn }
}

output "log_group_arns" {
  description = "Log group ARN of each task kind."
  value       = { for k, g in aws_cloudwatch_log_group.task : k => g.arn }
}

output "release_state_machine_arn" {
  description = "The state machine CD starts with a commit SHA to release it."
  value       = aws_sfn_state_machine.release.arn
}
