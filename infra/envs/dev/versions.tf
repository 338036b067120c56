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

  # Bucket, key and region come from backend.hcl (see infra/README.md): `terraform init -backend-config=backend.hcl`.
  backend "s3" {
    encrypt      = true
    use_lockfile = true
  }
}
