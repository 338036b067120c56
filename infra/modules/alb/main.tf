# One listener per service port, each forwarding everything to that service. Callers use
# http://<alb>:8001/fixtures/bulk exactly as they would locally: no path prefix to strip, so every
# route a service serves is reachable at the path its callers use.

resource "aws_lb" "this" {
  name                       = var.name
  internal                   = true
  load_balancer_type         = "application"
  subnets                    = var.subnet_ids
  security_groups            = [var.security_group_id]
  drop_invalid_header_fields = true
  enable_deletion_protection = var.deletion_protection
  idle_timeout               = 120
  tags                       = var.tags
}

resource "aws_lb_target_group" "service" {
  for_each = var.service_ports

  name                 = substr("${var.name}-${each.key}", 0, 32)
  port                 = each.value
  protocol             = "HTTP"
  target_type          = "ip"
  vpc_id               = var.vpc_id
  deregistration_delay = var.deregistration_delay_seconds

  health_check {
    path                = var.health_check_path
    port                = "traffic-port"
    matcher             = "200"
    interval            = 15
    timeout             = 5
    healthy_threshold   = 2
    unhealthy_threshold = 3
  }

  tags = merge(var.tags, { Service = each.key })
}

resource "aws_lb_listener" "service" {
  for_each = var.service_ports

  load_balancer_arn = aws_lb.this.arn
  port              = each.value
  protocol          = "HTTP"

  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.service[each.key].arn
  }

  tags = merge(var.tags, { Service = each.key })
}
