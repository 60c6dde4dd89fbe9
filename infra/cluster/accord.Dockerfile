# An Accord node for infra/cluster/compose.yaml: built once when the image is built, started
# with `node server/dist/main.js`. Build context: the repository root.
FROM node:20 AS build
WORKDIR /app
COPY . .
RUN npm ci && npm run build && npm prune --omit=dev

FROM node:20-slim
# The PDF exports embed DejaVu Sans, and Noto for Arabic and Chinese language versions.
RUN apt-get update \
  && apt-get install -y --no-install-recommends fonts-dejavu-core fonts-noto-core fonts-noto-cjk \
  && rm -rf /var/lib/apt/lists/*
WORKDIR /app
ENV NODE_ENV=production
COPY --from=build /app /app
EXPOSE 3000
CMD ["node", "server/dist/main.js"]
