# The secrets the tasks read. Generated ones (tokens and the passwords of the writer's and the
# analysts' MySQL accounts) get their first value here, as ephemeral values written through
# write-only arguments: never in a plan or the state. After that each rotates on its own through
# .github/scripts/rotate-secret.sh (docs/operations.md), which Terraform does not undo: it writes
# again only if initial_value_version changes.
#
# The internal and operator tokens have a second secret, `<token>-previous`, that every service
# also accepts: during a rotation it holds the next value, then the old one, so that tasks started
# before and after the switch keep accepting each other's calls. It starts equal to the token.
# The SportMonks token comes from the SportMonks account: Terraform creates the empty secret and an
# operator puts the value (infra/README.md, "Secrets").

locals {
  generated = {
    internal-token = "Bearer token the services use to call each other"
    operator-token = "Bearer token operators use on the orchestrator's /sync routes"
    # Alphanumeric (special = false below): safe in a mysql:// URL and in IDENTIFIED BY.
    database-writer-password  = "Password of the writer's MySQL account (SELECT, INSERT, UPDATE, DELETE only; made by the migration task)"
    database-analyst-password = "Password of the read-only analyst MySQL account (SELECT only; made by the migration task)"
  }
  # Accepted beside the token of the same name during a rotation.
  paired = toset(["internal-token", "operator-token"])

  secrets = merge(
    local.generated,
    { for name in local.paired : "${name}-previous" => "The other accepted value of ${name} during a rotation (the next, then the old one)" },
  )
  # Which generated value each secret starts with: a token and its -previous start equal.
  initial_value_of = merge(
    { for name, _ in local.generated : name => name },
    { for name in local.paired : "${name}-previous" => name },
  )
}

resource "aws_secretsmanager_secret" "generated" {
  for_each = local.secrets

  name                    = "${var.name}/${each.key}"
  description             = each.value
  recovery_window_in_days = var.recovery_window_in_days
  tags                    = var.tags
}

ephemeral "random_password" "generated" {
  for_each = local.generated

  length  = 48
  special = false
}

resource "aws_secretsmanager_secret_version" "generated" {
  for_each = local.secrets

  secret_id                = aws_secretsmanager_secret.generated[each.key].id
  secret_string_wo         = ephemeral.random_password.generated[local.initial_value_of[each.key]].result
  secret_string_wo_version = var.initial_value_version

  # Rotations move the AWSCURRENT label to values put by the rotation script.
  lifecycle {
    ignore_changes = [version_stages]
  }
}

resource "aws_secretsmanager_secret" "sportmonks_api_token" {
  name                    = "${var.name}/sportmonks-api-token"
  description             = "SportMonks API token of the fetcher; the value is put by an operator, never by Terraform"
  recovery_window_in_days = var.recovery_window_in_days
  tags                    = var.tags
}
