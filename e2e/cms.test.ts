// End to end: the CMS snippets and hausportal-loader.js against the real server in the system Chromium (issue 15,
// "CMS"). Every example page under examples/cms/ (but the iframe page, tested in iframe.test.ts) is opened and the
// widgets sign in. The loader is loaded as a classic script, released later by a consent manager that re-types it
// (text/plain → text/javascript, as Cookiebot does), inserted after DOMContentLoaded on the first interaction (as WP
// Rocket's delayed JavaScript does), and evaluated by an optimizer with no document.currentScript; each time it adds
// hausportal.js once and the widgets sign in. A plain <script type="module"> re-typed the same way fails: that is why
// the loader exists.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serverAndBrowser } from './browser.ts';
import { hostPage, moduleScripts, seeStatement, servePage, signIn, type HostPage } from './cms-pages.ts';
import { demoLogin } from './server.ts';

const e2e = serverAndBrowser({});
const katharina = demoLogin('katharina.huber@example.com');
const thomas = demoLogin('thomas.becker@example.net');

/** No uncaught error, no console error, and no second definition of an element. */
function assertClean(host: HostPage): void {
  assert.deepEqual(host.pageErrors, [], 'uncaught errors');
  assert.deepEqual(host.consoleErrors, [], 'console errors');
  assert.deepEqual(host.warnings.filter((w) => w.includes('already defined')), [], 'an element was defined twice');
}

test('each CMS example page: the widgets sign in and show the account', async (t) => {
  await t.test('/cms/wordpress.html: Custom HTML block and the plugin block, one module script', async () => {
    const host = await hostPage(e2e.browser);
    await host.page.goto(`${e2e.server.url}/cms/wordpress.html`);
    await signIn(host.page, katharina);
    await seeStatement(host.page);
    await host.page.locator('hp-unit-list [data-unit]').first().waitFor();
    await host.page.locator('hp-profile [part="edit"]').waitFor();
    assertClean(host);
    await host.context.close();
  });

  await t.test('/cms/typo3.html: "Plain HTML" content element (Krüger)', async () => {
    const host = await hostPage(e2e.browser);
    await host.page.goto(`${e2e.server.url}/cms/typo3.html`);
    await signIn(host.page, thomas);
    await host.page.locator('hp-profile [part="edit"]').waitFor();
    assertClean(host);
    await host.context.close();
  });

  await t.test('/cms/sidebar-login.html: login in the sidebar, units in the content', async () => {
    const host = await hostPage(e2e.browser);
    await host.page.goto(`${e2e.server.url}/cms/sidebar-login.html`);
    await signIn(host.page, katharina);
    await host.page.locator('main hp-unit-list [data-unit]').first().waitFor();
    assertClean(host);
    await host.context.close();
  });

  await t.test('/cms/consent.html: the consent manager re-types the loader, which adds the module', async () => {
    const host = await hostPage(e2e.browser);
    await host.page.goto(`${e2e.server.url}/cms/consent.html`);
    await host.page.locator('hp-login input[name="username"]').waitFor();
    const loader = host.page.locator('script[src="/dist/hausportal-loader.js"]');
    assert.equal(await loader.getAttribute('type'), 'text/javascript', 'released as a classic script');
    assert.equal(await loader.getAttribute('data-cookieconsent'), 'necessary');
    assert.deepEqual(await moduleScripts(host.page), [`${e2e.server.url}/dist/hausportal.js`]);
    await host.page.getByRole('button', { name: 'Nur notwendige' }).click();
    await signIn(host.page, katharina);
    await seeStatement(host.page);
    assertClean(host);
    await host.context.close();
  });
});

/** A host page with the session (login and statement) and `head` in its head; `body` goes after the session. */
function hostHtml(head: string, body = ''): string {
  return `<!doctype html><html lang="de-AT"><head><meta charset="utf-8"><title>Kundenportal</title>${head}</head>
<body><main><h1>Kundenportal</h1>
<hp-session api="/api" org="immopro" lang="de"><hp-login></hp-login><hp-statement></hp-statement></hp-session>
</main>${body}</body></html>`;
}

/** The banner the stand-in consent manager (examples/cms/consent-manager.js) works with. */
const consentBanner = `<div id="consent-banner"><button type="button" id="consent-all">Alle akzeptieren</button>
<button type="button" id="consent-necessary">Nur notwendige</button></div>`;

/** Opens `html` at a path of the server's origin, signs in and sees the statement, with hausportal.js added once. */
async function signsInWithOneModule(host: HostPage): Promise<void> {
  await signIn(host.page, katharina);
  await seeStatement(host.page);
  assert.deepEqual(await moduleScripts(host.page), [`${e2e.server.url}/dist/hausportal.js`], 'hausportal.js added once');
  assertClean(host);
}

async function open(host: HostPage, name: string, html: string): Promise<void> {
  await host.page.goto(await servePage(host.page, `${e2e.server.url}/cms-test/${name}.html`, html));
}

/** Whether the page has defined <hp-session> (hausportal.js ran). */
const defined = (host: HostPage) => host.page.evaluate(() => customElements.get('hp-session') !== undefined);

