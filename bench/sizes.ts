// Bundle sizes (DESIGN §9 as amended by issue 15): min+gzip of Lit alone, core + Lit, each widget on top of core + Lit
// with the packages it loads lazily, and the portal build: the loader hausportal.js, every chunk, what a page with one
// element transfers and the full portal. The comparison bundles are built here with esbuild from the workspace
// sources, everything loaded with import() (virtualizer, QR encoder, Excel writer, the portal's views) left out of
// them and the lazy packages measured on their own; the portal build is what `npm run build` writes
// (packages/portal/dist), read through its module graph (lib/chunks.ts).
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { bundle, lazyChunk, lazyPackages, type Bundle, type Sizes } from './lib/bundle.js';
import { baseChunk, holds, pageFiles, readPortalBuild, total, type Chunk, type PortalBuild } from './lib/chunks.js';
import type { BenchContext, BenchModule, Measurement, Section } from './lib/types.js';

const kB = 1000;

function row(what: string, sizes: Sizes, budget?: Measurement['budget'], holds?: string): Measurement {
  const m: Measurement = { what, value: sizes.gzip, unit: 'B', extra: { min: sizes.min, brotli: sizes.brotli } };
  if (holds !== undefined) m.extra!.holds = holds;
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
 * The widgets' registrations, which the portal imports when it first shows a view: left out of the shell's bundles
 * (they are the rows above), so its row is the portal's own part on top of core + Lit.
 */
const widgetDefines = widgets.filter(([pkg]) => pkg !== 'shell').map(([pkg]) => `@hausportal/${pkg}/define.js`);

/** Newest modification time of the files under `dir` (0 when it does not exist). */
function newest(dir: string): number {
  if (!existsSync(dir)) return 0;
  return Math.max(0, ...readdirSync(dir, { recursive: true, encoding: 'utf8' }).map((f) => statSync(join(dir, f)).mtimeMs));
}

/** The elements a page may hold, each alone in an `<hp-session>`; the first is budgeted (DESIGN §9 as amended by issue 15). */
const pages: [label: string, tags: string[]][] = [
  ['<hp-login>', ['hp-session', 'hp-login']],
  ['<hp-profile>', ['hp-session', 'hp-profile']],
  ['<hp-unit-list>', ['hp-session', 'hp-unit-list']],
  ['<hp-statement>', ['hp-session', 'hp-statement']],
  ['<hp-documents>', ['hp-session', 'hp-documents']],
  ['<hp-bulletin-board>', ['hp-session', 'hp-bulletin-board']],
  ['<hp-ticket-list>', ['hp-session', 'hp-ticket-list']],
  ['<hp-message-form>', ['hp-session', 'hp-message-form']],
  ['<hp-chat-bot>', ['hp-session', 'hp-chat-bot']],
  ['<hp-portal>, signed out (its login)', ['hp-session', 'hp-portal', 'hp-login']],
];

/** Every element the portal shows once each view was opened (without what loads on first use inside a view). */
const portalTags = ['hp-session', 'hp-portal', 'hp-login', 'hp-profile', 'hp-unit-list', 'hp-statement', 'hp-documents', 'hp-bulletin-board', 'hp-ticket-list', 'hp-message-form', 'hp-chat-bot'];

/** What a chunk of the build is for: an element's own code, shared by several, or loaded on first use inside one. */
function kindOf(build: PortalBuild, chunk: Chunk): 'element' | 'shared' | 'first use' {
  const fromLoader = build.loader.dynamicImports.includes(chunk.file);
  if (fromLoader && chunk.defines.length && chunk !== baseChunk(build)) return 'element';
  const importedStatically = build.chunks.some((c) => c.imports.includes(chunk.file));
  return fromLoader || importedStatically ? 'shared' : 'first use';
}

const chunkRow = (build: PortalBuild, chunk: Chunk): Measurement => {
  const kind = kindOf(build, chunk);
  const tags = chunk.defines.length ? ` <${chunk.defines.slice(0, 2).join('>, <')}>${chunk.defines.length > 2 ? ' …' : ''}` : '';
  return row(`  chunk ${chunk.name} (${kind})${tags}`, chunk.sizes, kind === 'element' ? { limit: 8 * kB, compare: 'max', note: 'each widget chunk' } : undefined, holds(chunk));
};

/**
 * The portal build (packages/portal/dist, as `npm run build` wrote it): the loader hausportal.js, every chunk (what it
 * holds, and for an element's own chunk the 8 kB budget), what a page with each element transfers (the loader, the
 * shared chunks and the element's, from the build's module graph), the portal with every view opened, and every file
 * together. Flagged when a package's source changed after the build.
 */
function portal(root: string, measurements: Measurement[], notes: string[], errors: string[]): void {
  const dist = join(root, 'packages/portal/dist');
  const build = readPortalBuild(dist);
  if (!build) {
    errors.push(`${relative(root, join(dist, 'hausportal.js'))} is missing: run \`npm run build\` (npm run bench does) to measure it.`);
    return;
  }
  measurements.push(row('hausportal.js (the loader)', build.loader.sizes, { limit: 30 * kB, compare: 'max', note: 'entry' }));
  const order = { shared: 0, element: 1, 'first use': 2 } as const;
  const sorted = [...build.chunks].sort((a, b) => order[kindOf(build, a)] - order[kindOf(build, b)] || b.sizes.gzip - a.sizes.gzip);
  measurements.push(...sorted.map((chunk) => chunkRow(build, chunk)));
  for (const [label, tags] of pages) {
    try {
      const files = pageFiles(build, tags);
      const budget = tags.includes('hp-login') && tags.length === 2 ? { limit: 35 * kB, compare: 'max' as const, note: 'page with only <hp-login>' } : undefined;
      measurements.push(row(`page with only ${label}: everything it loads`, total(files), budget, files.map((c) => c.name).join(' + ')));
    } catch (error) {
      errors.push(`${label}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  const everyView = pageFiles(build, portalTags);
  measurements.push(row('portal with every view opened (not: Excel, virtualizer, QR code, form filling)', total(everyView), undefined, `${everyView.length} files`));
  const all = [build.loader, ...build.chunks];
  measurements.push(row('the full portal: hausportal.js + every chunk', total(all), { limit: 110 * kB, compare: 'max', note: 'lazy chunks included' }, `${all.length} files`));
  notes.push(
    'Portal build: "element" = an element\'s own chunk, which hausportal.js imports when the tag first appears; "shared" = imported by several',
    '(base: Lit, core, the API client and <hp-session>, fetched beside the first element); "first use" = loaded inside a widget when needed.',
    '"page with only X": hausportal.js + base + X\'s chunk with every chunk they import (the build\'s module graph), gzip -9 each, summed.',
  );
  const sources = Math.max(...readdirSync(join(root, 'packages')).map((p) => newest(join(root, 'packages', p, 'src'))));
  if (sources > statSync(join(dist, 'hausportal.js')).mtimeMs) notes.push('hausportal.js is older than the package sources: `npm run bench` rebuilds it first.');
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
      // The portal's views (the widgets' define modules, its own login and profile modules) are the rows above.
      for (const specifier of alone.dynamicImports.filter((s) => !s.startsWith('.') && !widgetDefines.includes(s))) {
        if (!lazySizes.has(specifier)) lazySizes.set(specifier, await attempt(`lazy ${specifier}`, '', () => lazyChunk(context, specifier)));
        const lazy = lazySizes.get(specifier);
        if (lazy) measurements.push(row(`  ${pkg} lazy: ${specifier} (${lazy.files} file${lazy.files > 1 ? 's' : ''})`, lazy.sizes));
      }
    }
    portal(context.root, measurements, notes, errors);
    return { id: this.id, title: this.title, valueLabel: 'min+gzip', measurements, notes, errors };
  },
};
