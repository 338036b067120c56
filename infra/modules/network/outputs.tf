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
  description = "Security group of each role: vpc_link, alb, rds, cache, migrate, sync_trigger and one per service."
  value = merge(
    { for k, sg in aws_security_group.service : k => sg.id },
    {
      vpc_link     = aws_security_group.vpc_link.id
      alb          = aws_security_group.alb.id
      rds          = aws_security_group.rds.id
      cache        = aws_security_group.cache.id
      migrate      = aws_security_group.migrate.id
      sync_trigger = aws_security_group.sync_trigger.id
    },
  )
}
