// What an element's source code really has, found by reading it (TypeScript's parser, no type checker), to hold the
// Custom Elements Manifest against: the shadow parts its templates render, the events it creates and the design tokens
// its styles use. Starting from the element's class, every top-level declaration it names is followed, in its own module
// or through imports (relative ones and `@hausportal/*` packages, by their `source` export), but not into another
// element's class: that one renders into its own shadow root.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import ts from 'typescript';

export const repoRoot = resolve(import.meta.dirname, '..');

/** What the code reachable from one element class has. */
export interface ElementSource {
  /** Names in `part="…"`, `part=${cond ? 'a' : 'b'}` and `setAttribute('part', '…')`. */
  parts: Set<string>;
  /** Names of the events it constructs: `new X(…)` of a class with `static eventName`, or `new CustomEvent('…')`. */
  events: Map<string, string>;
  /** Custom properties its styles read with `var(--…)`: the widget's own `--hp-…` and core's private `--_…` ones. */
  vars: Set<string>;
}

interface Module {
  file: string;
  source: ts.SourceFile;
  /** Top-level declarations by name. */
  declarations: Map<string, ts.Node>;
  /** Local name → where it is imported from. */
  imports: Map<string, { from: string; name: string }>;
  /** Exported name → where it is re-exported from (`export { a as b } from`), and the `export *` sources. */
  reexports: Map<string, { from: string; name: string }>;
  star: string[];
}

const modules = new Map<string, Module>();

/** The parsed module of an absolute `.ts` path. */
function load(file: string): Module {
  let mod = modules.get(file);
  if (mod) return mod;
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
  mod = { file, source, declarations: new Map(), imports: new Map(), reexports: new Map(), star: [] };
  for (const statement of source.statements) collect(mod, statement);
  modules.set(file, mod);
  return mod;
}

function collect(mod: Module, statement: ts.Statement): void {
  if ((ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement)) && statement.name) {
    mod.declarations.set(statement.name.text, statement);
  } else if (ts.isVariableStatement(statement)) {
    for (const decl of statement.declarationList.declarations) if (ts.isIdentifier(decl.name)) mod.declarations.set(decl.name.text, decl);
  } else if (ts.isImportDeclaration(statement) && ts.isStringLiteral(statement.moduleSpecifier)) {
    const from = statement.moduleSpecifier.text;
    const clause = statement.importClause;
    if (clause?.name) mod.imports.set(clause.name.text, { from, name: 'default' });
    const bindings = clause?.namedBindings;
    if (bindings && ts.isNamedImports(bindings)) {
      for (const el of bindings.elements) mod.imports.set(el.name.text, { from, name: (el.propertyName ?? el.name).text });
    }
  } else if (ts.isExportDeclaration(statement) && statement.moduleSpecifier && ts.isStringLiteral(statement.moduleSpecifier)) {
    const from = statement.moduleSpecifier.text;
    const clause = statement.exportClause;
    if (!clause) mod.star.push(from);
    else if (ts.isNamedExports(clause)) {
      for (const el of clause.elements) mod.reexports.set(el.name.text, { from, name: (el.propertyName ?? el.name).text });
    }
  }
}

/** The `.ts` file a specifier in `from` names, or undefined for packages outside the repository. */
function resolveSpecifier(from: string, specifier: string): string | undefined {
  if (specifier.startsWith('.')) {
    const base = resolve(dirname(from), specifier).replace(/\.js$/, '');
    return [`${base}.ts`, join(base, 'index.ts')].find((path) => existsSync(path));
  }
  const match = /^@hausportal\/([^/]+)(?:\/(.+))?$/.exec(specifier);
  if (!match) return undefined;
  const folder = join(repoRoot, 'packages', match[1]!);
  const pkg = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8')) as { exports?: Record<string, unknown> };
  const entry = pkg.exports?.[match[2] ? `./${match[2]}` : '.'];
  const target = typeof entry === 'string' ? entry : (entry as { source?: string } | undefined)?.source;
  if (target?.endsWith('.ts')) return join(folder, target);
  return join(folder, 'src', `${(match[2] ?? 'index.js').replace(/\.js$/, '')}.ts`);
}

