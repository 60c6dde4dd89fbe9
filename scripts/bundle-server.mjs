// Bundles the built server (server/dist/start.js and what it imports) into one CommonJS file,
// server/dist/accord.cjs, which server/dist/main.js runs with V8's code cache
// (server/src/launch/code-cache.ts). Part of the server's `npm run build`, after tsc.
//
// A package stays outside the bundle, loaded from node_modules as usual, when its code finds
// files beside itself (__dirname, import.meta.url, require.resolve: worker scripts, fonts,
// .proto files) — in the bundle those would point into dist/ — and when it has a native addon
// (a binding.gyp: `bindings` looks for the .node file from its caller's path). The first pass
// finds such packages; the second bundles everything else.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { rolldown } from 'rolldown';

const dist = fileURLToPath(new URL('../server/dist/', import.meta.url));
const input = path.join(dist, 'start.js');
const output = path.join(dist, 'accord.cjs');
if (!existsSync(input)) throw new Error(`${input} is missing: run tsc first`);

const FINDS_OWN_FILES =
  /\b__dirname\b|\b__filename\b|import\.meta\.(url|dirname|filename|resolve)|require\.resolve\(/;

// Packages whose lookups of their own files Accord never reaches, bundled for a faster start:
// socket.io serves its browser client from beside itself only with `serveClient`, which
// realtime/socket-gateway.ts turns off; pino starts worker threads from beside itself only for
// transports, and Accord logs JSON to stdout without one.
const NEVER_LOOKS_BESIDE_ITSELF_HERE = new Set(['socket.io', 'pino']);

/** The package a file under node_modules belongs to (`pg`, `@scope/name`) and its folder. */
function packageOf(file) {
  const parts = file.split(/[/\\]node_modules[/\\]/);
  if (parts.length < 2) return undefined;
  const segments = parts.at(-1).split(/[/\\]/);
  const name = segments[0].startsWith('@') ? `${segments[0]}/${segments[1]}` : segments[0];
  return { name, dir: path.join(parts.slice(0, -1).join('/node_modules/'), 'node_modules', name) };
}

/** The package a bare import names (`pg/lib/x` → `pg`), or undefined for a path or built-in. */
function packageNamed(specifier) {
  if (specifier.startsWith('.') || path.isAbsolute(specifier) || specifier.startsWith('node:')) {
    return undefined;
  }
  const segments = specifier.split('/');
  return specifier.startsWith('@') ? `${segments[0]}/${segments[1]}` : segments[0];
}

async function build(external, onModule) {
  const bundle = await rolldown({
    input,
    platform: 'node',
    logLevel: 'warn',
    external: (specifier) => {
      if (specifier.startsWith('node:')) return true;
      const name = packageNamed(specifier);
      return name !== undefined && external.has(name);
    },
    plugins: onModule ? [{ name: 'find-own-files', transform: onModule }] : [],
  });
  try {
    return await bundle.write({
      file: output,
      format: 'cjs',
      // One non-ASCII character (the e-mail catalogues have many) makes V8 hold the whole 7 MB
      // source as two-byte text. The code generator escapes them instead (\u0627 in a string is
      // the same string), and a start from the code cache reads ~5% less.
      charset: 'ascii',
      codeSplitting: false,
      // Without comments and blank space the file is a third smaller, and a start reads and
      // hashes less of it. Names stay as they are, so stack traces still name the functions.
      minify: { compress: false, mangle: false, codegen: { removeWhitespace: true } },
    });
  } finally {
    await bundle.close();
  }
}

const external = new Set();
await build(external, (code, id) => {
  const found = packageOf(id);
  if (!found || external.has(found.name)) return null;
  if (NEVER_LOOKS_BESIDE_ITSELF_HERE.has(found.name)) return null;
  if (FINDS_OWN_FILES.test(code) || existsSync(path.join(found.dir, 'binding.gyp'))) {
    external.add(found.name);
  }
  return null;
});
const result = await build(external);
const bytes = result.output.reduce((sum, chunk) => sum + (chunk.code?.length ?? 0), 0);
console.log(
  `bundled the server into ${path.relative(process.cwd(), output)} (${(bytes / 1e6).toFixed(1)} MB); ` +
    `loaded from node_modules: ${[...external].sort().join(', ')}`,
);
