// End to end: hausportal.js loads an element's code when its tag first appears on the page (issue 15, "Loading on
// demand"), against the real server and its build in the system Chromium. A page with only <hp-login> fetches the
// loader, the shared chunk and the login's chunk, nothing of the other widgets, and signs in; an element a script adds
// later is upgraded (hidden until its code is there, unless the page's CSS says otherwise), and one whose code cannot
// be loaded shows what the page put inside it; `load()` of hausportal.js loads an element before it is on the page.
// A page that loads hausportal.js twice (the same URL, two URLs, or beside a copy built separately into the page's
// own bundle) keeps one definition per tag with one console warning per duplicated tag (and one for a second
// loader), and its widgets work. On /portal.html a view's chunk is fetched only when the view is opened, and a
// returning visitor (signed in by the refresh cookie) does not fetch the login's.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { build } from 'esbuild';
import type { BrowserContext, Page } from 'playwright-core';
import { serverAndBrowser } from './browser.ts';
import { demoLogin, repoRoot, type DemoLogin } from './server.ts';

const katharina = demoLogin('katharina.huber@example.com');

/** The real server (from source, fresh demo SQLite) and the system Chromium, for the whole file. */
const e2e = serverAndBrowser({});

/** The chunks of the other elements: none of them may be fetched for a page that holds only <hp-login>. */
const otherChunks = ['hp-profile', 'unit-list', 'statement', 'documents', 'bulletin-board', 'ticket-list', 'message-form', 'chat-bot', 'shell', 'signed-in', 'shared', 'fill', 'xlsx-writer', 'virtualize', 'lean-qr'];

/** A chunk's name without its content hash: `chunks/hp-login-Dzy200cC.js` → `hp-login`. */
const chunkName = (path: string) => path.replace(/^.*\//, '').replace(/-[\w-]{8}\.js$/, '').replace(/\.js$/, '');

/** A page on the server's origin with what it fetched from /dist/ and what it said in the console. */
class Visit {
  /** Paths (with query) of every request under /dist/, in order. */
  readonly scripts: string[] = [];
  /** Console warnings of Hausportal (`Hausportal: …`). */
  readonly warnings: string[] = [];
  /** Console errors and uncaught errors. */
  readonly errors: string[] = [];

  private constructor(
    readonly context: BrowserContext,
    readonly page: Page,
  ) {
    page.on('request', (request) => this.requested(new URL(request.url())));
    page.on('console', (message) => this.said(message.type(), message.text()));
    page.on('pageerror', (error) => this.errors.push(String(error)));
  }

  /** A fresh browser context (empty cache, no cookies) in German. */
  static async start(): Promise<Visit> {
    const context = await e2e.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'de-AT' });
    return new Visit(context, await context.newPage());
  }

  private requested(url: URL): void {
    if (url.pathname.startsWith('/dist/')) this.scripts.push(url.pathname + url.search);
  }

  private said(type: string, text: string): void {
    if (type === 'error') this.errors.push(text);
    else if (type === 'warning' && text.startsWith('Hausportal:')) this.warnings.push(text);
  }
}

const visit = () => Visit.start();

/** Serves `body` (inside a minimal German page with `head`) at `path` on the server's origin and opens it. */
async function open(v: Visit, path: string, head: string, body: string): Promise<void> {
  const url = `${e2e.server.url}${path}`;
  const html = `<!doctype html><html lang="de"><head><meta charset="utf-8"><title>Test</title>${head}</head><body><main>${body}</main></body></html>`;
  await v.page.route(url, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }));
  await v.page.goto(url);
}

const script = (src: string) => `<script type="module" src="${src}"></script>`;
const session = (inner: string) => `<hp-session api="/api" org="immopro" lang="de">${inner}</hp-session>`;

/** Signs `user` in through the page's (first) <hp-login> and waits for its sign-out button. */
async function signIn(page: Page, user: DemoLogin, scope = 'hp-login'): Promise<void> {
  const login = page.locator(scope).first();
  await login.locator('input[name="username"]').fill(user.username);
  await login.locator('input[name="password"]').fill(user.password);
  await login.locator('button[type="submit"]').click();
}

