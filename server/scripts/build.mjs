// `npm run build -w @hausportal/server`: compiles the server to plain JavaScript in server/dist, so production runs
// `node server/dist/main.js` without a TypeScript loader. One ES module per entry point; the workspace package
// @hausportal/api is bundled in from its TypeScript source (the `source` export condition, as everywhere in the
// repository), every other package stays in node_modules.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outdir = join(root, 'dist');
rmSync(outdir, { recursive: true, force: true });

/** Bare imports stay imports, except our own workspace packages (bundled from their sources). */
const externalPackages = {
  name: 'external-packages',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) => (args.path.startsWith('@hausportal/') ? undefined : { path: args.path, external: true }));
  },
};

const started = performance.now();
const result = await build({
  absWorkingDir: root,
  entryPoints: { main: 'src/main.ts', 'seed-big': 'src/seed/big.ts' },
  outdir,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
  metafile: true,
  conditions: ['source'],
  plugins: [externalPackages],
});
const bytes = Object.values(result.metafile.outputs).filter((o) => o.entryPoint).reduce((sum, o) => sum + o.bytes, 0);
console.log(`server: dist/main.js and dist/seed-big.js, ${(bytes / 1024).toFixed(0)} kB, in ${Math.round(performance.now() - started)} ms`);
