// End to end: cross-site sessions (issue 15, DESIGN §6) in the system Chromium. Krüger's homepage is served by a
// second web server on another site (http://127.0.0.1:<port>) and talks to the API on http://localhost:<port>; both
// are secure contexts, and different sites. Krüger is configured cross-site, so its refresh cookie is
// `SameSite=None; Secure; Partitioned` (CHIPS).
//
// What this Chromium does, measured with the same two sites (README "Cross-site sessions"):
// - third-party cookies blocked (`profile.cookie_controls_mode` 1; headless Chromium blocks them by default too): an
//   unpartitioned SameSite=None cookie is refused, the partitioned cookie is kept in the host site's partition, and
//   the session survives a reload;
// - the API's cookies blocked on the host site (a cookie content-setting exception "block" for the API's origin as
//   embedded in the host's, on top of the above): every cookie of the API is refused there, the partitioned one too,
//   while the API's own pages keep theirs. This is what "the browser refuses it" looks like (Safari's tracking
//   prevention, a user's or an administrator's block), so test (a) uses it.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../scripts/chromium.mjs';
import { demoLogin, repoRoot, startServer, type RunningServer } from './server.ts';

const becker = demoLogin('thomas.becker@example.net');
const examples = join(repoRoot, 'examples');

let server: RunningServer;
let host: { server: Server; origin: string };

/**
 * Krüger's homepage on a site of its own: the example files as they are, except that the page loads hausportal.js and
 * asks the API on the portal server (an agency's copy of the README snippet).
 */
