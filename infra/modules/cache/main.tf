# Valkey (Redis-compatible) for the fetcher's shared rate-limit budget: with more than one fetcher
# task, bottleneck's clustering keeps one reservoir per SportMonks entity across tasks (REDIS_URL).

resource "aws_elasticache_subnet_group" "this" {
  name        = var.name
  description = "Private subnets of ${var.name}"
  subnet_ids  = var.subnet_ids
  tags        = var.tags
}

resource "aws_elasticache_replication_group" "this" {
  replication_group_id = var.name
  description          = "Shared SportMonks rate-limit budgets of the fetcher tasks"
  engine               = "valkey"
  engine_version       = "8.0"
  node_type            = var.node_type
  port                 = 6379

  num_cache_clusters         = 1 + var.replicas
  automatic_failover_enabled = var.replicas > 0
  multi_az_enabled           = var.replicas > 0

  subnet_group_name  = aws_elasticache_subnet_group.this.name
  security_group_ids = [var.security_group_id]

  at_rest_encryption_enabled = true
  transit_encryption_enabled = true

  snapshot_retention_limit = 0
  apply_immediately        = true
  tags                     = var.tags
}
