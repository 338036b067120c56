output "vpc_id" {
  description = "ID of the VPC."
  value       = module.vpc.vpc_id
}

output "private_subnet_ids" {
  description = "Private subnets (tasks, ALB, RDS, VPC link)."
  value       = module.vpc.private_subnets
}

output "public_subnet_ids" {
  description = "Public subnets (NAT gateways only)."
  value       = module.vpc.public_subnets
}

output "security_group_ids" {
  description = "Security group of each role: one per service, vpc-link, alb, rds, cache, migrate, sync-trigger, smoke, retention, analyst-door."
  value       = { for k, sg in aws_security_group.this : k => sg.id }
}