/** The declaration behind an exported name of a module, following re-exports. */
function exported(file: string, name: string, seen = new Set<string>()): { mod: Module; node: ts.Node } | undefined {
  if (seen.has(`${file}#${name}`)) return undefined;
  seen.add(`${file}#${name}`);
  const mod = load(file);
  const node = mod.declarations.get(name);
  if (node) return { mod, node };
  const imported = mod.imports.get(name);
  const re = mod.reexports.get(name) ?? imported;
  if (re) {
    const target = resolveSpecifier(file, re.from);
    return target ? exported(target, re.name, seen) : undefined;
  }
  for (const from of mod.star) {
    const target = resolveSpecifier(file, from);
    const found = target && exported(target, name, seen);
    if (found) return found;
  }
  return undefined;
}

/** The declaration a name in `mod` stands for: its own top-level one, or the one it imports. */
function lookup(mod: Module, name: string): { mod: Module; node: ts.Node } | undefined {
  const own = mod.declarations.get(name);
  if (own) return { mod, node: own };
  const imported = mod.imports.get(name);
  if (!imported) return undefined;
  const target = resolveSpecifier(mod.file, imported.from);
  return target ? exported(target, imported.name) : undefined;
}

/** An identifier that names something (not a property after a dot, nor a member's or key's own name). */
function isReference(id: ts.Identifier): boolean {
  const parent = id.parent;
  if (ts.isPropertyAccessExpression(parent) && parent.name === id) return false;
  if ((ts.isPropertyAssignment(parent) || ts.isPropertyDeclaration(parent) || ts.isMethodDeclaration(parent)) && parent.name === id) return false;
  if ((ts.isGetAccessor(parent) || ts.isSetAccessor(parent) || ts.isPropertySignature(parent)) && parent.name === id) return false;
  return true;
}

