variable "name" {
  type        = string
  description = "Prefix of the secret names, e.g. insightxi-dev."
}

variable "recovery_window_in_days" {
  type        = number
  description = "Days a deleted secret can still be restored (0 deletes at once; use 0 only for throw-away environments)."

  validation {
    condition     = var.recovery_window_in_days == 0 || (var.recovery_window_in_days >= 7 && var.recovery_window_in_days <= 30)
    error_message = "recovery_window_in_days is 0 or between 7 and 30."
  }
}

variable "initial_value_version" {
  type        = number
  description = "Version of the generated first values; changing it overwrites every generated secret at once (rotate one at a time with .github/scripts/rotate-secret.sh instead)."
}

variable "tags" {
  type        = map(string)
  description = "Tags added to every resource."
}
