# Latch's container image: `docker build -t latch .`, or `docker compose up` with compose.yaml.
# README, "Deploy", says how to run, upgrade and back it up.

# Build: every dependency (better-sqlite3 compiles here when no prebuilt binary fits), the
# production build, then .next/standalone: only the files the server and the CLI load.
FROM node:20-bookworm AS build
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
# npm ci's postinstall generates the Prisma clients from the schema.
COPY package.json package-lock.json prisma.config.ts ./
COPY prisma ./prisma
RUN npm ci --no-audit --no-fund
COPY . .
RUN LATCH_STANDALONE=1 npm run build && node scripts/complete-standalone.mjs

# Run: the slim image, the standalone files, data in /data.
FROM node:20-bookworm-slim
WORKDIR /app
# HOSTNAME: Docker sets it to the container's name; every interface is what a container needs.
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    HOSTNAME=0.0.0.0 \
    PORT=3000 \
    DATABASE_URL=file:/data/latch.db
# Owned by root, so the app cannot change its own code; /data is the node user's.
COPY --from=build /app/.next/standalone ./
RUN mkdir -p /data && chown node:node /data && chmod 700 /data
VOLUME /data
USER node
EXPOSE 3000
# No curl in the slim image: Node asks. 200 only while the database answers.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch(`http://127.0.0.1:${process.env.PORT}/api/health`).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# Node is PID 1 and handles SIGTERM itself (finishes requests in flight, closes the database);
# `docker run --init` (compose.yaml: init) adds tini around it and works the same.
# server.mjs: server.ts with the configuration the build resolved (scripts/complete-standalone.mjs).
CMD ["node", "server.mjs"]
