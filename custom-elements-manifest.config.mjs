// Custom Elements Manifest (https://github.com/webcomponents/custom-elements-manifest) of every widget package,
// made by @custom-elements-manifest/analyzer from the element classes' JSDoc (@summary, @fires, @slot, @csspart,
// @cssprop, @attr) and Lit's decorators. `npm run manifest` (scripts/manifest.mjs) writes
// packages/<package>/custom-elements.json for all of them; each package's build runs it for itself. The analyzer's own
// command works too, from a package's folder:
//   npx custom-elements-manifest analyze --config ../../custom-elements-manifest.config.mjs
import { readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { create, ts } from '@custom-elements-manifest/analyzer';
import { litPlugin } from '@custom-elements-manifest/analyzer/src/features/framework-plugins/lit/lit.js';

const root = dirname(fileURLToPath(import.meta.url));

/**
 * The files analyzed in each widget package, relative to the package's folder: the entry points (`index.ts`, whose
 * exports name the classes, and `define.ts`, whose `define('hp-…', Class)` calls give the tag names) and every module
 * that declares an element class. Plain file names, so they read the same as globs for the analyzer's command.
 */
export const packages = {
  core: ['src/index.ts', 'src/define.ts', 'src/hp-element.ts', 'src/hp-session.ts'],
  login: ['src/index.ts', 'src/define.ts', 'src/hp-login.ts', 'src/hp-profile.ts'],
  'unit-list': ['src/index.ts', 'src/define.ts', 'src/hp-unit-list.ts'],
  statement: [
    'src/index.ts',
    'src/define.ts',
    'src/hp-statement.ts',
    'src/view.ts',
    'src/views/charges.ts',
    'src/views/ledger.ts',
    'src/views/open-items.ts',
    'src/views/expenses.ts',
    'src/qr.ts',
    'src/views/load.ts',
  ],
  documents: ['src/index.ts', 'src/define.ts', 'src/hp-documents.ts'],
  'message-form': ['src/index.ts', 'src/define.ts', 'src/hp-message-form.ts'],
  'ticket-list': ['src/index.ts', 'src/define.ts', 'src/hp-ticket-list.ts'],
  'bulletin-board': ['src/index.ts', 'src/define.ts', 'src/hp-bulletin-board.ts'],
  'chat-bot': ['src/index.ts', 'src/define.ts', 'src/hp-chat-bot.ts'],
  shell: ['src/index.ts', 'src/define.ts', 'src/hp-portal.ts', 'src/overview/hp-overview.ts', 'src/elements/hp-overview.ts'],
};

/** The npm name of a package folder: `login` → `@hausportal/login`. */
export const packageName = (folder) => `@hausportal/${folder}`;

/** Where a source module is found by those who install the package: `src/views/charges.ts` → `dist/views/charges.js`. */
export function distPath(path) {
  return path.replace(/^\/+/, '').replace(/^src\//, 'dist/').replace(/\.ts$/, '.js');
}

/**
 * Tag names from core's `define('hp-…', Class)` (packages/core/src/define-element.ts), which the analyzer does not
 * know: each call becomes a `custom-element-definition` export of its module, as `customElements.define()` would, so
 * the analyzer links the class to its tag. The class is found through the module's imports (`context.imports`,
 * gathered by the analyzer before this phase).
 */
export function defineCallsPlugin() {
  return {
    name: 'hausportal-define-calls',
    analyzePhase({ ts, node, moduleDoc, context }) {
      if (!ts.isCallExpression(node) || !ts.isIdentifier(node.expression) || node.expression.text !== 'define') return;
      const [tag, klass] = node.arguments;
      if (!tag || !klass || !ts.isStringLiteral(tag) || !tag.text.startsWith('hp-')) return;
      // `define('hp-x', m.HpX)` inside `import('./x.js').then((m) => …)`: an element loaded on demand (statement's views).
      const lazy = ts.isPropertyAccessExpression(klass) ? lazyModule(ts, node) : null;
      if (!ts.isIdentifier(klass) && !lazy) return;
      const name = ts.isIdentifier(klass) ? klass.text : klass.name.text;
      const imported = lazy ? null : context.imports?.find((entry) => entry.name === name);
      const declaration = { name };
      if (imported?.isBareModuleSpecifier) declaration.package = imported.importPath;
      else declaration.module = new URL(lazy ?? imported?.importPath ?? `/${moduleDoc.path}`, `file:///${moduleDoc.path}`).pathname;
      moduleDoc.exports = [...(moduleDoc.exports ?? []), { kind: 'custom-element-definition', name: tag.text, declaration }];
    },
  };
}

/**
 * The module of `import('…').then(…)` (or `Promise.all([import('…'), …]).then(…)`) around `node`, or null.
 */
function lazyModule(ts, node) {
  for (let at = node.parent; at; at = at.parent) {
    if (!ts.isCallExpression(at) || !ts.isPropertyAccessExpression(at.expression) || at.expression.name.text !== 'then') continue;
    let source = at.expression.expression;
    if (ts.isCallExpression(source) && ts.isPropertyAccessExpression(source.expression) && source.expression.name.text === 'all') {
      source = ts.isArrayLiteralExpression(source.arguments[0]) ? source.arguments[0].elements[0] : undefined;
    }
    if (source && ts.isCallExpression(source) && source.expression.kind === ts.SyntaxKind.ImportKeyword && ts.isStringLiteral(source.arguments[0])) {
      return source.arguments[0].text;
    }
  }
  return null;
}

/**
 * A class's events are those its JSDoc names with `@fires`. The analyzer also guesses events from
 * `this.dispatchEvent(new X(arg))`, taking `arg` for the event's name, which is wrong for event classes that take their
 * detail (`new HpLoginEvent(user)` would become an event named `user`).
 */
export function jsdocEventsPlugin() {
  return {
    name: 'hausportal-jsdoc-events',
    analyzePhase({ ts, node, moduleDoc }) {
      if (!ts.isClassDeclaration(node) || !node.name) return;
      const klass = moduleDoc.declarations?.find((decl) => decl.name === node.name.text);
      if (!klass?.events) return;
      const fired = new Set(
        ts
          .getJSDocTags(node)
          .filter((tag) => tag.tagName.text === 'fires' || tag.tagName.text === 'event')
          .map((tag) => firedName(ts.getTextOfJSDocComment(tag.comment) ?? '')),
      );
      klass.events = klass.events.filter((event) => fired.has(event.name));
    },
  };
}

/** The event name in a `@fires` comment: `{Type} name - text` → `name`. */
function firedName(comment) {
  let rest = comment.trim();
  if (rest.startsWith('{')) {
    let depth = 0;
    let end = 0;
    for (; end < rest.length; end++) {
      if (rest[end] === '{') depth++;
      else if (rest[end] === '}' && --depth === 0) break;
    }
    rest = rest.slice(end + 1).trim();
  }
  return rest.split(/\s/)[0];
}

/**
 * Every widget extends core's `HpElement` (its `api`/`session` properties, the `api`/`org` attributes of a widget
 * without a session, the `hint` part): a package that imports `@hausportal/core` gets core's manifest as a dependency,
 * so the analyzer copies those members into each widget with `inheritedFrom`. Core's manifest is made before the run's
 * own phases start (the analyzer's built-in plugins keep per-run state, so no run may start inside another's phases).
 */
export function coreInheritancePlugin() {
  return {
    name: 'hausportal-core-inheritance',
    initialize() {
      coreManifest();
    },
    analyzePhase({ ts, node, context }) {
      if (!ts.isImportDeclaration(node) || !ts.isStringLiteral(node.moduleSpecifier)) return;
      if (node.moduleSpecifier.text !== '@hausportal/core' || !core) return;
      if (!context.thirdPartyCEMs?.includes(core)) context.thirdPartyCEMs = [...(context.thirdPartyCEMs ?? []), core];
    },
  };
}

const DEPENDENCY = Symbol('hausportal-dependency');

/**
 * The manifest as those who install a package see it: module paths of `dist/…js`, references into another
 * `@hausportal/*` package by package name, and no private, protected or static members (they are no API).
 */
export function consumerViewPlugin() {
  return {
    name: 'hausportal-consumer-view',
    packageLinkPhase({ customElementsManifest, context }) {
      const foreign = new Map();
      for (const manifest of context.thirdPartyCEMs ?? []) {
        for (const mod of manifest.modules) for (const decl of mod.declarations ?? []) foreign.set(decl.name, manifest[DEPENDENCY]);
      }
      for (const mod of customElementsManifest.modules) {
        mod.path = distPath(mod.path);
        for (const decl of mod.declarations ?? []) {
          if (decl.kind === 'class') publicMembers(decl);
          for (const item of references(decl)) relink(item, foreign, mod.path);
        }
        for (const entry of mod.exports ?? []) relink(entry.declaration, foreign, mod.path);
      }
    },
  };
}

/** Keeps the public instance members; an instance made per element (`new Task(…)`) is no default worth showing. */
function publicMembers(decl) {
  decl.members = (decl.members ?? []).filter((member) => !member.static && (member.privacy ?? 'public') === 'public');
  for (const member of decl.members) if (member.default?.startsWith('new ')) delete member.default;
  if (!decl.members.length) delete decl.members;
}

/** The references of a declaration that name a module: superclass, and each inherited item's `inheritedFrom`. */
function* references(decl) {
  if (decl.superclass) yield decl.superclass;
  for (const key of ['members', 'attributes', 'events', 'slots', 'cssParts', 'cssProperties', 'cssStates']) {
    for (const item of decl[key] ?? []) if (item.inheritedFrom) yield item.inheritedFrom;
  }
}

/** Gives `reference` the package it lives in (when that is another one) and its module's path from the package root. */
function relink(reference, foreign, from) {
  if (!reference) return;
  const owner = foreign.get(reference.name);
  if (owner && !reference.package) reference.package = owner;
  for (const key of ['module', 'package']) {
    const path = reference[key];
    if (path?.startsWith('.')) reference[key] = new URL(path, `file:///${from}`).pathname;
  }
  if (reference.module) reference.module = distPath(reference.module);
}

/** The analyzer's TypeScript source files for `files` of a package folder. */
function sourceFiles(folder, files) {
  return files.map((file) => ts.createSourceFile(file, readFileSync(join(root, 'packages', folder, file), 'utf8'), ts.ScriptTarget.ES2022, true));
}

/** The plugins of every run: Lit's, then ours. */
export const plugins = () => [...litPlugin(), ...ownPlugins()];

/** Our plugins, after the analyzer's and Lit's. */
const ownPlugins = () => [defineCallsPlugin(), jsdocEventsPlugin(), coreInheritancePlugin(), consumerViewPlugin()];

/**
 * The manifest of one widget package folder (a key of {@link packages}), as it is written to
 * packages/<folder>/custom-elements.json. Throws on an unknown folder or a file that cannot be read.
 */
export function analyzePackage(folder) {
  return folder === 'core' ? coreManifest() : build(folder);
}

function build(folder) {
  const files = packages[folder];
  if (!files) throw new Error(`No widget package "${folder}" (known: ${Object.keys(packages).join(', ')})`);
  const manifest = create({ modules: sourceFiles(folder, files), plugins: plugins(), context: { dev: false } });
  Object.defineProperty(manifest, DEPENDENCY, { value: packageName(folder) });
  return manifest;
}

let core;
let makingCore = false;
/** Core's manifest, made once per process; undefined while it is being made. */
function coreManifest() {
  if (core || makingCore) return core;
  makingCore = true;
  try {
    core = build('core');
  } finally {
    makingCore = false;
  }
  return core;
}

// For the analyzer's own command run in a package's folder (`litelement` adds Lit's plugins there).
export default {
  globs: packages[basename(process.cwd())] ?? [],
  litelement: true,
  packagejson: false,
  plugins: ownPlugins(),
};
