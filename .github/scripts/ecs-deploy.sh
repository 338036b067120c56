#!/usr/bin/env bash
# Deploys one commit to ECS (called by .github/workflows/cd.yml):
#   1. registers a revision of the migration task with the commit's image, runs it, fails on a
#      non-zero exit;
#   2. registers a revision of each service (and of the sync trigger) with the commit's images and
#      points the services at them;
#   3. waits until the services are stable and checks that the new revision is the one running
#      (the circuit breaker rolls a failed deployment back, which is also "stable").
# Needs: AWS_REGION, DEPLOY_NAME, GIT_SHA, REGISTRY; the AWS CLI and jq (both on GitHub's runners).
set -euo pipefail

: "${DEPLOY_NAME:?}" "${GIT_SHA:?}" "${REGISTRY:?}"

config=$(aws ssm get-parameter --name "/${DEPLOY_NAME}/deploy" --query Parameter.Value --output text)
cluster=$(jq -r '.cluster' <<<"$config")

image() { echo "${REGISTRY}/${DEPLOY_NAME}/$1:${GIT_SHA}"; }

# The latest revision of a family, with its container's image replaced; prints the new ARN.
register_revision() {
  local kind=$1 new_image=$2 family
  family=$(jq -r --arg k "$kind" '.families[$k]' <<<"$config")
  aws ecs describe-task-definition --task-definition "$family" --query taskDefinition --output json \
    | jq --arg image "$new_image" '
        del(.taskDefinitionArn, .revision, .status, .requiresAttributes, .compatibilities,
            .registeredAt, .registeredBy, .deregisteredAt)
        | .containerDefinitions[0].image = $image' >"task-definition-${kind}.json"
  aws ecs register-task-definition --cli-input-json "file://task-definition-${kind}.json" \
    --query taskDefinition.taskDefinitionArn --output text
}

echo "::group::Migrations"
migrate_definition=$(register_revision migrate "$(image migrate)")
network=$(jq -c '{awsvpcConfiguration: {subnets: .migrate.subnets, securityGroups: .migrate.securityGroups, assignPublicIp: "DISABLED"}}' <<<"$config")
task=$(aws ecs run-task --cluster "$cluster" --task-definition "$migrate_definition" --launch-type FARGATE \
  --network-configuration "$network" --started-by "cd-${GIT_SHA:0:12}" --query 'tasks[0].taskArn' --output text)
echo "migration task: $task"
aws ecs wait tasks-stopped --cluster "$cluster" --tasks "$task"
exit_code=$(aws ecs describe-tasks --cluster "$cluster" --tasks "$task" --query 'tasks[0].containers[0].exitCode' --output text)
if [[ "$exit_code" != "0" ]]; then
  reason=$(aws ecs describe-tasks --cluster "$cluster" --tasks "$task" --query 'tasks[0].stoppedReason' --output text)
  echo "::error::the migration task exited with ${exit_code} (${reason}); nothing was deployed"
  exit 1
fi
echo "::endgroup::"

echo "::group::Services"
declare -A deployed
for service in database sportmonks orchestrator; do
  definition=$(register_revision "$service" "$(image "$service")")
  deployed[$service]=$definition
  aws ecs update-service --cluster "$cluster" --service "$(jq -r --arg s "$service" '.services[$s]' <<<"$config")" \
    --task-definition "$definition" --query 'service.serviceName' --output text
done
# Scheduled syncs run the family's latest revision: keep it on the same commit.
register_revision sync-trigger "$(image orchestrator)" >/dev/null
echo "::endgroup::"

echo "::group::Waiting for stability"
mapfile -t service_names < <(jq -r '.services[]' <<<"$config")
aws ecs wait services-stable --cluster "$cluster" --services "${service_names[@]}"
failed=0
for service in database sportmonks orchestrator; do
  name=$(jq -r --arg s "$service" '.services[$s]' <<<"$config")
  running=$(aws ecs describe-services --cluster "$cluster" --services "$name" \
    --query "services[0].deployments[?status=='PRIMARY'] | [0].[taskDefinition, rolloutState]" --output text)
  echo "$service: $running"
  if [[ "$running" != "${deployed[$service]}"$'\t'"COMPLETED" ]]; then
    echo "::error::${service} did not complete the deployment of ${GIT_SHA} (rolled back?)"
    failed=1
  fi
done
echo "::endgroup::"
exit "$failed"
