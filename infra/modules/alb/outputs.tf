output "dns_name" {
  description = "Private DNS name of the ALB."
  value       = aws_lb.this.dns_name
}

output "service_urls" {
  description = "Base URL of each service through the ALB, e.g. http://<alb>:8001."
  value       = { for k, port in var.service_ports : k => "http://${aws_lb.this.dns_name}:${port}" }
}

output "listener_arns" {
  description = "Listener ARN of each service."
  value       = { for k, l in aws_lb_listener.service : k => l.arn }
}

output "target_group_arns" {
  description = "Target group ARN of each service."
  value       = { for k, tg in aws_lb_target_group.service : k => tg.arn }

  # ECS refuses a target group that no listener uses yet: services wait for the listeners.
  depends_on = [aws_lb_listener.service]
}

output "arn_suffix" {
  description = "ARN suffix of the ALB (the LoadBalancer dimension of its CloudWatch metrics)."
  value       = aws_lb.this.arn_suffix
}

output "target_group_arn_suffixes" {
  description = "ARN suffix of each service's target group (the TargetGroup dimension)."
  value       = { for k, tg in aws_lb_target_group.service : k => tg.arn_suffix }
}
