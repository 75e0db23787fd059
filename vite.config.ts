import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { informationWorker } from './src/web/sw/vite-plugin.js';

export default defineConfig({
  root: 'src/web',
  publicDir: 'public',
  plugins: [react(), informationWorker()],
  build: {
    outDir: '../../dist/web',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
  },
  resolve: {
    alias: {
      // Messages are compiled to ASTs at build time, so the ICU parser never ships to browsers.
      '@formatjs/icu-messageformat-parser': '@formatjs/icu-messageformat-parser/no-parser.js',
    },
  },
  server: {
    port: 5173,
    proxy: { '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false } },
  },
});
