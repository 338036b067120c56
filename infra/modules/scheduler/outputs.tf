output "schedule_names" {
  description = "Name of each schedule."
  value       = { for k, s in aws_scheduler_schedule.task : k => s.name }
}

output "role_arn" {
  description = "Role the schedules use to run their tasks."
  value       = aws_iam_role.scheduler.arn
}
