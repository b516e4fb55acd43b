// End to end, the npm packages as a web agency installs them (issue 15, "npm packages"): @hausportal/api, core, login
// and documents are built and packed with `npm pack`; a new project in the system's temporary folder installs the
// tarballs with npm (third-party packages from npm's cache, the registry only for what the cache lacks), imports
// `@hausportal/login/define.js` and `@hausportal/documents/define.js` from a plain main.js, has no TypeScript and no
// decorator set-up of its own, and is built with Vite. Its pages are served from a second origin (listed in ImmoPro's
// allowed origins), where Katharina Huber signs in through <hp-login> and <hp-documents> lists her documents from the
// real server. A small TypeScript file of the project is checked against the installed declarations: the tags and
// events of the packages are typed. The project sees only what the tarballs hold — no `source` condition (NODE_OPTIONS
// and npm's settings of this repository are left out of its commands), no sources, no workspace links.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize, sep } from 'node:path';
import type { Browser } from 'playwright-core';
import { apiJson, apiLogin } from './api.ts';
import { launchChromium } from './browser.ts';
import { hostPage, signIn } from './cms-pages.ts';
import { demoLogin, repoRoot, startServer, type RunningServer } from './server.ts';

/** The packages the project installs: the two widgets and what they depend on. */
const packages = ['api', 'core', 'login', 'documents'];
const widgets = new Set(['core', 'login', 'documents']);
const katharina = demoLogin('katharina.huber@example.com');
const manager = demoLogin('andrea.pichler@immopro.example');

/** One entry of `npm pack --json`. */
interface Packed {
  name: string;
  filename: string;
  size: number;
  files: { path: string }[];
}

const e2e = {} as { dir: string; app: string; packed: Packed[]; server: RunningServer; browser: Browser; site: Site };

/** npm settings a machine may need to reach the registry and its cache; all other `npm_…` variables are this repository's. */
const machineNpmSettings = /^npm_config_(cache|registry|cafile|ca|proxy|https_proxy|noproxy|strict_ssl|userconfig|globalconfig)$/i;

/**
 * The environment of the project's commands without this repository's settings: no NODE_OPTIONS (`--conditions=source`
 * from .npmrc), and none of the `npm_…` variables an npm script passes on (`npm_config_local_prefix` would point a
 * nested npm at this repository).
 */
function projectEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env.NODE_OPTIONS;
  for (const key of Object.keys(env)) if (/^npm_/i.test(key) && !machineNpmSettings.test(key)) delete env[key];
  return env;
}

/** Runs `command args` in `cwd`; resolves with its standard output, rejects with everything it wrote. */
function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = projectEnv()): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(command, args, { cwd, env, maxBuffer: 64 * 1024 * 1024, timeout: 120_000 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${command} ${args.join(' ')} failed (${error.message}):\n${stdout}\n${stderr}`));
      else resolve(stdout);
    });
  });
}

/** A tool of this repository's node_modules (vite, tsc), run by node in the project's folder. */
const tool = (path: string, args: string[]) => run(process.execPath, [join(repoRoot, 'node_modules', path), ...args], e2e.app);

/** Builds the packages (their `build` scripts: dist/ and custom-elements.json) and packs them into `dir`. */
async function buildAndPack(dir: string): Promise<Packed[]> {
  const workspaces = packages.flatMap((name) => ['-w', `@hausportal/${name}`]);
  await run('npm', ['run', 'build', ...workspaces], repoRoot, process.env);
  const json = await run('npm', ['pack', ...workspaces, '--pack-destination', dir, '--json', '--ignore-scripts'], repoRoot);
  return JSON.parse(json) as Packed[];
}

/** The project's files: package.json with the tarballs, the page, main.js and a TypeScript file for the type check. */
function writeProject(app: string, packed: Packed[], api: string): void {
  const dependencies = Object.fromEntries(packed.map((p) => [p.name, `file:${join(e2e.dir, p.filename)}`]));
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'agency-site', private: true, type: 'module', dependencies }, null, 2));
  writeFileSync(
    join(app, 'index.html'),
    `<!doctype html><html lang="de"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Hausverwaltung</title>
<script type="module" src="./main.js"></script></head>
<body><main><h1>Kundenportal</h1>
<hp-session api="${api}" org="immopro"><hp-login></hp-login><hp-documents></hp-documents></hp-session>
</main></body></html>`,
  );
  // <hp-session> comes from the core, which both widgets depend on.
  writeFileSync(join(app, 'main.js'), ["import '@hausportal/core/define.js';", "import '@hausportal/login/define.js';", "import '@hausportal/documents/define.js';", ''].join('\n'));
  writeFileSync(join(app, 'consumer.ts'), readFileSync(join(repoRoot, 'e2e', 'fixtures', 'pack-consumer.ts'), 'utf8'));
  const compilerOptions = { target: 'ES2022', module: 'ESNext', moduleResolution: 'Bundler', lib: ['ES2022', 'DOM', 'DOM.Iterable'], strict: true, noEmit: true, skipLibCheck: false, types: [] };
  writeFileSync(join(app, 'tsconfig.json'), JSON.stringify({ compilerOptions, files: ['consumer.ts'] }, null, 2));
}

/** A static web server for the project's built files on a port of its own. */
interface Site {
  origin: string;
  stop(): Promise<void>;
}

const contentTypes: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8' };

/** Serves the files below `root` at http://localhost:<port> (index.html for `/`; 404 for anything outside `root`). */
async function serve(root: string): Promise<Site> {
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://site').pathname;
    const file = normalize(join(root, path === '/' ? 'index.html' : decodeURIComponent(path)));
    if (!file.startsWith(root + sep)) return void res.writeHead(404).end();
    readFile(file).then(
      (body) => res.writeHead(200, { 'content-type': contentTypes[extname(file)] ?? 'application/octet-stream' }).end(body),
      () => res.writeHead(404).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, resolve));
  const origin = `http://localhost:${(server.address() as AddressInfo).port}`;
  const stop = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return { origin, stop };
}

/** Adds `origin` to ImmoPro's allowed origins (PATCH /api/admin/settings, as a manager). */
async function allowOrigin(origin: string): Promise<void> {
  const base = e2e.server.url;
  const token = await apiLogin(base, manager);
  const settings = await apiJson<{ allowedOrigins: string[] }>(base, token, '/admin/settings');
  await apiJson(base, token, '/admin/settings', { method: 'PATCH', body: JSON.stringify({ allowedOrigins: [...settings.allowedOrigins, origin] }) });
}

before(async () => {
  e2e.dir = mkdtempSync(join(tmpdir(), 'hp-pack-install-'));
  e2e.app = join(e2e.dir, 'agency-site');
  mkdirSync(e2e.app);
  const server = startServer();
  e2e.packed = await buildAndPack(e2e.dir);
  e2e.server = await server;
  writeProject(e2e.app, e2e.packed, `${e2e.server.url}/api`);
  await run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts', '--no-package-lock'], e2e.app);
  await tool('vite/bin/vite.js', ['build', '--logLevel', 'warn']);
  e2e.site = await serve(join(e2e.app, 'dist'));
  await allowOrigin(e2e.site.origin);
  e2e.browser = await launchChromium();
});

after(async () => {
  await e2e.browser?.close();
  await e2e.site?.stop();
  await e2e.server?.stop();
  if (e2e.dir) rmSync(e2e.dir, { recursive: true, force: true });
});

/** The files below `dir` whose name ends with `suffix`, relative to `dir`. */
const filesIn = (dir: string, suffix: string) =>
  readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith(suffix));

