# syntax=docker/dockerfile:1.7
# One file, one target per image:
#   docker build --target orchestrator|sportmonks|database|migrate|sim|dashboards -t insightxi/<target> .
# Services run TypeScript with tsx (a runtime dependency of each service), from a pruned
# production install made by `pnpm deploy`, as the unprivileged `node` user.

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

# ---------------------------------------------------------------- pruned production installs
FROM workspace AS deploy
# pnpm 10 deploys workspaces without injected dependencies only with --legacy. pnpm deploy skips
# git-ignored files, and the generated Prisma client is one of them: copy it over.
RUN for service in orchestrator sportmonks database; do \
      pnpm --filter "@insightxi/${service}" --prod deploy --legacy "/out/${service}" || exit 1; \
    done \
 && cp -r services/database/src/generated /out/database/src/generated

# ---------------------------------------------------------------- what every runtime image shares
FROM node:${NODE_VERSION}-bookworm-slim AS runtime
ENV NODE_ENV=production HOST=0.0.0.0 NPM_CONFIG_UPDATE_NOTIFIER=false
WORKDIR /app
COPY docker/healthcheck.mjs docker/database-url.mjs docker/trigger-sync.mjs /opt/insightxi/
USER node
# ECS and `docker stop` send SIGTERM; the services close the listener, finish in-flight requests
# and exit (service-kit's graceful shutdown) within the stop timeout.
STOPSIGNAL SIGTERM
HEALTHCHECK --interval=15s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "/opt/insightxi/healthcheck.mjs"]

# ---------------------------------------------------------------- services
FROM runtime AS orchestrator
COPY --from=deploy /out/orchestrator /app
ENV PORT=8002
EXPOSE 8002
# V8 grows its heap lazily under a high allocation rate; the orchestrator streams pages and
# holds little, so capped generations keep its memory flat (services/orchestrator/package.json
# insightxi.nodeFlags, measured by packages/bench orchestrator-memory).
CMD ["node", "--max-old-space-size=64", "--max-semi-space-size=2", "--import", "tsx", "src/server.ts"]

FROM runtime AS sportmonks
COPY --from=deploy /out/sportmonks /app
ENV PORT=8000
EXPOSE 8000
CMD ["node", "--import", "tsx", "src/server.ts"]

FROM runtime AS database
COPY --from=deploy /out/database /app
# Builds DATABASE_URL from the RDS secret's parts when it is not given whole (docker/database-url.mjs).
ENV PORT=8001 NODE_OPTIONS="--import /opt/insightxi/database-url.mjs"
EXPOSE 8001
CMD ["node", "--import", "tsx", "src/server.ts"]

# ---------------------------------------------------------------- one-shot migration
# The database image with the package's own `migrate` script (insightxi-db migrate) as its command.
FROM database AS migrate
HEALTHCHECK NONE
CMD ["npm", "run", "--silent", "migrate"]

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
