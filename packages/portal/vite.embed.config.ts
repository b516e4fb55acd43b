import { defineConfig, type BuildEnvironmentOptions } from 'vite';
import { fileURLToPath } from 'node:url';

/** A build of one script `dist/<name>.js` from `src/<source>`, self-contained (no chunk shared with the other). */
const script = (name: string, source: string): BuildEnvironmentOptions => ({
  target: 'es2022',
  outDir: 'dist',
  emptyOutDir: false,
  minify: true,
  sourcemap: true,
  lib: { entry: fileURLToPath(new URL(`./src/${source}`, import.meta.url)), formats: ['es'], fileName: () => `${name}.js` },
  rolldownOptions: { output: { minify: true, comments: { legal: false, annotation: false, jsdoc: false } } },
});

/**
 * Builds the two small scripts of iframe mode next to hausportal.js (after it, so `emptyOutDir` is off), each as one
 * file: `dist/hausportal-embed.js` for the host page (`<hp-embed>`), and `dist/embed-frame.js`, which the
 * `/embed/portal` page loads inside the frame. They share src/embed-protocol.ts; two builds (`builder` makes
 * `vite build` build every environment) keep a host page at one request instead of a shared chunk. Neither imports
 * Lit or the widgets.
 */
export default defineConfig({
  base: './',
  publicDir: false,
  builder: {},
  environments: {
    client: { build: script('hausportal-embed', 'embed.ts') },
    frame: { consumer: 'client', build: script('embed-frame', 'embed-frame.ts') },
  },
});
