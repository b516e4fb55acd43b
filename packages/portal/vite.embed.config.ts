import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

/**
 * Builds the two small scripts of iframe mode next to hausportal.js (after it, so `emptyOutDir` is off):
 * `dist/hausportal-embed.js` for the host page (`<hp-embed>`), and `dist/embed-frame.js`, which the `/embed/portal`
 * page loads inside the frame. Neither imports Lit or the widgets.
 */
export default defineConfig({
  base: './',
  publicDir: false,
  build: {
    target: 'es2022',
    outDir: 'dist',
    emptyOutDir: false,
    minify: true,
    sourcemap: true,
    lib: {
      entry: {
        'hausportal-embed': fileURLToPath(new URL('./src/embed.ts', import.meta.url)),
        'embed-frame': fileURLToPath(new URL('./src/embed-frame.ts', import.meta.url)),
      },
      formats: ['es'],
      fileName: (_format, name) => `${name}.js`,
    },
    rolldownOptions: { output: { minify: true, comments: { legal: false, annotation: false, jsdoc: false } } },
  },
});
