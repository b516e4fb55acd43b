// The Custom Elements Manifests (packages/<package>/custom-elements.json, made by `npm run build` through
// scripts/manifest.mjs) are complete and current: made anew into a temporary folder they equal the files the build
// left; every tag registered with core's define() has a documented declaration; and each element's events, shadow
// parts and design tokens are exactly those its source code creates, renders and styles with (e2e/element-source.ts
// reads the code, independent of the JSDoc the manifest comes from).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { elementSource, repoRoot, tokenMap, type ElementSource } from './element-source.ts';
import { tokenRules } from '../packages/core/src/styles/tokens.ts';

interface Item {
  name: string;
  description?: string;
  summary?: string;
  type?: { text: string };
  inheritedFrom?: { name: string; package?: string; module?: string };
  kind?: string;
  attribute?: string;
}
interface Declaration extends Item {
  kind: string;
  tagName?: string;
  superclass?: { name: string; package?: string; module?: string };
  members?: Item[];
  attributes?: Item[];
  events?: Item[];
  slots?: Item[];
  cssParts?: Item[];
  cssProperties?: Item[];
}
interface Manifest {
  modules: Array<{ path: string; declarations?: Declaration[]; exports?: Array<{ kind: string; name: string; declaration: { name: string; module?: string; package?: string } }> }>;
}

const packagesDir = join(repoRoot, 'packages');
let outdir: string;
const manifests = new Map<string, Manifest>();

/**
 * Each `define('hp-…', Class)` (core's define(), which the widget packages register with) in the packages' sources:
 * tag, class and package folder. The portal bundle's `<hp-embed>`, a script of its own, uses `customElements.define`.
 */
