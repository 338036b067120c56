output "instance_id" {
  description = "Instance analysts start port-forwarding sessions on."
  value       = aws_instance.door.id
}

output "analysts_group_name" {
  description = "IAM group to add analysts to."
  value       = aws_iam_group.analysts.name
}

output "parameter_name" {
  description = "SSM parameter with the door's coordinates (read by the commands in docs/analysts.md)."
  value       = aws_ssm_parameter.door.name
}
