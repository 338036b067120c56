#!/usr/bin/env bash
# Deploys one commit to ECS (called by .github/workflows/cd.yml; the first deploy and rollbacks by
# hand run it too):
#   1. notes the revision each service runs now (what a failure goes back to);
#   2. registers a revision of the migration task with the commit's image and runs it: a non-zero
#      exit stops here, with nothing deployed;
#   3. registers revisions of every other task kind with the commit's images and points the
#      services at theirs; waits until each runs its new revision to completion;
#   4. runs the smoke task: /health/ready on the three API services through their listeners
#      (MySQL reachable, migrations applied, upstreams answering), then a tiny sync;
#   5. if 3 or 4 fails: puts every service back on the revision noted in 1, waits, exits 1.
# Needs: AWS_REGION, DEPLOY_NAME, GIT_SHA, REGISTRY; the AWS CLI and jq (both on GitHub's runners).
set -euo pipefail

: "${DEPLOY_NAME:?}" "${GIT_SHA:?}" "${REGISTRY:?}"
export STARTED_BY="cd-${GIT_SHA:0:12}"
# shellcheck source=ecs-lib.sh
source "$(dirname "$0")/ecs-lib.sh"

# An image of a commit (this one by default).
image() { echo "${REGISTRY}/${DEPLOY_NAME}/$1:${2:-$GIT_SHA}"; }
# Which image each task kind runs.
declare -A image_of=(
  [orchestrator]=orchestrator [sportmonks]=sportmonks [database]=database [dashboards]=dashboards
  [sync-trigger]=orchestrator [smoke]=orchestrator [retention]=database
)
mapfile -t services < <(jq -r '.services | keys[]' <<<"$config")

echo "::group::Revisions running now"
declare -A previous
for service in "${services[@]}"; do
  previous[$service]=$(aws ecs describe-services --cluster "$cluster" --services "$(service_of "$service")" \
    --query 'services[0].taskDefinition' --output text)
  echo "${service}: ${previous[$service]}"
done
echo "::endgroup::"

echo "::group::Migrations"
if ! run_one_shot migrate "$(register_revision migrate "$(image migrate)")"; then
  echo "::error::the migrations failed; nothing was deployed"
  exit 1
fi
echo "::endgroup::"

echo "::group::Services"
declare -A deployed
for kind in "${!image_of[@]}"; do
  deployed[$kind]=$(register_revision "$kind" "$(image "${image_of[$kind]}")")
done
for service in "${services[@]}"; do
  aws ecs update-service --cluster "$cluster" --service "$(service_of "$service")" \
    --task-definition "${deployed[$service]}" --query 'service.serviceName' --output text
done
echo "::endgroup::"

roll_back() {
  echo "::group::Rolling back to the revisions that ran before"
  local pairs=()
  for service in "${services[@]}"; do
    aws ecs update-service --cluster "$cluster" --service "$(service_of "$service")" \
      --task-definition "${previous[$service]}" --query 'service.serviceName' --output text
    pairs+=("${service}=${previous[$service]}")
  done
  # Scheduled tasks run their family's latest revision: register one with the previous commit again.
  local previous_image
  previous_image=$(aws ecs describe-task-definition --task-definition "${previous[orchestrator]}" \
    --query 'taskDefinition.containerDefinitions[0].image' --output text)
  for kind in sync-trigger retention smoke; do
    register_revision "$kind" "$(image "${image_of[$kind]}" "${previous_image##*:}")" >/dev/null
  done
  wait_for_revisions "${pairs[@]}" || echo "::error::the rollback did not settle either: look at the services now"
  echo "::endgroup::"
}

echo "::group::Waiting for the new revisions"
pairs=()
for service in "${services[@]}"; do pairs+=("${service}=${deployed[$service]}"); done
if ! wait_for_revisions "${pairs[@]}"; then
  echo "::endgroup::"
  roll_back
  echo "::error::${GIT_SHA} did not become stable; the services are back on their previous revisions"
  exit 1
fi
echo "::endgroup::"

echo "::group::Smoke test"
if ! run_one_shot smoke "${deployed[smoke]}"; then
  echo "::endgroup::"
  roll_back
  echo "::error::the smoke test failed on ${GIT_SHA}; the services are back on their previous revisions"
  exit 1
fi
echo "::endgroup::"
echo "deployed ${GIT_SHA}"
