output "repository_urls" {
  description = "Repository URL of each image, keyed by image name."
  value       = { for k, r in aws_ecr_repository.this : k => r.repository_url }
}

output "repository_arns" {
  description = "Repository ARN of each image, keyed by image name."
  value       = { for k, r in aws_ecr_repository.this : k => r.arn }
}
