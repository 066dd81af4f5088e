import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * Vite builds the web front end (src/web) from index.html at the repository root into dist/web,
 * which the server serves. In development `/api` is proxied to the server on port 3000.
 */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react()],
  resolve: {
    // dkfds only exports its JS bundle; this alias reaches its CSS, fonts and icons.
    alias: { 'dkfds-dist': fileURLToPath(new URL('node_modules/dkfds/dist', import.meta.url)) },
  },
  build: { outDir: 'dist/web', emptyOutDir: true },
  server: { proxy: { '/api': 'http://localhost:3000' } },
});