const PART = /(?<![[\w-])part=(["'])([^"'$]*)\1/g;
const VAR = /var\(\s*(--[\w-]+)/g;
/** Custom property declarations (`--_x: …;`), left out of core's token module: they define the tokens, not use them. */
const DEFINITION = /--[\w-]+\s*:[^;]*;/g;

/** The static text pieces of a template or string literal. */
function texts(node: ts.Node): string[] {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return [node.text];
  if (ts.isTemplateExpression(node)) return [node.head.text, ...node.templateSpans.map((span) => span.literal.text)];
  return [];
}

/** The strings an expression can give: a literal, both branches of `a ? 'x' : 'y'`, both sides of `a ?? 'x'`. */
function literals(node: ts.Node, out: string[] = []): string[] {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) out.push(node.text);
  else if (ts.isParenthesizedExpression(node) || ts.isAsExpression(node)) literals(node.expression, out);
  else if (ts.isConditionalExpression(node)) [node.whenTrue, node.whenFalse].forEach((branch) => literals(branch, out));
  else if (ts.isBinaryExpression(node) && [ts.SyntaxKind.BarBarToken, ts.SyntaxKind.QuestionQuestionToken].includes(node.operatorToken.kind)) {
    [node.left, node.right].forEach((side) => literals(side, out));
  }
  return out;
}

/** `static eventName = '…'` of an event class. */
function eventName(node: ts.Node): string | undefined {
  if (!ts.isClassDeclaration(node)) return undefined;
  for (const member of node.members) {
    if (ts.isPropertyDeclaration(member) && member.name.getText() === 'eventName' && member.initializer) {
      const [value] = literals(member.initializer);
      if (value) return value;
    }
  }
  return undefined;
}

function scanNode(node: ts.Node, mod: Module, found: ElementSource): void {
  const tokenModule = mod.file.endsWith(join('core', 'src', 'styles', 'tokens.ts'));
  for (const text of texts(node)) {
    for (const m of text.matchAll(PART)) for (const name of m[2]!.split(/\s+/).filter(Boolean)) found.parts.add(name);
    for (const m of (tokenModule ? text.replace(DEFINITION, '') : text).matchAll(VAR)) {
      // A name cut off by an interpolation (`var(--_${name})`) is no name.
      if (!m[1]!.endsWith('-') && m.index! + m[0].length < text.length) found.vars.add(m[1]!);
    }
  }
  if (ts.isTemplateExpression(node)) {
    // part=${cond ? 'item' : 'header'}: the piece before the expression ends with `part=`.
    const pieces = [node.head, ...node.templateSpans.map((span) => span.literal)];
    node.templateSpans.forEach((span, i) => {
      if (/(?<![[\w-])part=["']?$/.test(pieces[i]!.text)) for (const name of literals(span.expression)) found.parts.add(name);
    });
  }
  if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === 'setAttribute') {
    const [attr, value] = node.arguments.map((arg) => (arg && ts.isStringLiteral(arg) ? arg.text : undefined));
    if (attr === 'part' && value) for (const name of value.split(/\s+/).filter(Boolean)) found.parts.add(name);
  }
  if (ts.isNewExpression(node)) {
    const callee = node.expression;
    if (ts.isIdentifier(callee) && (callee.text === 'CustomEvent' || callee.text === 'Event')) {
      const first = node.arguments?.[0];
      if (first && ts.isStringLiteral(first)) found.events.set(first.text, callee.text);
    } else if (ts.isIdentifier(callee)) {
      const target = lookup(mod, callee.text);
      const name = target && eventName(target.node);
      if (name) found.events.set(name, callee.text);
    }
  }
}

/** Every declaration a module has or re-exports (what `import()` of it can give). */
function everything(file: string): Array<{ mod: Module; node: ts.Node }> {
  const mod = load(file);
  const own = [...mod.declarations.values()].map((node) => ({ mod, node }));
  const reexported = [...mod.reexports.keys()].map((name) => exported(file, name)).filter((found) => found !== undefined);
  const starred = mod.star.flatMap((from) => {
    const target = resolveSpecifier(file, from);
    return target ? everything(target) : [];
  });
  return [...own, ...reexported, ...starred];
}

/**
 * What the code reachable from class `className` of `file` renders, fires and styles with. `elementClasses` are the
 * names of all element classes: the walk does not enter another one.
 */
export function elementSource(file: string, className: string, elementClasses: ReadonlySet<string>): ElementSource {
  const found: ElementSource = { parts: new Set(), events: new Map(), vars: new Set() };
  const start = load(file).declarations.get(className);
  if (!start) throw new Error(`${className} is not declared in ${file}`);
  const visited = new Set<ts.Node>();
  const queue: Array<{ mod: Module; node: ts.Node }> = [{ mod: load(file), node: start }];
  while (queue.length) {
    const { mod, node } = queue.pop()!;
    if (visited.has(node)) continue;
    visited.add(node);
    const visit = (child: ts.Node): void => {
      scanNode(child, mod, found);
      if (ts.isIdentifier(child) && isReference(child)) {
        const target = lookup(mod, child.text);
        const foreignElement = target && ts.isClassDeclaration(target.node) && target.node !== start && elementClasses.has(child.text);
        // The superclass is followed even when it is an element class: its parts and styles are the subclass's too.
        const isSuperclass = ts.isExpressionWithTypeArguments(child.parent) && target?.node !== start;
        if (target && (!foreignElement || isSuperclass)) queue.push(target);
      }
      if (ts.isCallExpression(child) && child.expression.kind === ts.SyntaxKind.ImportKeyword) {
        // import('./part.js'), a lazily loaded part of the element: all of that module is the element's.
        const [specifier] = child.arguments;
        const target = specifier && ts.isStringLiteral(specifier) ? resolveSpecifier(mod.file, specifier.text) : undefined;
        if (target) queue.push(...everything(target));
      }
      ts.forEachChild(child, visit);
    };
    visit(node);
  }
  return found;
}

/**
 * Core's private token names mapped to the public `--hp-*` properties they read: `--_primary` → `--hp-color-primary`,
 * `--_primary-soft` (a mix) → the public ones of the private ones it mixes (primary and surface). From the rules of
 * packages/core/src/styles/tokens.ts as `tokenRules()` writes them.
 */
export function tokenMap(rules: string): Map<string, string[]> {
  const defs = new Map<string, string>();
  for (const m of rules.matchAll(/(--_[\w-]+)\s*:\s*([^;]*);/g)) defs.set(m[1]!, m[2]!);
  const map = new Map<string, string[]>();
  const publicOf = (name: string): string[] => {
    if (map.has(name)) return map.get(name)!;
    const value = defs.get(name) ?? '';
    const direct = [...value.matchAll(/--hp-[\w-]+/g)].map((m) => m[0]);
    const result = direct.length ? direct : [...value.matchAll(/var\((--_[\w-]+)/g)].flatMap((m) => publicOf(m[1]!));
    map.set(name, [...new Set(result)]);
    return map.get(name)!;
  };
  for (const name of defs.keys()) publicOf(name);
  return map;
}
