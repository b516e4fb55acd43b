/** A Custom Elements Manifest (schema 1.0.0), as far as the repository's tools read it. */
export interface CustomElementsManifest {
  schemaVersion: string;
  readme: string;
  modules: Array<{ kind: string; path: string; declarations?: unknown[]; exports?: unknown[] }>;
}
/** The manifest as written: two-space JSON with a final newline. */
export function manifestText(manifest: CustomElementsManifest): string;
/** The package folders a run writes: those named; else, in a package's folder, that one; else all. */
export function chosenPackages(names: string[], cwd?: string): string[];
/** One manifest of all widget packages, module paths prefixed with their package name. */
export function mergedManifest(): CustomElementsManifest;
/** The source files the manifests are made from (absolute paths). */
export function analyzedSources(): string[];
/** Writes the manifest of each package folder (below `outdir` when given); returns the paths written. */
export function writeManifests(folders: string[], outdir?: string): string[];
