// Vite: builds the app into dist/ (served by the Accord server in production) and, in `npm run
// dev`, proxies the API, socket.io and the collaboration websocket to a server on :3000.
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

const backend = process.env.ACCORD_BACKEND ?? 'http://localhost:3000';

export default defineConfig({
  plugins: [react()],
  // One Yjs in the bundle: the editor binding, the provider and our code must share it.
  resolve: { dedupe: ['yjs', 'y-protocols', 'lib0', '@tiptap/pm', 'react', 'react-dom'] },
  build: { outDir: 'dist', sourcemap: true, chunkSizeWarningLimit: 1500 },
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
