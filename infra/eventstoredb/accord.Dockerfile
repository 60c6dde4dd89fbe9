# Accord built from this repository and started with `npm start`, which builds every
# workspace with Turborepo and then runs the server. Build context: the repository root.
# The full node:20 image carries the compilers better-sqlite3 and argon2 may need.
FROM node:20

WORKDIR /app
COPY . .
# Dev dependencies stay: `npm start` builds with TypeScript and Turborepo.
RUN npm ci

ENV NODE_ENV=production
EXPOSE 3000
CMD ["npm", "start"]
