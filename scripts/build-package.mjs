// `npm run build -w @hausportal/<name>` (the package's `build` script runs this in its own folder; `--clean` starts
// from an empty dist/): builds the package for npm, ES modules and declarations from src/ into dist/, with
// `tsc -b tsconfig.build.json` (which extends the root tsconfig.build.json and references the workspace packages it
// depends on, so they are built first, and nothing is compiled again while its inputs are older than its output).
// Around tsc, for the package and the workspace packages it depends on, dist/ is made to stand on its own:
// - declaration-only modules of src/ (packages/api/src/schema.d.ts, the types generated from openapi.yaml) are copied
//   along, since tsc emits nothing for a .d.ts;
// - declarations name `lit` where tsc wrote its inner package lit-html;
// - a module reached through a relative path into node_modules (core's xlsx-writer.ts takes write-excel-file's
//   synchronous writer that way; the package's exports do not list it) is bundled into dist/vendor/, because that path
//   does not exist once the package is installed somewhere else;
// - outputs of sources that are gone are removed;
// and the build fails when dist/ still names a `.ts` file, node_modules, the test helpers, or a package that is not a
// dependency, or when tsconfig.build.json's references differ from package.json's workspace dependencies.
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join, relative, resolve } from 'node:path';

const require = createRequire(import.meta.url);
const ts = require('typescript');
const packagesDir = resolve(process.cwd(), '..');
const scope = '@hausportal/';

/** package.json of the workspace package in folder `name` (under packages/). */
const manifestOf = (name) => JSON.parse(readFileSync(join(packagesDir, name, 'package.json'), 'utf8'));

/** The folder names of the workspace packages among `name`'s dependencies. */
const workspaceDependencies = (name) =>
  Object.keys(manifestOf(name).dependencies ?? {})
    .filter((dep) => dep.startsWith(scope))
    .map((dep) => dep.slice(scope.length));

/** `name` and every workspace package it depends on, directly or not, dependencies first. */
function closure(name, seen = new Set()) {
  if (seen.has(name)) return [];
  seen.add(name);
  return [...workspaceDependencies(name).flatMap((dep) => closure(dep, seen)), name];
}

/** Every file below `dir` whose name ends with `suffix` (none when `dir` does not exist). */
function filesIn(dir, suffix) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(suffix))
    .map((entry) => join(entry.parentPath, entry.name));
}

/** The module specifiers of `code`: static imports and exports, `import()` calls and `import("…")` types (TypeScript's scanner). */
const specifiers = (code) => ts.preProcessFile(code, true, true).importedFiles.map((f) => f.fileName);

/** Fails unless tsconfig.build.json of package `name` references exactly its workspace dependencies. */
function checkReferences(name) {
  const config = ts.readConfigFile(join(packagesDir, name, 'tsconfig.build.json'), ts.sys.readFile).config ?? {};
  const referenced = (config.references ?? []).map((r) => basename(dirname(resolve(packagesDir, name, r.path)))).sort();
  const needed = workspaceDependencies(name).sort();
  if (referenced.join() !== needed.join()) {
    console.error(`${name}: tsconfig.build.json references [${referenced}], package.json depends on [${needed}]`);
    process.exit(1);
  }
}

/** `tsc -b config` in this process (one TypeScript load for the check above and the build); false on errors. */
function compile(config) {
  const report = ts.createDiagnosticReporter(ts.sys, process.stdout.isTTY);
  const host = ts.createSolutionBuilderHost(ts.sys, undefined, report, report);
  return ts.createSolutionBuilder(host, [config], {}).build() === ts.ExitStatus.Success;
}

/** Copies each declaration-only module src/x.d.ts (one with exports, not an ambient `declare module`) to dist/x.d.ts. */
function copyDeclarationModules(dir) {
  for (const file of filesIn(join(dir, 'src'), '.d.ts')) {
    const code = readFileSync(file, 'utf8');
    if (!ts.isExternalModule(ts.createSourceFile(file, code, ts.ScriptTarget.Latest))) continue;
    const target = join(dir, 'dist', relative(join(dir, 'src'), file));
    if (existsSync(target) && readFileSync(target, 'utf8') === code) continue;
    mkdirSync(dirname(target), { recursive: true });
    copyFileSync(file, target);
  }
}

/**
 * Declarations that name Lit's inner package (`import("lit-html").TemplateResult<1>`, what tsc writes for a `render()`
 * without a declared return type) name `lit` instead, which re-exports all of lit-html: a package installed with only
 * its declared dependencies (lit, not lit-html) must find the type.
 */
function typesThroughLit(dir) {
  for (const file of filesIn(join(dir, 'dist'), '.d.ts')) {
    const code = readFileSync(file, 'utf8');
    const fixed = code.replaceAll('import("lit-html")', 'import("lit")');
    if (fixed !== code) writeFileSync(file, fixed);
  }
}

