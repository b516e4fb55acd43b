// The module graph of the portal build (packages/portal/dist): hausportal.js and every file of dist/chunks with its
// gzip size, the files it imports statically and with import(), what it holds (from its source map) and the tags it
// defines. From it: which files a page with given elements loads, i.e. what it transfers.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, normalize, resolve } from 'node:path';
import { measure, sum, type Sizes } from './bundle.js';

/** One file of the build. */
export interface Chunk {
  /** Path inside dist, e.g. `chunks/hp-login-Be5XRC5C.js`. */
  file: string;
  /** The file's name without its content hash: `hp-login`, `base`; `hausportal.js` for the loader. */
  name: string;
  sizes: Sizes;
  /** Files it imports statically (loaded with it) and with import() (loaded later, when used). */
  imports: string[];
  dynamicImports: string[];
  /** Its modules, as the source map names them (`core/src/hp-session.ts`, `lit-html/lit-html.js`). */
  sources: string[];
  /** The tags its modules register with define('hp-…'). */
  defines: string[];
}

export interface PortalBuild {
  dist: string;
  loader: Chunk;
  chunks: Chunk[];
}

const nameOf = (file: string) => file.replace(/^.*\//, '').replace(/-[\w-]{8}\.js$/, '').replace(/\.js$/, '');
/** A source map's source as `<package>/<path>`: `core/src/hp-session.ts`, `lit-html/lit-html.js`, `portal/src/base.ts`. */
const shortSource = (mapDir: string, source: string) =>
  resolve(mapDir, source)
    .replace(/\\/g, '/')
    .replace(/^.*\/node_modules\//, '')
    .replace(/^.*\/packages\//, '');
const DEFINE = /\bdefine\(\s*['"`](hp-[a-z-]+)['"`]/g;

/** Relative module specifiers of `code`: `from"./x.js"`, `import"./x.js"` (static) and `import("./x.js")` (dynamic). */
function specifiers(code: string): { imports: string[]; dynamicImports: string[] } {
  const found = (re: RegExp) => [...new Set([...code.matchAll(re)].map((m) => m[1]!))];
  return {
    imports: found(/(?:\bfrom|\bimport)\s*["'`](\.{1,2}\/[^"'`]+)["'`]/g),
    dynamicImports: found(/\bimport\(\s*["'`](\.{1,2}\/[^"'`]+)["'`]\s*\)/g),
  };
}

function readChunk(dist: string, file: string): Chunk {
  const code = readFileSync(join(dist, file));
  const { imports, dynamicImports } = specifiers(code.toString('utf8'));
  const inDist = (spec: string) => normalize(join(dirname(file), spec)).replace(/\\/g, '/');
  const mapFile = join(dist, `${file}.map`);
  const map = existsSync(mapFile) ? (JSON.parse(readFileSync(mapFile, 'utf8')) as { sources: string[]; sourcesContent?: (string | null)[] }) : { sources: [] };
  const defines = [...new Set((map.sourcesContent ?? []).flatMap((text) => [...(text ?? '').matchAll(DEFINE)].map((m) => m[1]!)))];
  return { file, name: nameOf(file), sizes: measure(code), imports: imports.map(inDist), dynamicImports: dynamicImports.map(inDist), sources: map.sources.map((source) => shortSource(dirname(mapFile), source)), defines };
}

/** Reads the build in `dist` (null when hausportal.js is missing). */
export function readPortalBuild(dist: string): PortalBuild | null {
  if (!existsSync(join(dist, 'hausportal.js'))) return null;
  const files = existsSync(join(dist, 'chunks')) ? readdirSync(join(dist, 'chunks')).filter((f) => f.endsWith('.js')) : [];
  return { dist, loader: readChunk(dist, 'hausportal.js'), chunks: files.sort().map((f) => readChunk(dist, `chunks/${f}`)) };
}

/** `files` with every file they import statically, transitively. */
export function withImports(build: PortalBuild, files: string[]): Chunk[] {
  const byFile = new Map([build.loader, ...build.chunks].map((c) => [c.file, c]));
  const seen = new Map<string, Chunk>();
  const visit = (file: string) => {
    const chunk = byFile.get(file);
    if (!chunk || seen.has(file)) return;
    seen.set(file, chunk);
    chunk.imports.forEach(visit);
  };
  files.forEach(visit);
  return [...seen.values()];
}

/** The chunk that registers `tag` (the loader's import for it), if any. */
export const chunkDefining = (build: PortalBuild, tag: string) => build.chunks.find((c) => c.defines.includes(tag));

/**
 * The chunk the loader fetches beside the first element: among the files hausportal.js imports with import(), the one
 * every other of them imports statically (Lit, core, the API client and `<hp-session>`; packages/portal/src/base.ts).
 */
export function baseChunk(build: PortalBuild): Chunk | undefined {
  const loaded = build.chunks.filter((c) => build.loader.dynamicImports.includes(c.file));
  return loaded.find((candidate) => loaded.every((c) => c === candidate || withImports(build, [c.file]).includes(candidate)));
}

/**
 * What a page holding `tags` loads: hausportal.js, the chunk it fetches beside the first element ({@link baseChunk}),
 * and each tag's chunk, all with their static imports. Throws for a tag no chunk defines.
 */
export function pageFiles(build: PortalBuild, tags: string[]): Chunk[] {
  const shared = baseChunk(build)?.file;
  const own = tags.map((tag) => {
    const chunk = chunkDefining(build, tag);
    if (!chunk) throw new Error(`no chunk of the build defines <${tag}>`);
    return chunk.file;
  });
  return withImports(build, [build.loader.file, ...(shared ? [shared] : []), ...own]);
}

/** The summed sizes of `chunks`. */
export const total = (chunks: Chunk[]): Sizes => sum(chunks.map((c) => c.sizes));

/**
 * What a chunk holds, in a few words: its modules counted by package (`login 14, api 1, lit-html 1`), the largest
 * first; a package's single module by its name.
 */
export function holds(chunk: Chunk): string {
  const packages = new Map<string, string[]>();
  for (const source of chunk.sources) {
    const parts = source.split('/');
    const name = parts[0]!.startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0]!;
    const list = packages.get(name) ?? [];
    list.push(parts.at(-1)!.replace(/\.(ts|js|mjs)$/, ''));
    packages.set(name, list);
  }
  return [...packages]
    .sort((a, b) => b[1].length - a[1].length)
    .map(([name, modules]) => (modules.length === 1 ? `${name} ${modules[0]}` : `${name} ${modules.length}`))
    .join(', ');
}
