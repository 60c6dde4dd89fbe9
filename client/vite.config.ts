// Vite: builds the app into dist/ (served by the Accord server in production) and, in `npm run
// dev`, proxies the API, socket.io and the collaboration websocket to a server on :3000.
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';

const backend = process.env.ACCORD_BACKEND ?? 'http://localhost:3000';

/**
 * @accord/shared's modules only define things (schemas, deciders, tables) and register nothing
 * at load time, but its package.json does not say so, and zod's schema builders look like calls
 * with effects to the bundler: without this, any import from @accord/shared drags the whole
 * domain (deciders, projections) into the first chunk that needs it.
 */
function sharedHasNoSideEffects(): Plugin {
  return {
    name: 'accord-shared-has-no-side-effects',
    enforce: 'pre',
    transform(_code, id) {
      return /[\\/]shared[\\/]dist[\\/]/.test(id) ? { moduleSideEffects: false } : null;
    },
  };
}

export default defineConfig({
  plugins: [react(), sharedHasNoSideEffects()],
  // One Yjs in the bundle: the editor binding, the provider and our code must share it.
  resolve: { dedupe: ['yjs', 'y-protocols', 'lib0', '@tiptap/pm', 'react', 'react-dom'] },
  // The manifest lists every chunk and what it imports: scripts/bundle-size.mjs reads it to
  // measure what each route downloads.
  build: { outDir: 'dist', sourcemap: true, manifest: true, chunkSizeWarningLimit: 1500 },
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