/** Bundles every module that dist/*.js reaches by a relative path into node_modules into dist/vendor/, and re-points the import. */
async function vendorRelativeNodeModules(dir) {
  const dist = join(dir, 'dist');
  for (const file of filesIn(dist, '.js')) {
    let code = readFileSync(file, 'utf8');
    const reached = [...new Set(specifiers(code).filter((s) => s.startsWith('.') && s.includes('/node_modules/')))];
    if (!reached.length) continue;
    const { build } = await import('esbuild');
    for (const spec of reached) {
      const outfile = join(dist, 'vendor', basename(spec));
      const entry = resolve(dirname(join(dir, 'src', relative(dist, file))), spec);
      await build({ entryPoints: [entry], outfile, bundle: true, minify: true, format: 'esm', target: 'es2022', platform: 'browser', logLevel: 'warning' });
      let local = relative(dirname(file), outfile);
      if (!local.startsWith('.')) local = `./${local}`;
      code = code.replaceAll(`'${spec}'`, `'${local}'`).replaceAll(`"${spec}"`, `"${local}"`);
    }
    writeFileSync(file, code);
  }
}

/** Removes dist/x.js and dist/x.d.ts whose src/x.ts (or src/x.d.ts) no longer exists. */
function removeStaleOutputs(dir) {
  const dist = join(dir, 'dist');
  for (const file of [...filesIn(dist, '.js'), ...filesIn(dist, '.d.ts')]) {
    const path = relative(dist, file);
    if (path.startsWith(`vendor/`)) continue;
    const stem = path.replace(/(\.d)?\.js$|\.d\.ts$/, '');
    if (!existsSync(join(dir, 'src', `${stem}.ts`)) && !existsSync(join(dir, 'src', `${stem}.d.ts`))) rmSync(file);
  }
}

/** `lit/decorators.js` → `lit`, `@lit/task` → `@lit/task`. */
const packageName = (spec) => spec.split('/').slice(0, spec.startsWith('@') ? 2 : 1).join('/');

/** The DefinitelyTyped name of package `name`: `culori` → `@types/culori`, `@scope/x` → `@types/scope__x`. */
const typesPackage = (name) => `@types/${name.replace(/^@([^/]+)\//, '$1__')}`;

/**
 * Whether the declarations in `file` find types for `spec` as a consumer's TypeScript would (NodeNext): from the package
 * itself (`types`, a `.d.ts`/`.d.mts` beside its code), or from `@types/…`, which then must be a dependency too.
 */
function typesFound(spec, file, listed) {
  const options = { module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext };
  const resolved = ts.resolveModuleName(spec, file, options, ts.sys).resolvedModule;
  if (!resolved || !/\.d\.[cm]?ts$/.test(resolved.resolvedFileName)) return false;
  return !resolved.resolvedFileName.includes('/node_modules/@types/') || listed.has(typesPackage(packageName(spec)));
}

/**
 * Fails when dist/ of package `name` imports a `.ts` file, node_modules by path, the test helpers, or a package that
 * package.json does not list in `dependencies` (an installed copy would not find it), or when its declarations import
 * a package without types of its own whose `@types/…` package is not a dependency as well.
 */
function checkSelfContained(name) {
  const dir = join(packagesDir, name);
  const manifest = manifestOf(name);
  const listed = new Set([manifest.name, ...Object.keys({ ...manifest.dependencies, ...manifest.peerDependencies })]);
  const wrong = [];
  for (const file of [...filesIn(join(dir, 'dist'), '.js'), ...filesIn(join(dir, 'dist'), '.d.ts')]) {
    for (const spec of specifiers(readFileSync(file, 'utf8'))) {
      const bare = spec.startsWith('.') || spec.startsWith('/') ? undefined : packageName(spec);
      const unlisted = bare !== undefined && !listed.has(bare);
      const untyped = bare !== undefined && bare !== manifest.name && file.endsWith('.d.ts') && !typesFound(spec, file, listed);
      if (/\.[cm]?ts$/.test(spec) || spec.includes('/node_modules/') || /\/testing(\.js|\/|$)/.test(spec) || unlisted || untyped) {
        wrong.push(`${relative(dir, file)}: ${spec}`);
      }
    }
  }
  if (existsSync(join(dir, 'dist', 'testing.js')) || existsSync(join(dir, 'dist', 'testing'))) wrong.push('dist/ holds the test helpers');
  if (wrong.length) {
    console.error(`${name}: dist/ is not self-contained:\n  ${wrong.join('\n  ')}`);
    process.exit(1);
  }
}

const started = performance.now();
const name = basename(process.cwd());
const packages = closure(name);
packages.forEach(checkReferences);
if (process.argv.includes('--clean')) rmSync(join(packagesDir, name, 'dist'), { recursive: true, force: true });
for (const dep of packages) copyDeclarationModules(join(packagesDir, dep));
if (!compile(join(packagesDir, name, 'tsconfig.build.json'))) process.exit(1);
for (const dep of packages) {
  const dir = join(packagesDir, dep);
  typesThroughLit(dir);
  await vendorRelativeNodeModules(dir);
  removeStaleOutputs(dir);
}
checkSelfContained(name);
console.log(`${name}: dist/ in ${Math.round(performance.now() - started)} ms`);