function registeredTags(): Array<{ tag: string; className: string; folder: string }> {
  const found: Array<{ tag: string; className: string; folder: string }> = [];
  for (const folder of readdirSync(packagesDir)) {
    const src = join(packagesDir, folder, 'src');
    if (!existsSync(src)) continue;
    for (const entry of readdirSync(src, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile() || !entry.name.endsWith('.ts') || entry.name.endsWith('.test.ts')) continue;
      const code = readFileSync(join(entry.parentPath, entry.name), 'utf8');
      // `define('hp-x', HpX)`, or `define('hp-x', m.HpX)` for a class imported on demand.
      for (const m of code.matchAll(/(?<![.\w])define\(\s*'(hp-[a-z-]+)'\s*,\s*(?:\w+\.)?(\w+)/g)) found.push({ tag: m[1]!, className: m[2]!, folder });
    }
  }
  return found;
}

/** Every element declaration of the manifests, with its package folder and module. */
function elements(): Array<{ folder: string; path: string; decl: Declaration }> {
  return [...manifests].flatMap(([folder, manifest]) =>
    manifest.modules.flatMap((mod) => (mod.declarations ?? []).filter((decl) => decl.tagName).map((decl) => ({ folder, path: mod.path, decl }))),
  );
}

/** The TypeScript source of a manifest module path (`dist/views/charges.js` → `src/views/charges.ts`). */
const sourceOf = (folder: string, path: string) => join(packagesDir, folder, path.replace(/^dist\//, 'src/').replace(/\.js$/, '.ts'));

const names = (items: Item[] | undefined) => new Set((items ?? []).map((item) => item.name));
const sorted = (set: Iterable<string>) => [...set].sort();

/** Asserts that the manifest lists exactly what the code has, naming what is missing on either side. */
function sameSet(documented: Iterable<string>, code: Iterable<string>, what: string): void {
  const doc = new Set(documented);
  const found = new Set(code);
  const missing = sorted(found).filter((name) => !doc.has(name));
  const extra = sorted(doc).filter((name) => !found.has(name));
  assert.ok(!missing.length && !extra.length, `${what}: not in the JSDoc [${missing.join(', ')}]; not in the code [${extra.join(', ')}]`);
}

before(() => {
  outdir = mkdtempSync(join(tmpdir(), 'hp-manifest-'));
  const run = spawnSync(process.execPath, [join(repoRoot, 'scripts', 'manifest.mjs'), '--outdir', outdir], { encoding: 'utf8' });
  assert.equal(run.status, 0, `scripts/manifest.mjs failed:\n${run.stderr}`);
  for (const folder of readdirSync(outdir)) manifests.set(folder, JSON.parse(readFileSync(join(outdir, folder, 'custom-elements.json'), 'utf8')) as Manifest);
});

after(() => rmSync(outdir, { recursive: true, force: true }));

describe('custom-elements.json of each widget package', () => {
  test('each package with elements has one, referenced by package.json, and it is current (npm run build writes it)', () => {
    const folders = new Set(registeredTags().map((t) => t.folder));
    assert.deepEqual(sorted(manifests.keys()), sorted(folders), 'scripts/manifest.mjs writes one per package that defines elements');
    for (const folder of folders) {
      const pkg = JSON.parse(readFileSync(join(packagesDir, folder, 'package.json'), 'utf8')) as { customElements?: string; files?: string[] };
      assert.equal(pkg.customElements, 'custom-elements.json', `${folder}/package.json names its manifest`);
      assert.ok(pkg.files?.includes('custom-elements.json'), `${folder}/package.json packs its manifest`);
      const built = join(packagesDir, folder, 'custom-elements.json');
      assert.ok(existsSync(built), `packages/${folder}/custom-elements.json is missing: run npm run build (or npm run manifest)`);
      const fresh = readFileSync(join(outdir, folder, 'custom-elements.json'), 'utf8');
      assert.equal(readFileSync(built, 'utf8'), fresh, `packages/${folder}/custom-elements.json is out of date: run npm run manifest`);
      for (const mod of manifests.get(folder)!.modules) {
        assert.ok(existsSync(join(packagesDir, folder, mod.path)), `packages/${folder}/${mod.path} (named by the manifest) was built`);
      }
    }
  });

  test("the analyzer's own command with the root config gives the same manifest", () => {
    const cli = join(repoRoot, 'node_modules', '@custom-elements-manifest', 'analyzer', 'cem.js');
    const cwd = join(packagesDir, 'login');
    const dir = join(outdir, 'cli');
    const config = join(repoRoot, 'custom-elements-manifest.config.mjs');
    // The analyzer joins its working directory and --outdir, so the folder is given relative to it.
    const run = spawnSync(process.execPath, [cli, 'analyze', '--config', config, '--outdir', relative(cwd, dir), '--quiet'], { cwd, encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    assert.deepEqual(JSON.parse(readFileSync(join(dir, 'custom-elements.json'), 'utf8')), manifests.get('login'));
  });

  test('module paths are those of the built package (dist/…js), and each has its TypeScript source', () => {
    for (const [folder, manifest] of manifests) {
      for (const mod of manifest.modules) {
        assert.match(mod.path, /^dist\/.+\.js$/, `${folder}: ${mod.path}`);
        assert.ok(existsSync(sourceOf(folder, mod.path)), `${folder}: ${mod.path} has no source`);
        for (const ex of mod.exports ?? []) if (ex.declaration.module) assert.match(ex.declaration.module, /^dist\/.+\.js$/, `${folder}: export ${ex.name}`);
      }
    }
  });
});

describe('every registered tag', () => {
  test('has a declaration of its class with a summary, and a definition in a module of its package', () => {
    // A tag may be registered in more places (the shell registers widgets lazily); its class is declared once.
    const tags = new Map(registeredTags().map((t) => [t.tag, t.className]));
    assert.ok(tags.size >= 17, `found ${tags.size} tags`);
    for (const [tag, className] of tags) {
      const found = elements().filter((e) => e.decl.tagName === tag);
      assert.equal(found.length, 1, `<${tag}> is declared once in all manifests`);
      const { folder, decl } = found[0]!;
      assert.equal(decl.name, className, `<${tag}>`);
      assert.ok((decl.summary ?? '').trim().length > 20, `<${tag}> has a summary`);
      // Defined by the package's define.js, or (<hp-overview>, loaded when the portal shows it) by a module of its own.
      const definitions = manifests.get(folder)!.modules.flatMap((m) => m.exports ?? []);
      assert.ok(definitions.some((e) => e.kind === 'custom-element-definition' && e.name === tag), `<${tag}> defined in a module of ${folder}`);
    }
  });

  test('documents every attribute, public property, method, slot, event, part and CSS property', () => {
    for (const { decl } of elements()) {
      const own = [...(decl.members ?? []), ...(decl.attributes ?? [])].filter((item) => !item.inheritedFrom);
      const items = [...own, ...(decl.slots ?? []), ...(decl.events ?? []), ...(decl.cssParts ?? []), ...(decl.cssProperties ?? [])];
      for (const item of items) assert.ok(item.description?.trim(), `<${decl.tagName}> ${item.kind ?? ''} "${item.name}" has no description`);
    }
  });
});

describe('each element against its source code', () => {
  const tokens = tokenMap(tokenRules(':host'));
  const designTokens = new Set([...tokens.values()].flat());
  const sources = new Map<string, ElementSource>();
  const source = (folder: string, path: string, decl: Declaration) => {
    const key = `${folder}/${decl.name}`;
    if (!sources.has(key)) sources.set(key, elementSource(sourceOf(folder, path), decl.name, new Set(elements().map((e) => e.decl.name))));
    return sources.get(key)!;
  };

  test('its events are those it creates, each with the event class as type', () => {
    let count = 0;
    for (const { folder, path, decl } of elements()) {
      const code = source(folder, path, decl).events;
      sameSet(names(decl.events), code.keys(), `<${decl.tagName}> events`);
      for (const event of decl.events ?? []) {
        assert.equal(event.type?.text, code.get(event.name), `<${decl.tagName}> ${event.name} has the type of the class it is made of`);
        count++;
      }
    }
    assert.ok(count >= 15, `${count} events`);
  });

  test('its CSS parts are the part="…" attributes its templates render (its own and its base classes\')', () => {
    for (const { folder, path, decl } of elements()) {
      sameSet(names(decl.cssParts), source(folder, path, decl).parts, `<${decl.tagName}> parts`);
    }
  });

  test('its CSS properties are the --hp-* tokens its styles use; <hp-session>, which carries them, lists them all', () => {
    for (const { folder, path, decl } of elements()) {
      const used = new Set<string>();
      for (const name of source(folder, path, decl).vars) {
        for (const token of name.startsWith('--hp-') ? [name] : (tokens.get(name) ?? [])) used.add(token);
      }
      const expected = decl.tagName === 'hp-session' ? new Set([...designTokens, ...used]) : used;
      sameSet(names(decl.cssProperties), expected, `<${decl.tagName}> CSS properties`);
    }
  });
});
