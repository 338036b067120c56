output "secret_arns" {
  description = "ARN of each secret the tasks read, by name (internal-token, internal-token-previous, operator-token, operator-token-previous, database-writer-password, database-analyst-password, sportmonks-api-token)."
  value = merge(
    { for name, secret in aws_secretsmanager_secret.generated : name => secret.arn },
    { sportmonks-api-token = aws_secretsmanager_secret.sportmonks_api_token.arn },
  )
}

output "sportmonks_api_token_name" {
  description = "Name of the SportMonks API token secret, for `aws secretsmanager put-secret-value`."
  value       = aws_secretsmanager_secret.sportmonks_api_token.name
}
