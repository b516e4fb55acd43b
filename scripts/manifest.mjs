// Writes packages/<package>/custom-elements.json, the Custom Elements Manifest of each widget package, from the element
// classes' JSDoc (see custom-elements-manifest.config.mjs). The files are build output (git-ignored, shipped by npm
// pack through each package's `customElements` field).
//
//   npm run manifest                          every widget package
//   node scripts/manifest.mjs login core      the named package folders
//   node ../../scripts/manifest.mjs           in a package's folder (its build): that package
//   node scripts/manifest.mjs --outdir DIR    into DIR/<package>/custom-elements.json instead
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyzePackage, packages } from '../custom-elements-manifest.config.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The manifest as written: two-space JSON with a final newline. */
export function manifestText(manifest) {
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

/**
 * The package folders a run writes: those named; else, in a package's folder, that one (an error for a package
 * without elements, such as api); else all.
 */
export function chosenPackages(names, cwd = process.cwd()) {
  if (names.length) return names;
  const here = relative(join(root, 'packages'), cwd);
  if (here === '' || here.startsWith('..')) return Object.keys(packages);
  const folder = here.split(/[\\/]/)[0];
  if (!(folder in packages)) throw new Error(`packages/${folder} has no custom elements (known: ${Object.keys(packages).join(', ')})`);
  return [folder];
}

/**
 * One manifest of all widget packages (for Storybook's docs, which read a single manifest): their modules side by
 * side, each module path prefixed with its package name (`@hausportal/login/dist/hp-login.js`) so paths stay unique.
 */
export function mergedManifest() {
  const modules = Object.keys(packages).flatMap((folder) =>
    analyzePackage(folder).modules.map((mod) => ({ ...mod, path: `@hausportal/${folder}/${mod.path}` })),
  );
  return { schemaVersion: '1.0.0', readme: '', modules };
}

/** The source files the manifests are made from (absolute paths), e.g. for a watcher. */
export function analyzedSources() {
  return Object.entries(packages).flatMap(([folder, files]) => files.map((file) => join(root, 'packages', folder, file)));
}

/** Writes the manifest of each package folder in `folders` (below `outdir` when given); returns the paths written. */
export function writeManifests(folders, outdir) {
  return folders.map((folder) => {
    const dir = outdir ? join(outdir, folder) : join(root, 'packages', folder);
    mkdirSync(dir, { recursive: true });
    const path = join(dir, 'custom-elements.json');
    writeFileSync(path, manifestText(analyzePackage(folder)));
    return path;
  });
}

/** `[names, outdir]` from the command line: `--outdir DIR` and package folder names. */
function parseArgs(args) {
  const at = args.indexOf('--outdir');
  if (at < 0) return [args, undefined];
  const outdir = args[at + 1];
  if (!outdir) throw new Error('--outdir needs a folder');
  return [args.filter((_, i) => i !== at && i !== at + 1), resolve(outdir)];
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const [names, outdir] = parseArgs(process.argv.slice(2));
    for (const path of writeManifests(chosenPackages(names), outdir)) console.log(`wrote ${relative(process.cwd(), path) || path}`);
  } catch (error) {
    console.error(`manifest: ${error instanceof Error ? error.message : error}`);
    process.exitCode = 1;
  }
}
