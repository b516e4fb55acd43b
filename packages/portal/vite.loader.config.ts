import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

/**
 * Builds `dist/hausportal-loader.js`, a classic (non-module) script for pages whose consent manager or optimizer
 * re-types or delays script tags: it adds the module script hausportal.js itself. Built after hausportal.js, so
 * `emptyOutDir` is off.
 */
export default defineConfig({
  base: './',
  publicDir: false,
  build: {
    target: 'es2017',
    outDir: 'dist',
    emptyOutDir: false,
    minify: true,
    sourcemap: true,
    lib: {
      entry: fileURLToPath(new URL('./src/loader.ts', import.meta.url)),
      name: 'HausportalLoader',
      formats: ['iife'],
      fileName: () => 'hausportal-loader.js',
    },
  },
});
