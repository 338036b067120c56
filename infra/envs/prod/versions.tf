terraform {
  required_version = ">= 1.11.0"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 6.14"
    }
    random = {
      source  = "hashicorp/random"
      version = "~> 3.7"
    }
  }

  # Remote state in S3 with S3's own locking (use_lockfile: a .tflock object beside the state, no
  # DynamoDB table). Bucket, key and region come from backend.hcl: `terraform init -backend-config=backend.hcl`.
  backend "s3" {
    encrypt      = true
    use_lockfile = true
  }
}
