// End to end: what a web agency meets when embedding (issue 8, items 1, 2 and 7), against the real server in the system
// Chromium. A first visit without a session leaves the host page's console clean; the README snippet still works after
// WordPress's wpautop has wrapped it in <p> (also when the parser splits widgets off <hp-session>); and a page on an
// origin the API does not admit says so instead of blaming the internet connection.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { autop } from '@wordpress/autop';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from './browser.ts';
import { demoLogins, repoRoot, startServer, type RunningServer } from './server.ts';

let server: RunningServer;
let browser: Browser;

const tenant = demoLogins().find((l) => l.role === 'tenant' && l.organization === 'immopro' && l.password);

before(async () => {
  server = await startServer();
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

/** What a page shows the host page's author: console errors, failed answers, uncaught errors. */
interface Watched {
  page: Page;
  context: BrowserContext;
  consoleErrors: string[];
  failed: string[];
  pageErrors: string[];
}

async function watchedPage(): Promise<Watched> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'de-AT' });
  const page = await context.newPage();
  const watched: Watched = { page, context, consoleErrors: [], failed: [], pageErrors: [] };
  page.on('console', (message) => {
    if (message.type() === 'error') watched.consoleErrors.push(message.text());
  });
  page.on('response', (response) => {
    if (response.status() >= 400) watched.failed.push(`${response.status()} ${response.request().method()} ${response.url()}`);
  });
  page.on('requestfailed', (request) => watched.failed.push(`failed ${request.method()} ${request.url()}: ${request.failure()?.errorText}`));
  page.on('pageerror', (error) => watched.pageErrors.push(String(error)));
  return watched;
}

/** The embedding snippet of the README (the first html block of its Embedding section). */
function readmeSnippet(): string {
  const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Embedding'));
  const match = /```html\n([\s\S]*?)```/.exec(section);
  assert.ok(match, 'README: no html snippet in the Embedding section');
  return match[1]!;
}

/** A WordPress-like page whose content is `snippet` pointed at this server, run through wpautop as the classic editor does. */
function wordpressPage(snippet: string): string {
  const content = autop(snippet.replaceAll('https://portal.example-hv.at', server.url));
  return `<!doctype html><html lang="de-AT"><head><meta charset="utf-8"><title>Kundenportal – WordPress</title></head>
<body><main class="entry-content"><h1>Kundenportal</h1>${content}</main></body></html>`;
}

/** Serves `html` at `path` of `origin` in this page only (the API and bundle stay the real server's). */
async function serve(page: Page, origin: string, path: string, html: string): Promise<string> {
  const url = `${origin}${path}`;
  await page.route(url, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }));
  return url;
}

/** Signs the demo tenant in through <hp-login> and waits for the statement's totals. */
async function signInAndSeeStatement(page: Page): Promise<void> {
  assert.ok(tenant, 'examples/demo-logins.json has no tenant of immopro');
  await page.locator('hp-login input[name="username"]').fill(tenant.username);
  await page.locator('hp-login input[name="password"]').fill(tenant.password);
  await page.locator('hp-login button[type="submit"]').click();
  await page.locator('hp-login').getByRole('button', { name: /^(Abmelden|Sign out)$/ }).waitFor();
  const total = page.locator('hp-statement [data-total] [data-gross]');
  await total.waitFor();
  assert.match(await total.textContent() ?? '', /\d+,\d{2}\s€/, 'the statement shows no gross total');
  await page.locator('hp-unit-list [data-unit]').first().waitFor();
}

test('a first visit without a session makes no failed request and logs no console error', async (t) => {
  for (const path of ['/', '/krueger.html', '/cms/wordpress.html', '/cms/typo3.html', '/cms/sidebar-login.html']) {
    await t.test(path, async () => {
      const { page, context, consoleErrors, failed, pageErrors } = await watchedPage();
      const refresh = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/auth/refresh');
      const response = await page.goto(`${server.url}${path}`);
      assert.equal(response?.status(), 200);
      assert.equal((await refresh).status(), 204, 'the refresh without a cookie is answered 204');
      await page.locator('hp-session[state="anonymous"]').first().waitFor({ state: 'attached' });
      await page.locator('hp-login input[name="username"]').first().waitFor();
      await page.waitForLoadState('networkidle');
      assert.deepEqual(failed, [], 'answers ≥ 400 or failed requests');
      assert.deepEqual(consoleErrors, [], 'console errors');
      assert.deepEqual(pageErrors, [], 'uncaught errors');
      await context.close();
    });
  }
});

test('the README snippet run through WordPress wpautop: sign in, then the statement shows the account', async (t) => {
  const snippet = readmeSnippet();
  assert.match(snippet, /<hp-statement><\/hp-statement>/, 'the README snippet has the statement');

  await t.test('as the README has it', async () => {
    const { page, context, consoleErrors, pageErrors } = await watchedPage();
    await page.goto(await serve(page, server.url, '/wp-autop.html', wordpressPage(snippet)));
    assert.match(await page.content(), /<p><hp-session/, 'wpautop wrapped the snippet in <p>');
    await signInAndSeeStatement(page);
    assert.deepEqual(pageErrors, []);
    assert.deepEqual(consoleErrors, []);
    await context.close();
  });

  await t.test('with blank lines between the widgets, so the parser closes <hp-session> early', async () => {
    const { page, context, consoleErrors, pageErrors } = await watchedPage();
    const spaced = snippet.replace(/\n(\s*<hp-(?:unit-list|statement)>)/g, '\n\n$1');
    await page.goto(await serve(page, server.url, '/wp-autop-split.html', wordpressPage(spaced)));
    const outside = await page.evaluate(() =>
      [...document.querySelectorAll('hp-login, hp-profile, hp-unit-list, hp-statement')].filter((el) => !el.closest('hp-session')).map((el) => el.localName),
    );
    assert.deepEqual(outside, ['hp-unit-list', 'hp-statement'], 'the parser left the lists outside the session');
    await signInAndSeeStatement(page);
    assert.equal(await page.locator('hp-statement').locator('[part="hint"]').count(), 0);
    assert.deepEqual(pageErrors, []);
    assert.deepEqual(consoleErrors, []);
    await context.close();
  });
});

