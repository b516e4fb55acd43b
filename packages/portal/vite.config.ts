import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

/**
 * Builds the single-file bundle `dist/hausportal.js` for script-tag embedding:
 * one ES module, minified, with Lit and every widget inside (Lit exactly once).
 */
export default defineConfig({
  // The bundle is loaded from wherever the host page puts it; no absolute asset URLs.
  base: './',
  publicDir: false,
  resolve: {
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
      output: {
        // A single file: dynamic imports are inlined so hosts copy one script.
        codeSplitting: false,
        // Library mode keeps whitespace in ES output by default; the embed bundle is fully minified.
        minify: true,
        comments: { legal: false, annotation: false, jsdoc: false },
      },
    },
  },
});
