output "schedule_names" {
  description = "Name of each schedule."
  value       = { for k, s in aws_scheduler_schedule.sync : k => s.name }
}

output "role_arn" {
  description = "Role the schedules use to run the sync trigger."
  value       = aws_iam_role.scheduler.arn
}
