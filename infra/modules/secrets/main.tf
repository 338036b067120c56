# Four secrets. The internal and operator tokens and the password of the writer's own MySQL
# account (rows only, no DROP: the migration task creates it) are generated here as ephemeral
# values written through write-only arguments, so they never appear in a plan or the state. The
# SportMonks token comes from the SportMonks account: Terraform creates the empty secret and an
# operator puts the value (infra/README.md, "Secrets").

locals {
  generated = {
    internal-token = "Bearer token the services use to call each other"
    operator-token = "Bearer token operators use on the orchestrator's /sync routes"
    # Alphanumeric (special = false below): safe in a mysql:// URL and in IDENTIFIED BY.
    database-writer-password = "Password of the writer's MySQL account (SELECT, INSERT, UPDATE, DELETE only; made by the migration task)"
  }
}

resource "aws_secretsmanager_secret" "generated" {
  for_each = local.generated

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
  for_each = local.generated

  secret_id                = aws_secretsmanager_secret.generated[each.key].id
  secret_string_wo         = ephemeral.random_password.generated[each.key].result
  secret_string_wo_version = var.token_version
}

resource "aws_secretsmanager_secret" "sportmonks_api_token" {
  name                    = "${var.name}/sportmonks-api-token"
  description             = "SportMonks API token of the fetcher; the value is put by an operator, never by Terraform"
  recovery_window_in_days = var.recovery_window_in_days
  tags                    = var.tags
}