test('each tarball holds the built modules, their declarations and the manifest, and no TypeScript sources', () => {
  assert.deepEqual(e2e.packed.map((p) => p.name).sort(), packages.map((n) => `@hausportal/${n}`).sort());
  for (const packed of e2e.packed) {
    const files = new Set(packed.files.map((f) => f.path));
    const name = packed.name.replace('@hausportal/', '');
    for (const file of ['package.json', 'dist/index.js', 'dist/index.d.ts']) assert.ok(files.has(file), `${packed.name} lacks ${file}`);
    if (widgets.has(name)) for (const file of ['dist/define.js', 'dist/define.d.ts', 'custom-elements.json']) assert.ok(files.has(file), `${packed.name} lacks ${file}`);
    const stray = [...files].filter((f) => f.startsWith('src/') || f.endsWith('.tsbuildinfo') || (f.endsWith('.ts') && !f.endsWith('.d.ts')));
    assert.deepEqual(stray, [], `${packed.name} ships ${stray.join(', ')}`);
  }
  const api = new Set(e2e.packed.find((p) => p.name === '@hausportal/api')!.files.map((f) => f.path));
  assert.ok(api.has('openapi.yaml') && api.has('dist/schema.d.ts'), 'the api package ships the contract and its generated types');
});

test('the installed code is plain JavaScript: no decorators, no imports of .ts files', () => {
  for (const name of packages) {
    const dist = join(e2e.app, 'node_modules', '@hausportal', name, 'dist');
    for (const file of [...filesIn(dist, '.js'), ...filesIn(dist, '.d.ts')]) {
      const code = readFileSync(join(dist, file), 'utf8');
      assert.doesNotMatch(code, /^\s*@[A-Za-z]\w*(\(|\s*$)/m, `${name}/dist/${file} holds decorator syntax`);
      assert.doesNotMatch(code, /(from\s*|import\s*\(\s*)['"][^'"]+\.ts['"]/, `${name}/dist/${file} imports a .ts file`);
    }
  }
  const manifest = JSON.parse(readFileSync(join(e2e.app, 'node_modules', '@hausportal', 'login', 'package.json'), 'utf8')) as { customElements?: string };
  assert.equal(manifest.customElements, 'custom-elements.json');
});

test("the project's TypeScript knows the tags and the events from the installed declarations", async () => {
  // tsconfig.json: Bundler resolution as a Vite project has it; the same file once more as Node resolves packages.
  await tool('typescript/bin/tsc', ['-p', 'tsconfig.json']);
  await tool('typescript/bin/tsc', ['-p', 'tsconfig.json', '--module', 'NodeNext', '--moduleResolution', 'NodeNext']);
});

test("the project's Vite build renders <hp-login> and <hp-documents> on another origin: Katharina signs in and sees her documents", async () => {
  const token = await apiLogin(e2e.server.url, katharina);
  const mine = await apiJson<{ items: { id: string }[] }>(e2e.server.url, token, '/documents');
  assert.ok(mine.items.length > 0, 'the demo gives Katharina documents');
  const host = await hostPage(e2e.browser);
  try {
    await host.page.goto(`${e2e.site.origin}/`);
    await signIn(host.page, katharina);
    const rows = host.page.locator('hp-documents [data-document]');
    await rows.first().waitFor();
    const shown = await rows.evaluateAll((elements) => elements.map((el) => el.getAttribute('data-document')));
    const ids = new Set(mine.items.map((d) => d.id));
    assert.ok(shown.length > 0 && shown.every((id) => id !== null && ids.has(id)), `rows ${shown.join(', ')} are not all hers`);
    assert.deepEqual(host.pageErrors, []);
    assert.deepEqual(host.consoleErrors, []);
  } finally {
    await host.context.close();
  }
});
