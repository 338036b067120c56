output "api_url" {
  description = "Base URL of the sync API, e.g. https://<id>.execute-api.<region>.amazonaws.com."
  value       = aws_apigatewayv2_stage.default.invoke_url
}

output "token_url" {
  description = "OAuth2 token endpoint (client-credentials grant) that issues the X-Api-Token JWT."
  value       = "https://${aws_cognito_user_pool_domain.operators.domain}.auth.${var.region}.amazoncognito.com/oauth2/token"
}

output "operator_client_id" {
  description = "Cognito app client id for operators (its secret: aws cognito-idp describe-user-pool-client)."
  value       = aws_cognito_user_pool_client.operator.id
}

output "api_id" {
  description = "ID of the HTTP API."
  value       = aws_apigatewayv2_api.this.id
}
