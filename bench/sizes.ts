// Bundle sizes (DESIGN §9): min+gzip of Lit alone, core + Lit, the full hausportal.js with its lazy chunks, and each
// widget on top of core + Lit. The comparison bundles are built here with esbuild from the workspace sources, with
// the lazily loaded packages (virtualizer, QR encoder) left out as they are separate chunks; the full bundle is the
// file `npm run build` writes (packages/portal/dist).
import { build } from 'esbuild';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { BenchContext, BenchModule, Measurement, Section } from './lib/types.js';

const kB = 1000;

export interface Sizes {
  min: number;
  gzip: number;
  brotli: number;
}

export function measure(code: Uint8Array): Sizes {
  return {
    min: code.byteLength,
    gzip: gzipSync(code, { level: 9 }).byteLength,
    brotli: brotliCompressSync(code, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).byteLength,
  };
}

/** Bundles `source` (an ES module importing workspace packages) minified into `outfile` and measures it. */
async function bundle(context: BenchContext, name: string, source: string): Promise<Sizes> {
  const outfile = join(context.tmp, `${name}.js`);
  await build({
    stdin: { contents: source, resolveDir: context.root, loader: 'ts', sourcefile: `${name}.entry.ts` },
    outfile,
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    legalComments: 'none',
    tsconfig: join(context.root, 'tsconfig.json'),
    define: { 'process.env.NODE_ENV': '"production"' },
    // Loaded with import() on first use: separate chunks in the portal build, listed there.
    external: ['@lit-labs/virtualizer', '@lit-labs/virtualizer/*', 'lean-qr'],
    logLevel: 'silent',
  });
  return measure(readFileSync(outfile));
}

function row(what: string, sizes: Sizes, budget?: Measurement['budget']): Measurement {
  const m: Measurement = { what, value: sizes.gzip, unit: 'B', extra: { min: sizes.min, brotli: sizes.brotli } };
  if (budget) m.budget = budget;
  return m;
}

const coreEntry = `export * from '@hausportal/core';\nimport '@hausportal/core/define.js';`;
const withWidget = (pkg: string) => `${coreEntry}\nexport * from '@hausportal/${pkg}';\nimport '@hausportal/${pkg}/define.js';`;

/** The widget packages measured on top of core + Lit (budget 8 kB each). */
const widgets: [pkg: string, label: string][] = [
  ['login', 'login (<hp-login>, <hp-profile>)'],
  ['unit-list', 'unit-list (<hp-unit-list>)'],
  ['statement', 'statement (<hp-statement> and its views)'],
];

const entries = { lit: `export * from 'lit';`, core: coreEntry };

export const sizes: BenchModule = {
  id: 'sizes',
  title: 'Bundle sizes (min+gzip, DESIGN §9)',
  async run(context): Promise<Section> {
    const notes: string[] = [
      'gzip level 9 and brotli quality 11 via node:zlib; comparison bundles: esbuild, minified, ES2022, production lit.',
      `comparison bundles written to ${context.tmp}`,
    ];
    const errors: string[] = [];
    const attempt = async (name: string, source: string): Promise<Sizes | null> => {
      try {
        return await bundle(context, name, source);
      } catch (error) {
        errors.push(`${name}: ${error instanceof Error ? error.message : String(error)}`);
        return null;
      }
    };
    const lit = await attempt('lit', entries.lit);
    const core = await attempt('core-lit', entries.core);
    const measurements: Measurement[] = [];
    if (lit) measurements.push(row('Lit alone', lit, { limit: 7 * kB, compare: 'max', note: '§9 reference "~7 kB"' }));
    if (core) measurements.push(row('core + Lit', core, { limit: 50 * kB, compare: 'max', note: 'part of the full bundle' }));
    for (const [pkg, label] of widgets) {
      const both = await attempt(`core-${pkg}-lit`, withWidget(pkg));
      if (!both || !core) continue;
      const diff = { min: both.min - core.min, gzip: both.gzip - core.gzip, brotli: both.brotli - core.brotli };
      measurements.push(row(`${label} on top of core + Lit`, diff, { limit: 8 * kB, compare: 'max', note: 'one widget' }));
    }
    notes.push('"X on top of core + Lit" = (core + X + Lit) − (core + Lit), both esbuild bundles without the lazy chunks.');

    const dist = join(context.root, 'packages/portal/dist');
    const full = join(dist, 'hausportal.js');
    if (existsSync(full)) {
      measurements.push(row('hausportal.js (portal build)', measure(readFileSync(full)), { limit: 50 * kB, compare: 'max' }));
      const lazy = readdirSync(dist, { recursive: true, encoding: 'utf8' }).filter(
        (file) => file.endsWith('.js') && file !== 'hausportal.js',
      );
      for (const file of lazy) measurements.push(row(`  lazy chunk ${file}`, measure(readFileSync(join(dist, file)))));
    } else {
      errors.push(`${relative(context.root, full)} is missing: run \`npm run build\` (npm run bench does) to measure it.`);
    }

    return { id: this.id, title: this.title, valueLabel: 'min+gzip', measurements, notes, errors };
  },
};
