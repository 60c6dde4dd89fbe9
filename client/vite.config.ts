// Vite: builds the app into dist/ (served by the Accord server in production) and, in `npm run
// dev`, proxies the API, socket.io and the collaboration websocket to a server on :3000.
// The plugins below keep what a screen downloads small (issue #18): see each one's comment.
import react from '@vitejs/plugin-react';
import { transformWithOxc, type Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const backend = process.env.ACCORD_BACKEND ?? 'http://localhost:3000';
const here = path.dirname(fileURLToPath(import.meta.url));

const inSharedDist = (id: string) => /[\\/]shared[\\/]dist[\\/]/.test(id);
const inSharedContracts = (id: string) => /[\\/]shared[\\/]dist[\\/]contracts[\\/]/.test(id);
const inZod = (id: string) => /[\\/]node_modules[\\/]zod[\\/]/.test(id);

/** The smallest slice of the ESTree nodes the transform below reads. */
interface Node {
  type: string;
  start: number;
  end: number;
  [field: string]: unknown;
}
const isNode = (value: unknown): value is Node =>
  typeof value === 'object' && value !== null && typeof (value as Node).type === 'string';

/** Fields of an endpoint contract the browser never reads: the zod schemas (the server's). */
const SCHEMA_FIELDS = new Set(['params', 'query', 'body', 'response']);

/** Where `defineEndpoint({ … })` calls inside `node` hold schema fields, to cut them out. */
function schemaFields(node: unknown, cuts: [number, number][]): void {
  if (Array.isArray(node)) return node.forEach((child) => schemaFields(child, cuts));
  if (!isNode(node)) return;
  const callee = node.callee;
  const [argument] = (node.arguments as unknown[] | undefined) ?? [];
  if (
    node.type === 'CallExpression' &&
    isNode(callee) &&
    callee.type === 'Identifier' &&
    callee.name === 'defineEndpoint' &&
    isNode(argument) &&
    argument.type === 'ObjectExpression'
  ) {
    for (const property of argument.properties as Node[]) {
      const key = property.key;
      if (property.type === 'Property' && isNode(key) && SCHEMA_FIELDS.has(String(key.name)))
        cuts.push([property.start, property.end]);
    }
    return;
  }
  for (const [field, child] of Object.entries(node))
    if (field !== 'type') schemaFields(child, cuts);
}

/** Initialisers that never run code, left as they are. */
const INERT = new Set(['ArrowFunctionExpression', 'FunctionExpression', 'Literal', 'Identifier']);

/**
 * @accord/shared as the browser needs it. Its modules only define things (schemas, deciders,
 * tables) and register nothing at load time, but the bundler cannot tell: zod's schema builders
 * look like calls with effects, so one import would drag every schema, and zod (≈ 25 KiB gzipped),
 * into the first chunk that needs anything from the module. So, in the build only:
 * - every shared module, and zod, is declared free of side effects;
 * - each top-level `const x = <expression>` of a shared module runs inside a function call marked
 *   pure, so it is dropped when nothing uses `x`, and kept, unchanged, when something does;
 * - the endpoint contracts lose their schema fields: the browser only builds URLs from their
 *   method and path (api/call.ts), its types still come from the full contracts.
 * What still validates at run time in the browser (awareness states of the collaboration) keeps
 * its schemas and zod.
 */
function sharedForTheBrowser(): Plugin {
  return {
    name: 'accord-shared-for-the-browser',
    enforce: 'pre',
    apply: 'build',
    transform(code, id) {
      if (inZod(id)) return { code, map: null, moduleSideEffects: false };
      if (!inSharedDist(id)) return null;
      const program = this.parse(code) as unknown as { body: Node[] };
      const cuts: [number, number][] = [];
      const edits: [number, string][] = [];
      for (const statement of program.body) {
        const declaration =
          statement.type === 'ExportNamedDeclaration' ? statement.declaration : statement;
        if (!isNode(declaration) || declaration.type !== 'VariableDeclaration') continue;
        for (const declarator of declaration.declarations as Node[]) {
          const init = declarator.init;
          if (!isNode(init) || INERT.has(init.type)) continue;
          if (code.slice(init.start, init.end).includes('await')) continue;
          if (inSharedContracts(id)) schemaFields(init, cuts);
          edits.push([init.start, '/* @__PURE__ */ (() => ('], [init.end, '))()']);
        }
      }
      // Applied from the end, so earlier offsets stay right; cuts lie inside the wrapped ranges.
      const changes = [
        ...cuts.map(([start, end]) => ({ start, end, text: 'schemaLeftOnServer: true' })),
        ...edits.map(([at, text]) => ({ start: at, end: at, text })),
      ].sort((a, b) => b.start - a.start || b.end - a.end);
      let out = code;
      for (const { start, end, text } of changes) out = out.slice(0, start) + text + out.slice(end);
      return { code: out, map: null, moduleSideEffects: false };
    },
  };
}

/** The message keys the sign-in screen shows, by prefix (see app/sign-in/signInMessages.ts). */
const SIGN_IN_PREFIXES = ['app.', 'signIn.', 'error.'];
const SIGN_IN_MODULE = 'virtual:sign-in-messages';
const catalogueFile = (language: string) => path.join(here, 'src/i18n', `messages.${language}.ts`);

/** A catalogue's messages, read by running its module (it only defines one object). */
async function readCatalogue(language: string): Promise<Record<string, string>> {
  const file = catalogueFile(language);
  const { code } = await transformWithOxc(await readFile(file, 'utf8'), file, { lang: 'ts' });
  const module = (await import(
    `data:text/javascript;base64,${Buffer.from(code).toString('base64')}`
  )) as Record<string, Record<string, string>>;
  const catalogue = module[language];
  if (!catalogue) throw new Error(`${file} does not export \`${language}\``);
  return catalogue;
}

/**
 * The sign-in screen's words, per language, cut out of the six catalogues at build time: the
 * sign-in page then needs neither the whole catalogue (≈ 18 KiB gzipped) nor the ICU formatter.
 * `virtual:sign-in-messages/<language>` is one language's messages; every one must be plain text
 * with `{name}` placeholders at most, which the build checks (signInMessages.ts fills them).
 */
function signInMessages(): Plugin {
  const prefix = `\0${SIGN_IN_MODULE}/`;
  return {
    name: 'accord-sign-in-messages',
    resolveId: (id) => (id.startsWith(`${SIGN_IN_MODULE}/`) ? `\0${id}` : null),
    async load(id) {
      if (!id.startsWith(prefix)) return null;
      const language = id.slice(prefix.length);
      this.addWatchFile(catalogueFile(language));
      const picked: Record<string, string> = {};
      for (const [key, message] of Object.entries(await readCatalogue(language))) {
        if (!SIGN_IN_PREFIXES.some((p) => key.startsWith(p))) continue;
        if (/\{(?!\w+\})|''|'\{/.test(message))
          throw new Error(`${key} (${language}) is more than text with {name} placeholders`);
        picked[key] = message;
      }
      return `export default ${JSON.stringify(picked)};`;
    },
  };
}

/**
 * React in a chunk of its own (≈ 66 KiB gzipped), named after it: every screen, the sign-in
 * screen included, needs it, and a release that changes only the app's code leaves it cached.
 * Other libraries stay with the screens that use them: grouping them too cost the draft's first
 * view more than it saved (gzip compresses small chunks less well).
 */
const reactChunk = {
  name: 'react',
  test: /[\\/]node_modules[\\/](react|react-dom|scheduler)[\\/]/,
};

export default defineConfig({
  plugins: [react(), sharedForTheBrowser(), signInMessages()],
  // One Yjs in the bundle: the editor binding, the provider and our code must share it.
  resolve: { dedupe: ['yjs', 'y-protocols', 'lib0', '@tiptap/pm', 'react', 'react-dom'] },
  // The manifest lists every chunk and what it imports: scripts/bundle-size.mjs reads it to
  // measure what each route downloads.
  build: {
    outDir: 'dist',
    sourcemap: true,
    manifest: true,
    chunkSizeWarningLimit: 1500,
    rolldownOptions: { output: { codeSplitting: { groups: [reactChunk] } } },
  },
  server: {
    proxy: {
      '/api': { target: backend },
      '/socket.io': { target: backend, ws: true },
      '/collab': { target: backend, ws: true },
    },
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.spec.ts', 'src/**/*.spec.tsx'],
    setupFiles: ['src/test-support/setup.ts'],
  },
});
