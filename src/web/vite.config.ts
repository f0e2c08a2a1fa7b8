// The web app's build: `npm run build:web` writes dist/web, which `leakaid serve` serves.
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../../dist/web', import.meta.url)),
    emptyOutDir: true,
    // The server's Content-Security-Policy allows no inline scripts; keep the module
    // preload helper in a file instead of inlined.
    modulePreload: { polyfill: false },
    // Older phones: keep the syntax widely supported.
    target: 'es2020',
    // The check page's chunk carries the text model and the organization data (about 1.4 MB,
    // loaded only when that page opens); the first screen is measured by npm run bench.
    chunkSizeWarningLimit: 2_000,
  },
});
