// Bundle sizes (DESIGN §9): min+gzip of Lit alone, core + Lit, each widget on top of core + Lit with the packages it
// loads lazily, and the full hausportal.js with its chunks. The comparison bundles are built here with esbuild from
// the workspace sources, the lazily loaded packages (virtualizer, QR encoder, Excel writer with write-excel-file) left
// out of them and measured on their own; the full bundle is the file `npm run build` writes (packages/portal/dist).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { bundle, lazyChunk, lazyPackages, measure, type Bundle, type Sizes } from './lib/bundle.js';
import type { BenchContext, BenchModule, Measurement, Section } from './lib/types.js';

const kB = 1000;

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
  ['documents', 'documents (<hp-documents>)'],
  ['message-form', 'message-form (<hp-message-form>)'],
  ['ticket-list', 'ticket-list (<hp-ticket-list>)'],
  ['bulletin-board', 'bulletin-board (<hp-bulletin-board>)'],
  ['chat-bot', 'chat-bot (<hp-chat-bot>)'],
  ['shell', 'shell (<hp-portal>, <hp-overview>)'],
];

/**
 * The widgets' registrations, which the shell's define.js imports (`<hp-portal>` shows every widget): left out of the
 * shell's bundles (they are the rows above), so its row is the portal's own part on top of core + Lit.
 */
const widgetDefines = widgets.filter(([pkg]) => pkg !== 'shell').map(([pkg]) => `@hausportal/${pkg}/define.js`);

/** Newest modification time of the files under `dir` (0 when it does not exist). */
function newest(dir: string): number {
  if (!existsSync(dir)) return 0;
  return Math.max(0, ...readdirSync(dir, { recursive: true, encoding: 'utf8' }).map((f) => statSync(join(dir, f)).mtimeMs));
}

/** The portal build and its chunks, flagged when a package's source changed after it was built. */
function portal(root: string, measurements: Measurement[], notes: string[], errors: string[]): void {
  const dist = join(root, 'packages/portal/dist');
  const full = join(dist, 'hausportal.js');
  if (!existsSync(full)) {
    errors.push(`${relative(root, full)} is missing: run \`npm run build\` (npm run bench does) to measure it.`);
    return;
  }
  measurements.push(row('hausportal.js (portal build)', measure(readFileSync(full)), { limit: 50 * kB, compare: 'max', note: 'lazy chunks not counted' }));
  const chunks = readdirSync(dist, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.js') && f !== 'hausportal.js');
  for (const file of chunks.sort()) measurements.push(row(`  lazy chunk ${file}`, measure(readFileSync(join(dist, file)))));
  const sources = Math.max(...readdirSync(join(root, 'packages')).map((p) => newest(join(root, 'packages', p, 'src'))));
  if (sources > statSync(full).mtimeMs) notes.push('hausportal.js is older than the package sources: `npm run bench` rebuilds it first.');
}

export const sizes: BenchModule = {
  id: 'sizes',
  title: 'Bundle sizes (min+gzip, DESIGN §9)',
  async run(context: BenchContext): Promise<Section> {
    const notes: string[] = [
      'gzip level 9 and brotli quality 11 via node:zlib; comparison bundles: esbuild, minified, ES2022, production Lit.',
      '"X on top of core + Lit" = (core + X + Lit) − (core + Lit), both without the lazily loaded packages;',
      '"lazy" rows: what X loads with import() on first use, bundled alone without what the main bundle already holds (Lit; for a widget part also core and the API client); virtualizer and Excel writer are shared by the lists.',
    ];
    const errors: string[] = [];
    const attempt = async (name: string, source: string, build = () => bundle(context, name, source)): Promise<Bundle | null> => {
      try {
        return await build();
      } catch (error) {
        errors.push(`${name}: ${error instanceof Error ? error.message : String(error)}`);
        return null;
      }
    };
    const lit = await attempt('lit', `export * from 'lit';`);
    const core = await attempt('core-lit', coreEntry);
    const measurements: Measurement[] = [];
    if (lit) measurements.push(row('Lit alone', lit.sizes, { limit: 7 * kB, compare: 'max', note: '§9 reference "~7 kB"' }));
    if (core) measurements.push(row('core + Lit', core.sizes, { limit: 50 * kB, compare: 'max', note: 'part of the full bundle' }));
    const lazySizes = new Map<string, Bundle | null>();
    for (const [pkg, label] of widgets) {
      if (!existsSync(join(context.root, 'packages', pkg, 'src/define.ts'))) {
        notes.push(`${label}: not built yet (packages/${pkg}/src/define.ts is missing), not measured.`);
        continue;
      }
      const external = pkg === 'shell' ? [...lazyPackages, ...widgetDefines] : undefined;
      const both = await attempt(`core-${pkg}-lit`, withWidget(pkg), () => bundle(context, `core-${pkg}-lit`, withWidget(pkg), { external }));
      // The widget alone, tree-shaken, tells which lazy packages it needs itself (core as a whole lists them all).
      const source = `import '@hausportal/${pkg}/define.js';`;
      const alone = await attempt(`${pkg}-alone`, source, () => bundle(context, `${pkg}-alone`, source, { external }));
      if (!both || !core || !alone) continue;
      const diff = { min: both.sizes.min - core.sizes.min, gzip: both.sizes.gzip - core.sizes.gzip, brotli: both.sizes.brotli - core.sizes.brotli };
      measurements.push(row(`${label} on top of core + Lit`, diff, { limit: 8 * kB, compare: 'max', note: 'one widget' }));
      for (const specifier of alone.dynamicImports) {
        if (!lazySizes.has(specifier)) lazySizes.set(specifier, await attempt(`lazy ${specifier}`, '', () => lazyChunk(context, specifier)));
        const lazy = lazySizes.get(specifier);
        if (lazy) measurements.push(row(`  ${pkg} lazy: ${specifier} (${lazy.files} file${lazy.files > 1 ? 's' : ''})`, lazy.sizes));
      }
    }
    portal(context.root, measurements, notes, errors);
    return { id: this.id, title: this.title, valueLabel: 'min+gzip', measurements, notes, errors };
  },
};
