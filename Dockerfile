# Tributary for users with Docker: the server plus the built web app, pointed at a cluster by KAFKA_BROKERS.
FROM node:20-bookworm-slim
WORKDIR /app
RUN corepack enable
COPY . .
RUN pnpm install --frozen-lockfile && pnpm --filter @tributary/web build && pnpm --filter @tributary/server build
ENV HOST=0.0.0.0 PORT=8080
# As `npm start` (package.json): freed buffers of 128 KiB and more go back to the system, a small young
# generation, and gc() for the server's idle collection (apps/server/src/idle-gc.ts).
ENV MALLOC_MMAP_THRESHOLD_=131072
EXPOSE 8080
CMD ["node", "--expose-gc", "--max-semi-space-size=4", "apps/server/dist/main.js"]
