# The education service's image. Every service is built from the same sources (one build stage, identical in
# each image definition so that layers are shared); only the command and port differ. Build from the repository root:
#   docker build -f deploy/images/education.Dockerfile -t hainan-data-graph/education:0.1.0 .
FROM node:20-bookworm AS build
WORKDIR /app
COPY package.json package-lock.json ./
# better-sqlite3 compiles here (python3, make and g++ are in this image); the runtime image needs no compiler.
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY auth auth
COPY gateway gateway
COPY subgraphs subgraphs
COPY scripts scripts
# The graph IDE's bundle (web/ide/dist, served by the gateway): esbuild runs here, never in the runtime image.
COPY web/ide web/ide
RUN npm run build && npm run build:ide && npm prune --omit=dev

FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production HOST=0.0.0.0
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules node_modules
COPY --from=build /app/dist dist
# Read at run time: the SDL of every subgraph and the composed supergraph; the gateway also serves the console and
# the catalogue document.
COPY schema schema
COPY web web
COPY docs/catalogue.md docs/catalogue.md
USER node
EXPOSE 4006
CMD ["node", "dist/scripts/start-subgraph.js", "education"]