/** Holds back the chunk `name` until the returned function is called. */
async function hold(page: Page, name: string): Promise<() => void> {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(new RegExp(`/dist/chunks/${name}-[\\w-]{8}\\.js$`), async (route) => {
    await held;
    await route.continue();
  });
  return release;
}

/** The computed `visibility` of each element matching `selector`. */
const visibility = (page: Page, selector: string) => page.$$eval(selector, (elements) => elements.map((e) => getComputedStyle(e).visibility));

/** The names of the chunks (and the loader) fetched so far. */
const fetched = (v: Visit) => [...new Set(v.scripts.map((s) => chunkName(s.replace(/\?.*$/, ''))))];

test('a page with only <hp-login> fetches the loader, the shared chunk and the login, and signs in', async () => {
  const v = await visit();
  await open(v, '/lazy-login.html', script('/dist/hausportal.js'), session('<hp-login></hp-login>'));
  await v.page.locator('hp-login input[name="username"]').waitFor();
  const names = fetched(v);
  assert.ok(names.includes('hausportal') && names.includes('base') && names.includes('hp-login'), `fetched: ${names.join(', ')}`);
  assert.deepEqual(
    names.filter((n) => otherChunks.includes(n)),
    [],
    `chunks of other elements: ${names.join(', ')}`,
  );

  await signIn(v.page, katharina);
  await v.page.locator('hp-login').getByRole('button', { name: 'Abmelden' }).waitFor();
  assert.deepEqual(
    fetched(v).filter((n) => otherChunks.includes(n)),
    [],
    'signing in fetched nothing of the other elements',
  );
  assert.deepEqual(v.warnings, []);
  assert.deepEqual(v.errors, []);

  // (b) An element added by a script after the page loaded gets its code and shows the signed-in person's units.
  // Until the code is there it is hidden (the loader's rule), unless the page says otherwise (its rules win).
  const release = await hold(v.page, 'unit-list');
  await v.page.evaluate(() => {
    const list = Object.assign(document.createElement('hp-unit-list'), { innerHTML: '<p>Einheiten</p>' });
    const other = Object.assign(document.createElement('hp-unit-list'), { className: 'page-choice' });
    document.head.append(Object.assign(document.createElement('style'), { textContent: 'hp-unit-list.page-choice { visibility: visible }' }));
    document.querySelector('hp-session')!.append(list, other);
  });
  await v.page.waitForFunction(() => document.querySelectorAll('hp-unit-list:not(:defined)').length === 2);
  assert.deepEqual(await visibility(v.page, 'hp-unit-list'), ['hidden', 'visible']);
  release();
  await v.page.locator('hp-unit-list [data-unit]').first().waitFor();
  assert.deepEqual(await visibility(v.page, 'hp-unit-list'), ['visible', 'visible']);
  assert.ok(fetched(v).includes('unit-list'));
  assert.ok(!fetched(v).includes('statement'), 'only the added element was loaded');

  // load(tag) of hausportal.js: an element's class before it is on the page; a tag that is not Hausportal's is refused.
  const loaded = await v.page.evaluate(async () => {
    const { load, tags } = (await import('/dist/hausportal.js' as string)) as { load(tag: string): Promise<CustomElementConstructor>; tags: string[] };
    const ctor = await load('hp-documents');
    const refused = await load('hp-nothing').then(
      () => 'loaded',
      (error: unknown) => (error instanceof TypeError ? 'TypeError' : String(error)),
    );
    return { same: ctor === customElements.get('hp-documents'), refused, knows: tags.includes('hp-portal') && tags.includes('hp-statement-ledger') };
  });
  assert.deepEqual(loaded, { same: true, refused: 'TypeError', knows: true });
  assert.deepEqual(v.warnings, []);
  assert.deepEqual(v.errors, []);
  await v.context.close();
});

/**
 * The page's own bundle with the login and the session built from the packages (as an app bundles the npm packages),
 * so a second copy of Lit, core and the elements' classes.
 */
