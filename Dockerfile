# syntax=docker/dockerfile:1
# Ordo production image: the bundled server (dist/cli.js) and the built console (dist/web).

# --- build: all dependencies, then bundle server and console
FROM node:20-bookworm-slim AS build
WORKDIR /src
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci
COPY . .
RUN npm run build

# --- runtime dependencies only (better-sqlite3 is native, so it is compiled here, not copied from a host)
FROM node:20-bookworm-slim AS deps
WORKDIR /app
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --omit=dev && npm cache clean --force

# --- runtime: no compilers, no sources, not root
FROM node:20-bookworm-slim AS runtime
# pg_dump/pg_restore for `ordo backup` and scheduled backups on PostgreSQL (client 15, so the
# server must be 15: pg_dump refuses newer servers).
RUN apt-get update && apt-get install -y --no-install-recommends postgresql-client \
  && rm -rf /var/lib/apt/lists/*
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    ORDO_DATA_DIR=/app/data \
    ORDO_BACKUP_DIR=/app/backups \
    ORDO_WEB_DIR=/app/dist/web
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY --from=build /src/dist ./dist
COPY package.json ./
COPY bin ./bin
RUN mkdir -p /app/data /app/backups && chown -R node:node /app/data /app/backups
USER node
EXPOSE 3000
VOLUME ["/app/data", "/app/backups"]
# /readyz answers 200 only when the database answers and (on worker nodes) the worker is ticking.
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/readyz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
ENTRYPOINT ["node", "dist/cli.js"]
CMD ["serve"]
