output "internal_token_arn" {
  description = "ARN of the internal service-to-service token."
  value       = aws_secretsmanager_secret.generated["internal-token"].arn
}

output "operator_token_arn" {
  description = "ARN of the operator token of the orchestrator's /sync routes."
  value       = aws_secretsmanager_secret.generated["operator-token"].arn
}

output "sportmonks_api_token_arn" {
  description = "ARN of the SportMonks API token (value put by an operator)."
  value       = aws_secretsmanager_secret.sportmonks_api_token.arn
}

output "sportmonks_api_token_name" {
  description = "Name of the SportMonks API token secret, for `aws secretsmanager put-secret-value`."
  value       = aws_secretsmanager_secret.sportmonks_api_token.name
}

output "database_writer_password_arn" {
  description = "ARN of the password of the writer's own MySQL account (rows only, no DROP)."
  value       = aws_secretsmanager_secret.generated["database-writer-password"].arn
}