test('a widget on a page without any <hp-session> tells the page author, in German and English', async (t) => {
  const texts = { de: /Dieses Element findet kein <hp-session> auf der Seite/, en: /this element finds no <hp-session> on the page/ };
  for (const lang of ['de', 'en'] as const) {
    await t.test(lang, async () => {
      const { page, context, pageErrors } = await watchedPage();
      const warnings: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'warning') warnings.push(message.text());
      });
      const html = `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>Ohne Sitzung</title>
<script type="module" src="/dist/hausportal.js"></script></head><body><main><h1>Konto</h1><hp-statement></hp-statement><hp-unit-list></hp-unit-list></main></body></html>`;
      await page.goto(await serve(page, server.url, `/no-session-${lang}.html`, html));
      const hint = page.locator('hp-statement [part="hint"]');
      await hint.waitFor();
      assert.match((await hint.textContent()) ?? '', texts[lang]);
      await page.locator('hp-unit-list [part="hint"]').waitFor();
      assert.equal(warnings.filter((w) => w.includes('is outside any <hp-session>')).length, 1, 'warned once for the page');

      // A session that arrives later (added by a script) is taken, and the hint goes.
      await page.evaluate(() => {
        const session = document.createElement('hp-session');
        session.setAttribute('org', 'immopro');
        document.body.append(session);
      });
      await hint.waitFor({ state: 'detached' });
      await page.locator('hp-statement [part="empty"]').waitFor();
      assert.deepEqual(pageErrors, []);
      await context.close();
    });
  }
});

/**
 * A second web server, as an agency's site would be: plain HTML at 127.0.0.1 on a port of its own (a real server, so
 * Chromium sees a loopback page talking to a loopback API). `page(origin)` makes the page once the origin is known.
 */
async function agencySite(page: (origin: string) => string): Promise<{ url: string; origin: string; stop: () => Promise<void> }> {
  let body = '';
  const site = createServer((req, res) => {
    const known = new URL(req.url ?? '/', 'http://site').pathname === '/agentur.html';
    res.writeHead(known ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' }).end(known ? body : 'not found');
  });
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
  body = page(origin);
  return { url: `${origin}/agentur.html`, origin, stop: () => new Promise<void>((resolve) => site.close(() => resolve())) };
}

/** The page's console explanation: names the page's origin and both settings that admit it. */
function assertAdvice(consoleErrors: string[], pageOrigin: string): string {
  const advice = consoleErrors.filter((e) => e.startsWith('Hausportal:'));
  assert.equal(advice.length, 1, `one explanation in the console:\n${consoleErrors.join('\n')}`);
  assert.ok(advice[0]!.includes(`this page's origin ${pageOrigin}`), advice[0]);
  assert.ok(advice[0]!.includes(`HP_DEV_ORIGINS=${pageOrigin}`), advice[0]);
  assert.ok(advice[0]!.includes("organization's allowed origins"), advice[0]);
  return advice[0]!;
}

const notAllowed = 'Die Adresse dieser Seite ist für das Portal nicht freigegeben. Bitte informieren Sie den Betreiber der Website.';

test('a page on an origin the API does not admit says that its address is not allowed', async (t) => {
  const apiOrigin = server.url; // http://localhost:<port>: the server admits its own origin and no other here

  await t.test('an agency site on another origin (127.0.0.1, a port of its own)', async () => {
    const site = await agencySite(
      (origin) => `<!doctype html><html lang="de"><head><meta charset="utf-8"><title>Agentur</title>
<script type="module" src="${apiOrigin}/dist/hausportal.js"></script></head>
<body><main><h1>Kundenportal</h1><p>${origin}</p>
<hp-session api="${apiOrigin}/api" org="immopro" lang="de"><hp-login></hp-login><hp-statement></hp-statement></hp-session></main></body></html>`,
    );
    t.after(() => site.stop());
    const { page, context, consoleErrors, pageErrors } = await watchedPage();
    await page.goto(site.url);
    const alert = page.locator('hp-login [part="hint"][role="alert"]');
    await alert.waitFor();
    assert.equal((await alert.textContent())?.trim(), notAllowed);
    await page.locator('hp-statement [part="hint"][role="alert"]').waitFor();
    assert.equal(await page.locator('hp-login input[name="username"]').isVisible(), false, 'no login form that cannot work');
    assertAdvice(consoleErrors, site.origin);
    assert.ok(!(await page.locator('body').innerText()).includes('Internetverbindung'), 'no word of the internet connection');

    await page.evaluate(() => document.querySelector('hp-session')!.setAttribute('lang', 'en'));
    await page.locator('hp-login [part="hint"]', { hasText: "This page's address is not allowed for the portal." }).waitFor();
    assert.deepEqual(pageErrors, []);
    await context.close();
  });

  await t.test("the same example page from the server's own origin signs in as usual", async () => {
    const { page, context, consoleErrors, pageErrors } = await watchedPage();
    await page.goto(`${apiOrigin}/cms/wordpress.html`);
    await page.locator('hp-login input[name="username"]').waitFor();
    assert.equal(await page.locator('hp-login [part="hint"]').count(), 0);
    assert.deepEqual(consoleErrors, []);
    assert.deepEqual(pageErrors, []);
    await context.close();
  });
});
