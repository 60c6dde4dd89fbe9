// The import rules of ARCHITECTURE.md, checked by `npm run check:architecture` (and in CI).
// Layers inside server/ read top to bottom and imports only go down:
//   edges (api, http, realtime, collab, cli, the composition root; demo drives the services)
//   → application (application, commands)
//   → domain (@accord/shared; the text's domain in text/; time travel; exports and imports models)
//   → ports and adapters (eventstore, readmodels, observability, workers).
// A rule names what a folder may NOT import; tests are exempt (they assemble whole systems).

const SERVER = '^server/src/';
const EDGES = `${SERVER}(api|http|realtime|collab|cli)/`;
const ROOT = `${SERVER}(main|start|server|core|cli|config|index)\\.ts$`;
const ADAPTERS = `${SERVER}eventstore/(sqlite|esdb|postgres)/`;
// Tests, their support code and the adversarial suite (server/src/hostile/) assemble whole systems.
const SPECS = '(\\.spec\\.tsx?$|/test-support/|^server/src/hostile/)';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'shared-is-pure',
      comment:
        'shared/ runs in Node and in the browser: it imports neither server, client nor Node APIs.',
      severity: 'error',
      from: { path: '^shared/src/' },
      to: {
        path: '^(server|client|tests)/|^@accord/(server|client)$',
        dependencyTypes: ['local', 'npm', 'core', 'aliased'],
      },
    },
    {
      name: 'shared-no-node-builtins',
      severity: 'error',
      from: { path: '^shared/src/', pathNot: SPECS },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'client-not-server',
      comment:
        'The browser app talks to the server over HTTP and websockets only; shared/ holds the contracts.',
      severity: 'error',
      from: { path: '^client/src/' },
      to: { path: '^server/|@accord/server' },
    },
    {
      name: 'server-not-client',
      severity: 'error',
      from: { path: '^server/src/' },
      to: { path: '^client/|@accord/client' },
    },
    {
      name: 'nothing-imports-the-edges',
      comment:
        'Routes, gateways and the CLI call down into the application; nothing below calls up into them.',
      severity: 'error',
      from: { path: SERVER, pathNot: [EDGES, ROOT, SPECS] },
      to: { path: EDGES },
    },
    {
      name: 'edges-are-separate',
      comment:
        'One edge does not reach into another (e.g. a route into the Yjs gateway); they meet in the composition root.',
      severity: 'error',
      from: { path: `${SERVER}(api|realtime|collab|cli)/`, pathNot: SPECS },
      to: { path: `${SERVER}(api|realtime|collab|cli)/`, pathNot: `${SERVER}$1/` },
    },
    {
      name: 'demo-is-a-driver',
      comment:
        'The demo seeding drives the application services like a user would; only start-up and the CLI run it.',
      severity: 'error',
      from: { path: SERVER, pathNot: [`${SERVER}(demo|cli)/`, ROOT, SPECS] },
      to: { path: `${SERVER}demo/` },
    },
    {
      name: 'problem-details-only-at-http',
      comment: 'problem+json is HTTP; every other layer throws errors that know nothing of HTTP.',
      severity: 'error',
      from: { path: SERVER, pathNot: [`${SERVER}http/`, SPECS] },
      to: { path: `${SERVER}http/problem\\.ts$` },
    },
    {
      name: 'application-uses-ports-not-adapters',
      comment:
        'Only the composition root and the CLI pick an adapter; everything else sees the port.',
      severity: 'error',
      from: {
        path: SERVER,
        pathNot: [
          ADAPTERS,
          `${SERVER}eventstore/(open-event-store|index)\\.ts$`,
          ROOT,
          `${SERVER}cli/`,
          SPECS,
        ],
      },
      to: { path: ADAPTERS },
    },
    {
      name: 'adapters-know-only-the-port',
      severity: 'error',
      from: { path: ADAPTERS },
      to: { path: SERVER, pathNot: [`${SERVER}eventstore/`, `${SERVER}observability/`] },
    },
    {
      name: 'no-circular',
      comment: 'Circular imports make load order matter and layers meaningless.',
      severity: 'error',
      from: { pathNot: SPECS },
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(dist|node_modules|coverage)/|\\.d\\.ts$' },
    tsPreCompilationDeps: true,
    combinedDependencies: true,
    tsConfig: { fileName: 'tsconfig.depcruise.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'types', 'default'],
      extensions: ['.ts', '.tsx', '.js', '.mjs'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