function hostSite(apiOrigin: () => string): Promise<{ server: Server; origin: string }> {
  const types: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.js': 'text/javascript', '.svg': 'image/svg+xml' };
  const site = createServer((req, res) => {
    const path = normalize(new URL(req.url ?? '/', 'http://site').pathname).replace(/^(\.\.[/\\])+/, '');
    try {
      let body = readFileSync(join(examples, path));
      if (path === '/krueger.html') {
        body = Buffer.from(body.toString('utf8').replace('src="/dist/hausportal.js"', `src="${apiOrigin()}/dist/hausportal.js"`).replace('api="/api"', `api="${apiOrigin()}/api"`));
      }
      res.writeHead(200, { 'content-type': types[extname(path)] ?? 'application/octet-stream' }).end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  return new Promise((resolve) => site.listen(0, '127.0.0.1', () => resolve({ server: site, origin: `http://127.0.0.1:${(site.address() as AddressInfo).port}` })));
}

before(async () => {
  host = await hostSite(() => server.url);
  // The host page's origin is admitted the way a developer admits one (HP_DEV_ORIGINS); in production it is one of
  // Krüger's allowed origins.
  server = await startServer({ env: { HP_DEV_ORIGINS: host.origin } });
});

after(async () => {
  await server?.stop();
  await new Promise<void>((resolve) => host?.server.close(() => resolve()));
});

/**
 * Chromium with a profile of its own whose preferences block third-party cookies — and, with `blockApiHere`, every
 * cookie of the API's origin on the host's site (primary pattern the API, secondary the top-level site).
 */
async function chromiumBlocking(blockApiHere: boolean): Promise<{ context: BrowserContext; done: () => Promise<void> }> {
  const executablePath = chromiumPath();
  assert.ok(executablePath, 'no Chromium found (run node scripts/ensure-chromium.mjs)');
  const dir = mkdtempSync(join(tmpdir(), 'hp-cross-site-'));
  mkdirSync(join(dir, 'Default'));
  const cookies = blockApiHere ? { [`${server.url},${host.origin}`]: { setting: 2 } } : {};
  writeFileSync(join(dir, 'Default', 'Preferences'), JSON.stringify({ profile: { cookie_controls_mode: 1, content_settings: { exceptions: { cookies } } } }));
  const context = await chromium.launchPersistentContext(dir, { executablePath, args: chromiumArgs, headless: true, locale: 'de-DE', viewport: { width: 1200, height: 900 } });
  return {
    context,
    done: async () => {
      await context.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Errors a page shows its author: uncaught errors and console errors. */
function watch(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  return errors;
}

/** Signs Thomas Becker in through the page's <hp-login> and waits for the signed-in state. */
async function signIn(page: Page): Promise<void> {
  const login = page.locator('hp-login').first();
  await login.locator('input[name="username"]').fill(becker.username);
  await login.locator('input[name="password"]').fill(becker.password);
  await login.locator('button[type="submit"]').click();
  await page.locator('hp-session[state="authenticated"]').first().waitFor({ state: 'attached' });
}

/** What `GET /auth/session-cookie` answered after the next login. */
const probeAnswer = (page: Page) =>
  page.waitForResponse((r) => new URL(r.url()).pathname === '/api/auth/session-cookie').then((r) => r.json() as Promise<{ present: boolean }>);

const marker = () => `hausportal:cookie-blocked:${server.url}:krueger`;
const sessionStorageOf = (page: Page) => page.evaluate(() => Object.fromEntries(Object.entries(sessionStorage)));
const localStorageOf = (page: Page) => page.evaluate(() => Object.fromEntries(Object.entries(localStorage)));

/** The page's markup with every open shadow root's. */
const markupOf = (page: Page) =>
  page.evaluate(() => {
    // No named functions in here: the test's compiler would wrap them in a helper the page does not have.
    const parts: string[] = [document.documentElement.outerHTML];
    const roots: (Document | ShadowRoot)[] = [document];
    for (let root = roots.pop(); root; root = roots.pop()) {
      for (const el of root.querySelectorAll('*')) {
        if (!el.shadowRoot) continue;
        parts.push(el.shadowRoot.innerHTML);
        roots.push(el.shadowRoot);
      }
    }
    return parts.join('\n');
  });

/** The next answer of the API at `path` (below /api). */
const answerOf = (page: Page, path: string) => page.waitForResponse((r) => new URL(r.url()).pathname === `/api${path}`);

/** Tabs of the statement: the API path each loads, and what shows once it has. */
const views = {
  ledger: { path: '/ledger', shown: 'hp-statement-ledger [role="table"]' },
  // Thomas Becker has paid everything: the view says so.
  'open-items': { path: '/open-items', shown: 'hp-statement-open-items [part="empty"]' },
};

/**
 * Moves the page's clock past the access token's lifetime (300 s, server/src/auth/auth-result.ts) and opens a tab of
 * the statement: the client renews the token first, with the page's refresh token in the body of /auth/refresh, and
 * the view loads with the new access token. Returns the page's next refresh token, after checking the answers.
 */
async function pastTokenLifetime(page: Page, view: keyof typeof views, sent: string): Promise<string> {
  const refreshed = answerOf(page, '/auth/refresh');
  const loaded = answerOf(page, views[view].path);
  await page.clock.fastForward('05:10');
  await page.locator(`hp-statement #tab-${view}`).click();
  const answer = await refreshed;
  assert.equal(answer.status(), 200, 'renewed');
  const request = answer.request().postDataJSON() as { organization: string; refreshToken?: string };
  assert.equal(request.organization, 'krueger');
  assert.equal(request.refreshToken, sent, 'the token the page got last');
  assert.equal(await answer.request().headerValue('cookie'), null, 'no cookie went');
  assert.equal(await answer.headerValue('set-cookie'), null, 'none is set');
  const body = (await answer.json()) as { accessToken: string; refreshToken?: string };
  assert.ok(body.refreshToken && body.refreshToken !== sent, 'rotated');
  const data = await loaded;
  assert.equal(data.status(), 200);
  assert.equal(await data.request().headerValue('authorization'), `Bearer ${body.accessToken}`, 'with the renewed access token');
  await page.locator(views[view].shown).first().waitFor();
  return body.refreshToken;
}

/**
 * Krüger's homepage on the host site in Chromium blocking as {@link chromiumBlocking} says, ready to sign in; `run`
 * drives it. Afterwards the page must have shown no error, and the browser goes. `fakeClock`: the page's clock can be
 * moved forward (`page.clock.fastForward`), so the access token runs out without waiting for it.
 */
async function onHostPage(blockApiHere: boolean, run: (page: Page, context: BrowserContext) => Promise<void>, fakeClock = false): Promise<void> {
  const { context, done } = await chromiumBlocking(blockApiHere);
  try {
    // Playwright's clock: the page's time runs on as usual until the test moves it forward.
    if (fakeClock) await context.clock.install();
    const page = await context.newPage();
    const errors = watch(page);
    await page.goto(`${host.origin}/krueger.html`);
    await page.locator('hp-login input[name="username"]').first().waitFor();
    await run(page, context);
    assert.deepEqual(errors, [], 'errors on the host page');
  } finally {
    await done();
  }
}

test('(a) the API\'s cookies blocked on the host site: a sign-in lasts the visit, a reload says why and offers the own tab, where the session stays', () =>
  onHostPage(true, async (page, context) => {
    const login = page.locator('hp-login').first();
    assert.equal(await login.locator('[part="cookie-note"]').count(), 0, 'nothing to say before a sign-in');

    const probe = probeAnswer(page);
    const handOut = answerOf(page, '/auth/session-token');
    await signIn(page);
    assert.deepEqual(await probe, { present: false }, 'the browser refused the cookie');
    const handed = await handOut;
    assert.equal(handed.status(), 200, 'the session\'s refresh token went into the page\'s memory');
    let token = ((await handed.json()) as { refreshToken: string }).refreshToken;
    // Signed in for the visit: the statement loads with the access token in memory.
    await page.locator('hp-statement [data-total]').first().waitFor();
    const quiet = login.locator('[part="cookie-note"]');
    await quiet.waitFor();
    assert.match((await quiet.textContent()) ?? '', /Ihr Browser speichert diese Anmeldung nicht: Sie endet, wenn Sie die Seite neu laden, verlassen oder schließen\./);

    // Still signed in after the access token's lifetime, twice over: each renewal rotates the page's token.
    token = await pastTokenLifetime(page, 'ledger', token);
    token = await pastTokenLifetime(page, 'open-items', token);
    assert.equal(await page.locator('hp-session[state="authenticated"]').count(), await page.locator('hp-session').count());

    assert.deepEqual(await sessionStorageOf(page), { [marker()]: '1' }, 'only the marker, no token');
    assert.deepEqual(await localStorageOf(page), {}, 'nothing in localStorage');
    assert.ok(!(await markupOf(page)).includes(token), 'not in the DOM, shadow roots included');
    assert.ok(!page.url().includes(token), 'not in the address');
    assert.deepEqual(await context.cookies(server.url), [], 'no cookie of the API in the browser');
    assert.deepEqual(await context.cookies(host.origin), [], 'none of the host page either');

    const refresh = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/auth/refresh');
    await page.reload();
    assert.equal((await refresh).status(), 204, 'the reload sent no cookie');
    await page.locator('hp-session[state="anonymous"]').first().waitFor({ state: 'attached' });
    const blocked = login.locator('[part="cookie-note"]');
    await blocked.waitFor();
    assert.match((await blocked.textContent()) ?? '', /Ihr Browser blockiert auf dieser Seite die Sitzung des Portals/);
    assert.ok(await login.locator('input[name="password"]').isVisible(), 'the login form stays');
    const link = login.locator('[part="own-tab"]');
    assert.equal((await link.textContent())?.trim(), 'Portal in eigenem Tab öffnen');
    assert.equal(await link.getAttribute('href'), `${server.url}/embed/portal?org=krueger`);
    assert.equal(await link.getAttribute('target'), '_blank');
    assert.equal(await link.getAttribute('rel'), 'noopener');

    const opened = context.waitForEvent('page');
    await link.click();
    const portal = await opened;
    const portalErrors = watch(portal);
    await portal.waitForLoadState();
    assert.equal(portal.url(), `${server.url}/embed/portal?org=krueger`);
    assert.equal(await portal.evaluate(() => window.opener), null, 'no handle on the host page');
    await portal.locator('hp-login input[name="username"]').waitFor();
    const firstParty = probeAnswer(portal);
    await signIn(portal);
    assert.deepEqual(await firstParty, { present: true }, 'first-party, the cookie is kept');
    await portal.reload();
    await portal.locator('hp-session[state="authenticated"]').waitFor({ state: 'attached' });
    assert.equal(await portal.locator('hp-login input[name="username"]').count(), 0, 'still signed in after the reload');
    assert.deepEqual(portalErrors, []);
  }, true));

test('(b) third-party cookies blocked: the partitioned cookie is kept, and a reload keeps the session', () =>
  onHostPage(false, async (page, context) => {
    const probe = probeAnswer(page);
    await signIn(page);
    assert.deepEqual(await probe, { present: true });
    const cookies = await context.cookies(server.url);
    assert.deepEqual(
      cookies.map((c) => ({ name: c.name, sameSite: c.sameSite, partitioned: Boolean(c.partitionKey) })),
      [{ name: '__Host-hp_rt', sameSite: 'None', partitioned: true }],
      'one partitioned refresh cookie (CHIPS), in the host site\'s partition',
    );
    await page.reload();
    await page.locator('hp-session[state="authenticated"]').first().waitFor({ state: 'attached' });
    await page.locator('hp-statement [data-total]').first().waitFor();
    assert.equal(await page.locator('hp-login [part="cookie-note"]').count(), 0, 'nothing to explain');
    assert.deepEqual(await sessionStorageOf(page), {}, 'no marker');
  }));
