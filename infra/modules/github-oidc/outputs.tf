output "deploy_role_arn" {
  description = "Role the CD workflow assumes (GitHub variable AWS_DEPLOY_ROLE_ARN)."
  value       = aws_iam_role.deploy.arn
}
