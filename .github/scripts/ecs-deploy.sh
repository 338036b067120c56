#!/usr/bin/env bash
# Deploys one commit (called by .github/workflows/cd.yml; the first deploy and rollbacks by hand run
# it too). It starts the release state machine with the commit's SHA and waits for it: the release
# task it runs inside AWS (packages/release) migrates, registers the commit's revisions, deploys the
# services, waits for them, smoke-tests and, on a failure after the migration, puts every service
# back on the revision it ran before. This script only starts, watches and prints; the role CD
# assumes may do nothing more (infra/modules/github-oidc).
# Needs: AWS_REGION, DEPLOY_NAME, GIT_SHA (the full SHA: image tags are commit SHAs); the AWS CLI
# and jq (both on GitHub's runners). POLL_SECONDS: how often to look (15).
set -euo pipefail

: "${DEPLOY_NAME:?}" "${GIT_SHA:?}"
[[ "$GIT_SHA" =~ ^[0-9a-f]{40}$ ]] || { echo "::error::GIT_SHA must be a full 40-character commit SHA"; exit 2; }

config=$(aws ssm get-parameter --name "/${DEPLOY_NAME}/deploy" --query Parameter.Value --output text)
machine=$(jq -r '.release_state_machine' <<<"$config")
started_ms=$(($(date +%s) * 1000))
execution=$(aws stepfunctions start-execution --state-machine-arn "$machine" \
  --name "release-${GIT_SHA:0:12}-$(date +%s)" --input "$(jq -cn --arg sha "$GIT_SHA" '{sha: $sha}')" \
  --query executionArn --output text)
echo "release of ${GIT_SHA}: ${execution}"

status=RUNNING
while [[ "$status" == RUNNING ]]; do
  sleep "${POLL_SECONDS:-15}"
  status=$(aws stepfunctions describe-execution --execution-arn "$execution" --query status --output text)
done

# The release task's own lines (a deploy environment runs one release at a time: cd.yml's concurrency).
echo "::group::The release task's log"
aws logs filter-log-events --log-group-name "/ecs/${DEPLOY_NAME}/release" --start-time "$started_ms" \
  --query 'events[].message' --output text | tr '\t' '\n' || echo "(its log could not be read)"
echo "::endgroup::"

if [[ "$status" != SUCCEEDED ]]; then
  echo "::error::the release of ${GIT_SHA} ended ${status}: its log above says what failed and whether the services were rolled back"
  exit 1
fi
echo "deployed ${GIT_SHA}"
