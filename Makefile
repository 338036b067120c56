# InsightXI — every command a developer needs. `make help` lists them.
SHELL := /bin/bash
.DEFAULT_GOAL := help

TOOLS := $(CURDIR)/.tools
# Node 24 LTS is the target. Use the system Node when it is >= 22, else a project-local
# Node 24 from the `node@24` npm package (it ships the binary). pnpm comes from npm too.
SYSTEM_NODE_MAJOR := $(shell node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
NEED_LOCAL_NODE := $(shell [ "$(SYSTEM_NODE_MAJOR)" -lt 22 ] && echo yes)
export PATH := $(TOOLS)/node_modules/.bin:$(CURDIR)/node_modules/.bin:$(PATH)
export PRISMA_SCHEMA_ENGINE_BINARY := $(CURDIR)/scripts/prisma-engine-stub.sh
export CI ?=

TOOLCHAIN := $(TOOLS)/.ready
DEPS := node_modules/.modules.yaml

.PHONY: help
help: ## list the commands
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed -E 's/:.*## /\t/' | expand -t 16

$(TOOLCHAIN):
	@mkdir -p $(TOOLS)
	@pkgs="pnpm@10"; [ -n "$(NEED_LOCAL_NODE)" ] && pkgs="node@24 $$pkgs"; \
	  echo "installing $$pkgs into .tools (system node: v$(SYSTEM_NODE_MAJOR))"; \
	  npm install --prefix $(TOOLS) --no-audit --no-fund --loglevel=error $$pkgs
	@touch $@

$(DEPS): $(TOOLCHAIN) pnpm-lock.yaml package.json
	pnpm install --frozen-lockfile
	pnpm --filter @insightxi/database run --if-present generate
	@touch $@

.PHONY: install
install: $(DEPS) ## install the toolchain (Node 24, pnpm) and dependencies, generate the Prisma client

.PHONY: lint
lint: $(DEPS) ## eslint over the whole workspace
	pnpm run lint

.PHONY: typecheck
typecheck: $(DEPS) ## tsc --noEmit in every package
	pnpm run typecheck

.PHONY: test
test: $(DEPS) lint typecheck ## install if needed, lint, typecheck, run every test (ends with "N passed, N failed")
	pnpm run test

.PHONY: bench
bench: $(DEPS) ## run every benchmark and print the table
	pnpm --filter @insightxi/bench run bench

.PHONY: chaos
chaos: $(DEPS) ## the fault matrix: one row per scenario, nothing missing or duplicated, no secret in the logs
	pnpm --filter @insightxi/bench run chaos

.PHONY: dev
dev: $(DEPS) ## start the simulator and the three services (logs prefixed by service)
	pnpm --filter @insightxi/stack run dev

.PHONY: demo
demo: $(DEPS) ## full sync against the simulator, then the summary and analyst queries
	pnpm --filter @insightxi/stack run demo

.PHONY: sim
sim: $(DEPS) ## start the SportMonks simulator on port 8010
	pnpm --filter @insightxi/sportmonks-sim start

.PHONY: migrate
migrate: $(DEPS) ## apply the database migrations to the project database
	pnpm --filter @insightxi/mysql exec tsx src/cli.ts migrate

.PHONY: analyst-user
analyst-user: $(DEPS) ## create the read-only analyst MySQL user (ANALYST_PASSWORD=… make analyst-user)
	pnpm --filter @insightxi/database run analyst-user

.PHONY: service-user
service-user: $(DEPS) ## create the writer's MySQL user: rows only, no DROP/ALTER (SERVICE_DB_PASSWORD=… make service-user)
	pnpm --filter @insightxi/database run service-user

.PHONY: inspect-db
inspect-db: $(DEPS) ## a mysql shell on the project database
	pnpm --filter @insightxi/mysql exec tsx src/cli.ts shell

.env:
	cp .env.example .env
	@echo "created .env from .env.example"

.PHONY: up
up: .env ## docker compose up: MySQL 8.4, migrations, simulator, the three services (needs a Docker engine)
	@command -v docker >/dev/null || { echo "make up needs Docker (docker compose); without it use make dev"; exit 1; }
	docker compose up --build --detach --wait

.PHONY: down
down: ## docker compose down (the MySQL volume is kept; docker compose down -v drops it)
	@command -v docker >/dev/null || { echo "make down needs Docker (docker compose)"; exit 1; }
	docker compose down

.PHONY: infra-check
infra-check: ## terraform fmt -check, and validate of each environment (envs/dev, envs/prod) where the registry is reachable
	@if ! command -v terraform >/dev/null; then \
	  echo "terraform not installed: skipping fmt/validate (the static checks in make test still run)"; \
	else \
	  terraform -chdir=infra fmt -check -recursive || exit 1; \
	  for env in infra/envs/*/; do \
	    if terraform -chdir=$$env init -backend=false -input=false >/dev/null; then \
	      TF_VAR_image_tag=0000000000000000000000000000000000000000 terraform -chdir=$$env validate || exit 1; \
	    elif [ -n "$(CI)" ]; then exit 1; \
	    else echo "terraform init failed in $$env (registry unreachable?): fmt checked, validate skipped"; fi; \
	  done; \
	fi

.PHONY: clean
clean: ## stop the private MySQL if one runs, remove dependencies, the local toolchain and local data
	-[ -d node_modules ] && pnpm --filter @insightxi/mysql exec tsx src/cli.ts stop-private
	rm -rf node_modules */*/node_modules .tools .data coverage .vitest-results.json services/database/src/generated