test('hausportal-loader.js adds hausportal.js however the page runs it', async (t) => {
  await t.test('as type="text/javascript"', async () => {
    const host = await hostPage(e2e.browser);
    await open(host, 'classic', hostHtml('<script type="text/javascript" src="/dist/hausportal-loader.js"></script>'));
    await signsInWithOneModule(host);
    await host.context.close();
  });

  await t.test('held back as text/plain by a consent manager and re-typed to text/javascript after consent', async () => {
    const host = await hostPage(e2e.browser);
    const head = `<script src="/cms/consent-manager.js"></script>
<script type="text/plain" data-cookieconsent="preferences" src="/dist/hausportal-loader.js"></script>`;
    await open(host, 'consent', hostHtml(head, consentBanner));
    await host.page.waitForLoadState('load');
    assert.equal(await defined(host), false, 'nothing runs before consent');
    assert.deepEqual(await moduleScripts(host.page), []);
    await host.page.getByRole('button', { name: 'Alle akzeptieren' }).click();
    await signsInWithOneModule(host);
    await host.context.close();
  });

  await t.test("added late, after DOMContentLoaded, on the first interaction (WP Rocket's delayed JavaScript)", async () => {
    const host = await hostPage(e2e.browser);
    // What WP Rocket writes for a delayed script, and what its lazy-script runner does on the first interaction:
    // a new script element with src taken from data-rocket-src.
    const head = `<script type="rocketlazyloadscript" data-rocket-src="/dist/hausportal-loader.js"></script>
<script>
for (const name of ['keydown', 'mousemove', 'touchstart', 'wheel']) addEventListener(name, function release() {
  removeEventListener(name, release);
  for (const delayed of document.querySelectorAll('script[type="rocketlazyloadscript"]')) {
    const script = document.createElement('script');
    script.src = delayed.getAttribute('data-rocket-src');
    document.documentElement.dataset.released = document.readyState;
    delayed.replaceWith(script);
  }
}, { passive: true });
</script>`;
    await open(host, 'delayed', hostHtml(head));
    await host.page.waitForLoadState('load');
    assert.equal(await defined(host), false, 'nothing runs before the first interaction');
    await host.page.mouse.move(20, 20);
    await host.page.locator('hp-login input[name="username"]').waitFor();
    assert.equal(await host.page.evaluate(() => document.documentElement.dataset.released), 'complete', 'released after the page had loaded');
    await signsInWithOneModule(host);
    await host.context.close();
  });

  // An optimizer that evaluates the file's code itself: document.currentScript is null, so the loader finds its tag.
  const evaluate = (from: string) => `<script>
addEventListener('load', () => fetch('${from}').then((r) => r.text()).then((code) => {
  document.documentElement.dataset.currentScript = String(document.currentScript);
  (0, eval)(code);
}));
</script>`;

  await t.test('evaluated by an optimizer (no currentScript): found by script[src*="hausportal-loader"]', async () => {
    const host = await hostPage(e2e.browser);
    const head = `<script type="text/plain" src="/dist/hausportal-loader.js"></script>${evaluate('/dist/hausportal-loader.js')}`;
    await open(host, 'optimized-src', hostHtml(head));
    await host.page.locator('hp-login input[name="username"]').waitFor();
    assert.equal(await host.page.evaluate(() => document.documentElement.dataset.currentScript), 'null');
    await signsInWithOneModule(host);
    await host.context.close();
  });

  await t.test('combined into another file (no own tag): found by data-hausportal-loader with data-src', async () => {
    const host = await hostPage(e2e.browser);
    const head = `<script type="text/plain" data-hausportal-loader data-src="/dist/hausportal.js"></script>${evaluate('/dist/hausportal-loader.js')}`;
    await open(host, 'optimized-data', hostHtml(head));
    await signsInWithOneModule(host);
    await host.context.close();
  });

  await t.test('combined with no tag to find: a console error says what to do', async () => {
    const host = await hostPage(e2e.browser);
    const error = host.page.waitForEvent('console', (m) => m.type() === 'error');
    await open(host, 'optimized-lost', hostHtml(evaluate('/dist/hausportal-loader.js')));
    assert.match((await error).text(), /^Hausportal: hausportal-loader\.js cannot find its own script tag.*data-src=/);
    assert.equal(await defined(host), false);
    await host.context.close();
  });

  await t.test('twice, and beside the plain module snippet: one module script, one definition per element', async () => {
    const host = await hostPage(e2e.browser);
    const head = `<script type="module" src="/dist/hausportal.js"></script>
<script src="/dist/hausportal-loader.js"></script>
<script src="/dist/hausportal-loader.js?again"></script>`;
    await open(host, 'twice', hostHtml(head, '<script src="/dist/hausportal-loader.js"></script>'));
    await signsInWithOneModule(host);
    await host.context.close();
  });
});

test('a <script type="module"> re-typed to text/javascript by a consent manager fails, so the loader is needed', async () => {
  const host = await hostPage(e2e.browser);
  const failed = host.page.waitForEvent('pageerror');
  const head = `<script src="/cms/consent-manager.js"></script>
<script type="text/plain" data-cookieconsent="necessary" src="/dist/hausportal.js"></script>`;
  await open(host, 'module-retyped', hostHtml(head, consentBanner));
  const error = String(await failed);
  assert.match(error, /Cannot use import statement outside a module|Cannot use 'import\.meta' outside a module|Unexpected token 'export'/);
  assert.equal(await host.page.locator('script[src="/dist/hausportal.js"]').getAttribute('type'), 'text/javascript');
  assert.equal(await defined(host), false, 'no element is defined');
  assert.equal(await host.page.locator('hp-login input').count(), 0, 'no login form');
  await host.context.close();
});