async function appBundle(): Promise<string> {
  const result = await build({
    stdin: { contents: `import '@hausportal/core/define.js';\nimport '@hausportal/login/define.js';`, resolveDir: repoRoot, loader: 'ts', sourcefile: 'app.ts' },
    absWorkingDir: repoRoot,
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    conditions: ['source', 'browser', 'production'],
    tsconfig: join(repoRoot, 'tsconfig.json'),
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}

test('an element whose code cannot be loaded shows what the page put inside it, and the console says why', async () => {
  const v = await visit();
  await v.page.route(/\/dist\/chunks\/ticket-list-[\w-]{8}\.js$/, (route) => route.fulfill({ status: 404, body: 'not found' }));
  await open(v, '/lazy-missing.html', script('/dist/hausportal.js'), session('<hp-login></hp-login><hp-ticket-list><p>Ihre Meldungen finden Sie im Kundenportal.</p></hp-ticket-list>'));
  await v.page.locator('hp-login input[name="username"]').waitFor();
  await v.page.locator('hp-ticket-list p').waitFor({ state: 'visible' });
  assert.deepEqual(await visibility(v.page, 'hp-ticket-list'), ['visible']);
  assert.ok(v.errors.some((e) => e.includes('Hausportal: <hp-ticket-list> could not be loaded.')), v.errors.join('\n'));
  await v.context.close();
});

test('/portal.html when its signed-in part cannot be loaded: an error with "Erneut versuchen", which then shows the overview', async () => {
  const v = await visit();
  const missing = /\/dist\/chunks\/signed-in-[\w-]{8}\.js$/;
  await v.page.route(missing, (route) => route.fulfill({ status: 404, body: 'not found' }));
  await v.page.goto(`${e2e.server.url}/portal.html`);
  await v.page.locator('hp-portal hp-login input[name="username"]').waitFor();
  await signIn(v.page, katharina, 'hp-portal hp-login');
  const error = v.page.locator('hp-portal [part="main"] [part="error"]');
  await error.waitFor();
  assert.match(await error.innerText(), /Verbindung|Netz/i);
  assert.ok(v.errors.some((e) => e.includes('Hausportal: the portal could not be loaded.')), v.errors.join('\n'));
  await v.page.unroute(missing);
  await error.getByRole('button', { name: 'Erneut versuchen' }).click();
  await v.page.locator('hp-portal hp-overview [data-card]').first().waitFor();
  await v.page.locator('hp-portal [part="nav"]').waitFor();
  await v.context.close();
});

test('hausportal.js loaded twice, under two URLs, or beside a copy in the page\'s own bundle: one definition per tag, one warning each', async (t) => {
  const page = session('<hp-login></hp-login><hp-documents></hp-documents>');
  /** Signs in and waits for the documents: the widgets of the page work. */
  const works = async (v: Visit) => {
    await signIn(v.page, katharina);
    await v.page.locator('hp-login').getByRole('button', { name: 'Abmelden' }).waitFor();
    await v.page.locator('hp-documents [data-document]').first().waitFor();
  };

  await t.test('the same URL twice: one module, no warning', async () => {
    const v = await visit();
    await open(v, '/lazy-twice.html', script('/dist/hausportal.js') + script('/dist/hausportal.js'), page);
    await works(v);
    assert.equal(v.scripts.filter((s) => s === '/dist/hausportal.js').length, 1);
    assert.deepEqual(v.warnings, []);
    assert.deepEqual(v.errors, []);
    await v.context.close();
  });

  await t.test('two URLs (a query string): the second loader warns once and leaves the page to the first', async () => {
    const v = await visit();
    await open(v, '/lazy-two-urls.html', script('/dist/hausportal.js') + script('/dist/hausportal.js?v=2'), page);
    await works(v);
    assert.equal(v.warnings.length, 1, v.warnings.join('\n'));
    assert.match(v.warnings[0]!, /hausportal\.js\?v=2 is loaded as well as .*\/dist\/hausportal\.js;/);
    // Each chunk once: no element was defined twice and nothing of a second copy was fetched.
    const chunks = v.scripts.filter((s) => s.startsWith('/dist/chunks/'));
    assert.deepEqual(chunks, [...new Set(chunks)]);
    assert.deepEqual(v.errors, []);
    await v.context.close();
  });

  await t.test("beside the page's own bundle of the login: its tags stay the bundle's, one warning per duplicated tag", async () => {
    const v = await visit();
    const bundle = await appBundle();
    await v.page.route(`${e2e.server.url}/app.js`, (route) => route.fulfill({ status: 200, contentType: 'text/javascript', body: bundle }));
    await open(v, '/lazy-app.html', script('/app.js') + script('/dist/hausportal.js'), page);
    await works(v);
    // The bundle defined <hp-session> and <hp-login> (and <hp-profile>, not on the page) first; hausportal.js loaded
    // its own code for the tags on the page, and core's define() kept the first definitions with a warning for each.
    await v.page.waitForFunction(() => customElements.get('hp-documents'));
    const duplicated = ['hp-session', 'hp-login'].map((tag) => `Hausportal: <${tag}> is already defined by another script; keeping the first definition.`);
    assert.deepEqual([...v.warnings].sort(), duplicated.sort());
    assert.deepEqual(v.errors, []);
    await v.context.close();
  });
});

test('/portal.html fetches a view\'s chunk only when the view is opened', async () => {
  const v = await visit();
  await v.page.goto(`${e2e.server.url}/portal.html`);
  await v.page.locator('hp-portal hp-login input[name="username"]').waitFor();
  // Signed out, the portal loads nothing of its signed-in part (navigation, header buttons, views) either.
  for (const chunk of ['statement', 'documents', 'unit-list', 'bulletin-board', 'ticket-list', 'message-form', 'hp-profile', 'chat-bot', 'signed-in']) {
    assert.ok(!fetched(v).includes(chunk), `${chunk} before signing in`);
  }
  await signIn(v.page, katharina, 'hp-portal hp-login');
  await v.page.locator('hp-portal hp-overview [data-card]').first().waitFor();
  await v.page.waitForFunction(() => customElements.get('hp-chat-bot'));
  assert.ok(fetched(v).includes('signed-in'), 'the signed-in part once signed in');
  // Its German texts come with it.
  assert.equal((await v.page.locator('hp-portal [part="print"]').innerText()).trim(), 'Druckansicht');
  assert.equal(await v.page.locator('hp-portal [part="collapse"]').innerText(), 'Menü einklappen');
  for (const chunk of ['statement', 'documents', 'unit-list', 'bulletin-board', 'ticket-list', 'message-form', 'hp-profile']) {
    assert.ok(!fetched(v).includes(chunk), `${chunk} on the overview`);
  }
  for (const [label, chunk, element] of [
    ['Dokumente', 'documents', 'hp-documents'],
    ['Vorschreibung & Konto', 'statement', 'hp-statement'],
    ['Profil', 'hp-profile', 'hp-profile'],
  ] as const) {
    await v.page.locator('hp-portal [part="nav"] a', { hasText: label }).click();
    await v.page.locator(`hp-portal ${element}[data-view]`).waitFor();
    assert.ok(fetched(v).includes(chunk), `${chunk} once ${label} was opened`);
  }
  assert.ok(!fetched(v).includes('bulletin-board') && !fetched(v).includes('ticket-list'), 'views not opened stay unloaded');
  assert.deepEqual(v.warnings, []);
  assert.deepEqual(v.errors, []);
  await v.context.close();
});

test('/portal.html for a returning visitor (the refresh cookie): the overview without the login\'s code', async () => {
  const v = await visit();
  const res = await v.context.request.post(`${e2e.server.url}/api/auth/login`, { data: { organization: 'immopro', username: katharina.username, password: katharina.password } });
  assert.equal(res.status(), 200);
  await v.page.goto(`${e2e.server.url}/portal.html`);
  await v.page.locator('hp-portal hp-overview [data-card]').first().waitFor();
  await v.page.waitForFunction(() => customElements.get('hp-chat-bot'));
  assert.ok(!fetched(v).includes('hp-login'), `fetched: ${fetched(v).join(', ')}`);
  assert.equal(await v.page.locator('hp-portal > hp-login').count(), 0, 'no login element while signed in');
  assert.deepEqual(v.warnings, []);
  assert.deepEqual(v.errors, []);
  await v.context.close();
});
