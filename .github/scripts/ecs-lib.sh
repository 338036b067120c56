# Used by rotate-secret.sh (sourced): the deploy configuration Terraform keeps in the SSM parameter
# /<DEPLOY_NAME>/deploy, and the ECS steps a rotation takes (run by an administrator: the CD role
# can do none of them; deploys are packages/release's, inside AWS).
# Needs DEPLOY_NAME; the AWS CLI and jq.

config=$(aws ssm get-parameter --name "/${DEPLOY_NAME}/deploy" --query Parameter.Value --output text)
cluster=$(jq -r '.cluster' <<<"$config")

family_of() { jq -r --arg k "$1" '.families[$k]' <<<"$config"; }
service_of() { jq -r --arg s "$1" '.services[$s]' <<<"$config"; }

# Runs a one-shot task (migrate) of the given revision in its network; prints its lines and
# returns its container's exit code.
run_one_shot() {
  local kind=$1 definition=$2 network task exit_code
  network=$(jq -c --arg k "$kind" '{awsvpcConfiguration: {subnets: .tasks[$k].subnets, securityGroups: .tasks[$k].securityGroups, assignPublicIp: "DISABLED"}}' <<<"$config")
  task=$(aws ecs run-task --cluster "$cluster" --task-definition "$definition" --launch-type FARGATE \
    --network-configuration "$network" --started-by "${STARTED_BY:-cd}" --query "tasks[0].taskArn" --output text)
  echo "${kind} task: ${task}"
  aws ecs wait tasks-stopped --cluster "$cluster" --tasks "$task"
  exit_code=$(aws ecs describe-tasks --cluster "$cluster" --tasks "$task" --query 'tasks[0].containers[0].exitCode' --output text)
  aws logs get-log-events --log-group-name "/ecs/${DEPLOY_NAME}/${kind}" \
    --log-stream-name "${kind}/${kind}/${task##*/}" --query 'events[].message' --output text 2>/dev/null || true
  [[ "$exit_code" == "0" ]] || {
    echo "::error::the ${kind} task exited with ${exit_code} ($(aws ecs describe-tasks --cluster "$cluster" --tasks "$task" --query 'tasks[0].stoppedReason' --output text))"
    return 1
  }
}

# Waits until the services are stable; fails unless each runs the expected revision to completion
# (the circuit breaker rolling a deployment back is also "stable").
# Usage: wait_for_revisions database=<arn> sportmonks=<arn> …
wait_for_revisions() {
  local pair service expected names=() running failed=0
  for pair in "$@"; do names+=("$(service_of "${pair%%=*}")"); done
  aws ecs wait services-stable --cluster "$cluster" --services "${names[@]}" || failed=1
  for pair in "$@"; do
    service=${pair%%=*}
    expected=${pair#*=}
    running=$(aws ecs describe-services --cluster "$cluster" --services "$(service_of "$service")" \
      --query "services[0].deployments[?status=='PRIMARY'] | [0].[taskDefinition, rolloutState]" --output text)
    echo "${service}: ${running}"
    if [[ "$running" != "${expected}"$'\t'"COMPLETED" ]]; then
      echo "::error::${service} did not complete the deployment of ${expected}"
      failed=1
    fi
  done
  return "$failed"
}

# Starts new tasks of the services on their current revisions (they read their secrets again).
restart_services() {
  local service pairs=()
  for service in "$@"; do
    aws ecs update-service --cluster "$cluster" --service "$(service_of "$service")" --force-new-deployment \
      --query 'service.serviceName' --output text
    pairs+=("${service}=$(aws ecs describe-services --cluster "$cluster" --services "$(service_of "$service")" --query 'services[0].taskDefinition' --output text)")
  done
  wait_for_revisions "${pairs[@]}"
}
