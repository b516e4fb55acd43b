import { defaultClientConditions, defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

/**
 * Builds `dist/hausportal.js` for script-tag embedding: one ES module, minified, with Lit and every widget inside
 * (Lit exactly once). What only some pages need (the list virtualizer, the QR encoder, the Excel writer with
 * write-excel-file) is split into `dist/chunks/*.js`, loaded relative to hausportal.js when first used; hosts copy the
 * whole `dist` folder.
 */
export default defineConfig({
  // The bundle is loaded from wherever the host page puts it; no absolute asset URLs.
  base: './',
  publicDir: false,
  resolve: {
    // Workspace packages publish dist/ builds; inside the repository the `source` export condition points at src/.
    conditions: ['source', ...defaultClientConditions],
    // Workspace packages each depend on lit; make sure the bundle carries one copy.
    dedupe: ['lit', 'lit-html', 'lit-element', '@lit/reactive-element', '@lit/context', '@lit/localize', '@lit/task'],
  },
  build: {
    target: 'es2022',
    outDir: 'dist',
    emptyOutDir: true,
    minify: true,
    sourcemap: true,
    reportCompressedSize: true,
    lib: {
      entry: fileURLToPath(new URL('./src/index.ts', import.meta.url)),
      formats: ['es'],
      fileName: () => 'hausportal.js',
    },
    rolldownOptions: {
      // Lets Lit and core stay inside hausportal.js (one request) while the lazy chunks import them from it.
      preserveEntrySignatures: 'allow-extension',
      output: {
        chunkFileNames: 'chunks/[name]-[hash].js',
        // Library mode keeps whitespace in ES output by default; the embed bundle is fully minified.
        minify: true,
        comments: { legal: false, annotation: false, jsdoc: false },
      },
    },
  },
});
