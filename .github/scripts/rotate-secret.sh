#!/usr/bin/env bash
# Rotates one generated secret without a 401 or a refused login (docs/operations.md, "Rotate a
# secret"). Each secret rotates on its own:
#   rotate-secret.sh internal-token | operator-token
#       The services accept the token and its `-previous` secret. Phase 1: `-previous` := NEW, the
#       services restart (they send OLD, accept OLD and NEW). Phase 2: the token := NEW and
#       `-previous` := OLD, the services restart (they send NEW, accept NEW and OLD). A task of
#       either phase accepts what a task of the other sends, so calls never meet a 401.
#   rotate-secret.sh database-writer-password | database-analyst-password
#       The secret := NEW, then the migration task sets it on the MySQL account keeping the old one
#       as MySQL's secondary password (RETAIN CURRENT PASSWORD): tasks still holding the old one
#       log in until they restart, here, with the new one.
# Needs: DEPLOY_NAME (e.g. insightxi-dev) and AWS credentials allowed to put these secrets and
# update the services (an administrator; the CD role cannot); the AWS CLI and jq.
set -euo pipefail

: "${DEPLOY_NAME:?}"
secret=${1:-}
export STARTED_BY="rotate-${secret}"
# shellcheck source=ecs-lib.sh
source "$(dirname "$0")/ecs-lib.sh"

secret_id() { echo "${DEPLOY_NAME}/$1"; }
read_secret() { aws secretsmanager get-secret-value --secret-id "$(secret_id "$1")" --query SecretString --output text; }
put_secret() { aws secretsmanager put-secret-value --secret-id "$(secret_id "$1")" --secret-string "$2" --query VersionId --output text >/dev/null; }
# Alphanumeric, like Terraform's first values: safe in a mysql:// URL and a bearer header.
new_value() { aws secretsmanager get-random-password --password-length 48 --exclude-punctuation --query RandomPassword --output text; }

case "$secret" in
  internal-token | operator-token)
    if [[ "$secret" == internal-token ]]; then readers=(orchestrator sportmonks database); else readers=(orchestrator); fi
    old=$(read_secret "$secret")
    new=$(new_value)
    echo "phase 1: ${secret}-previous holds the next value; restarting ${readers[*]}"
    put_secret "${secret}-previous" "$new"
    restart_services "${readers[@]}"
    echo "phase 2: ${secret} := the new value, ${secret}-previous := the old one; restarting ${readers[*]}"
    put_secret "$secret" "$new"
    put_secret "${secret}-previous" "$old"
    restart_services "${readers[@]}"
    echo "rotated ${secret}: tasks send the new value and still accept the old one until the next rotation"
    ;;
  database-writer-password | database-analyst-password)
    if [[ "$secret" == database-writer-password ]]; then readers=(database); else readers=(dashboards); fi
    put_secret "$secret" "$(new_value)"
    echo "the migration task sets the new password (the old one stays MySQL's secondary)"
    run_one_shot migrate "$(aws ecs describe-task-definition --task-definition "$(family_of migrate)" --query taskDefinition.taskDefinitionArn --output text)"
    restart_services "${readers[@]}"
    echo "rotated ${secret}; the next migration run drops the old password"
    ;;
  *)
    echo "usage: DEPLOY_NAME=<name> $0 internal-token|operator-token|database-writer-password|database-analyst-password" >&2
    exit 2
    ;;
esac
