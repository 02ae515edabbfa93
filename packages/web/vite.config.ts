import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

/** The clinician app: built to packages/web/dist, served by the CareLoop server at `/`. */
export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  // The manifest lets `npm run bench -- web` tell the first screen's chunks from the lazily loaded ones.
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022', sourcemap: false, manifest: true },
  server: {
    // `npx vite` in packages/web during development: the API comes from `npm start` on port 8080.
    proxy: { '/api': 'http://127.0.0.1:8080', '/fhir': 'http://127.0.0.1:8080', '/auth': 'http://127.0.0.1:8080' },
  },
});
