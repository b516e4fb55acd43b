// esbuild bundles for the size bench: one minified ES module from a source string, its sizes, and the packages it
// loads with import() (kept out of the bundle as they become lazy chunks in the portal build).
import { build, type Metafile, type Plugin } from 'esbuild';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { BenchContext } from './types.js';

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

export const sum = (parts: Sizes[]): Sizes =>
  parts.reduce((a, b) => ({ min: a.min + b.min, gzip: a.gzip + b.gzip, brotli: a.brotli + b.brotli }), { min: 0, gzip: 0, brotli: 0 });

/**
 * Packages the widgets load with import(): separate chunks in the portal build (core's Excel writer brings
 * write-excel-file and fflate).
 */
export const lazyPackages = ['@lit-labs/virtualizer', '@lit-labs/virtualizer/*', 'lean-qr', '@hausportal/core/xlsx-writer.js', '@hausportal/message-form/fill.js'];
/** Already inside the main bundle when a lazy chunk loads, so left out of the chunk's size. */
const litPackages = ['lit', 'lit/*', 'lit-html', 'lit-html/*', 'lit-element', 'lit-element/*', '@lit/reactive-element', '@lit/reactive-element/*'];
/**
 * Also already loaded when a widget's own lazy part loads (the form filling of <hp-message-form>): core, the API
 * client and Lit's helpers. esbuild counts a package's subpaths as external with it, so a lazy part of one of these
 * packages (core's Excel writer) is measured with its own package bundled.
 */
const mainBundlePackages = [...litPackages, '@lit/localize', '@lit/context', '@lit/task', '@hausportal/core', '@hausportal/api'];

export interface Bundle {
  /** All output files together (one file unless `split`). */
  sizes: Sizes;
  files: number;
  /** Specifiers of the external packages the bundle loads with import(). */
  dynamicImports: string[];
}

/**
 * Keeps every import() out of the bundle: what a widget loads on first use (its lazy packages, and for the portal the
 * widgets of its views) is not part of its own size; the specifiers are listed as its dynamic imports.
 */
const dynamicExternal: Plugin = {
  name: 'dynamic-imports-external',
  setup(build) {
    build.onResolve({ filter: /.*/ }, (args) => (args.kind === 'dynamic-import' ? { path: args.path, external: true } : undefined));
  },
};

/**
 * Bundles `source` (an ES module importing workspace packages) minified into `context.tmp/name/` and measures it.
 * `split`: the bundle's own import() calls become chunks of it (for a lazy package measured alone); otherwise every
 * import() stays outside the bundle.
 */
export async function bundle(context: BenchContext, name: string, source: string, options: { external?: string[]; split?: boolean } = {}): Promise<Bundle> {
  const outdir = join(context.tmp, name);
  const result = await build({
    absWorkingDir: context.root,
    stdin: { contents: source, resolveDir: context.root, loader: 'ts', sourcefile: `${name}.entry.ts` },
    outdir,
    bundle: true,
    splitting: options.split ?? false,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    legalComments: 'none',
    metafile: true,
    tsconfig: join(context.root, 'tsconfig.json'),
    define: { 'process.env.NODE_ENV': '"production"' },
    // `source`: the workspace packages from their TypeScript sources (their package.json exports), not a dist/ build.
    conditions: ['source', 'browser', 'production'],
    external: options.external ?? lazyPackages,
    plugins: options.split ? [] : [dynamicExternal],
    logLevel: 'silent',
  });
  const outputs = Object.entries(result.metafile.outputs).filter(([file]) => file.endsWith('.js'));
  return {
    sizes: sum(outputs.map(([file]) => measure(readFileSync(join(context.root, file))))),
    files: outputs.length,
    dynamicImports: dynamicImports(result.metafile),
  };
}

function dynamicImports(metafile: Metafile): string[] {
  const found = Object.values(metafile.outputs).flatMap((o) => o.imports.filter((i) => i.external && i.kind === 'dynamic-import').map((i) => i.path));
  return [...new Set(found)].sort();
}

/**
 * A package loaded with import(), bundled on its own with what the main bundle already holds (Lit, core, the API
 * client) left out; its own import() calls become chunks.
 */
export const lazyChunk = (context: BenchContext, specifier: string) =>
  bundle(context, `lazy-${specifier.replace(/[^a-z0-9]+/gi, '-')}`, `export * from '${specifier}';`, {
    external: mainBundlePackages.filter((name) => specifier !== name && !specifier.startsWith(`${name}/`)),
    split: true,
  });
