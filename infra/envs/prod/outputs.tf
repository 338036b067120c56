# Everything the stack outputs, as one map: `terraform output -json stack | jq -r .api_url`.
output "stack" {
  description = "The stack's outputs (api_url, deploy_role_arn, analyst_door_parameter, …): see infra/README.md, Outputs."
  value       = module.stack
}
