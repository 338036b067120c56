variable "name" {
  type        = string
  description = "Prefix of the repository names, e.g. insightxi-dev."
}

variable "repositories" {
  type        = set(string)
  description = "One repository per image: the three services and the migration image."
}

variable "keep_tagged_images" {
  type        = number
  description = "How many commit-tagged images each repository keeps (older ones expire)."

  validation {
    condition     = var.keep_tagged_images >= 5
    error_message = "Keep at least 5 images so that a rollback has something to roll back to."
  }
}

variable "untagged_expiry_days" {
  type        = number
  description = "Days after which untagged images (superseded layers of `latest`) expire."
}

variable "tags" {
  type        = map(string)
  description = "Tags added to every resource."
}
