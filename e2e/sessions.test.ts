// End to end: one login per page and per browser (DESIGN §6) against the real server in the system Chromium.
// examples/cms/sidebar-login.html has the login in the sidebar and the unit list in the main column, each in its own
// <hp-session> with the same api and org. Signing in in the sidebar signs in the main column at once, and reloads,
// also two tabs reloading at the same moment, never end the session; a logout in one tab signs out the other.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, BrowserContext, Page, Response } from 'playwright-core';
import { launchChromium } from './browser.ts';
import { demoLogins, startServer, type RunningServer } from './server.ts';

let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
const pageErrors: string[] = [];
/** Every answer of POST /api/auth/refresh, in the order they came: status and whether it cleared the cookie. */
const refreshes: Promise<{ status: number; cleared: boolean }>[] = [];

const tenant = demoLogins().find((l) => l.role === 'tenant' && l.organization === 'immopro' && l.password);

before(async () => {
  server = await startServer();
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 1200, height: 900 }, locale: 'de-AT' });
  context.on('response', (response) => {
    if (new URL(response.url()).pathname === '/api/auth/refresh') refreshes.push(refreshOf(response));
  });
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

async function refreshOf(response: Response): Promise<{ status: number; cleared: boolean }> {
  const cookies = (await response.headersArray()).filter((h) => h.name.toLowerCase() === 'set-cookie');
  // An answer that sets a new refresh token also removes one left in the other cookie mode (auth/cookies.ts): only an
  // answer that clears without setting one ends the session in the browser.
  const sets = cookies.some((h) => /hp_rt=[^;]/.test(h.value));
  return { status: response.status(), cleared: !sets && cookies.some((h) => /hp_rt=;/.test(h.value)) };
}

async function openPage(): Promise<Page> {
  const page = await context.newPage();
  page.on('pageerror', (error) => pageErrors.push(String(error)));
  const response = await page.goto(`${server.url}/cms/sidebar-login.html`);
  assert.equal(response?.status(), 200);
  return page;
}

/** Both sessions of the page have settled on `state`. */
async function bothAre(page: Page, state: 'authenticated' | 'anonymous'): Promise<void> {
  await page.locator(`aside hp-session[state="${state}"]`).waitFor({ state: 'attached' });
  await page.locator(`main hp-session[state="${state}"]`).waitFor({ state: 'attached' });
}

const signOut = (page: Page) => page.locator('aside hp-login').getByRole('button', { name: /^(Abmelden|Sign out)$/ });
const unitRow = (page: Page) => page.locator('main hp-unit-list [data-unit]').first();

/** Where the refreshes since the login start. */
let signedIn = 0;

/** No refresh answer since the login ended the session or cleared the cookie. */
async function assertNoRefreshLost(step: string): Promise<void> {
  const lost = (await Promise.all(refreshes.slice(signedIn))).filter((r) => r.status !== 200 || r.cleared);
  assert.deepEqual(lost, [], `${step}: a refresh failed or cleared the cookie`);
}

test('one login for the sidebar and the content, and for every tab', async (t) => {
  assert.ok(tenant, 'examples/demo-logins.json has no tenant of immopro');
  const first = await openPage();

  await t.test('signing in in the sidebar signs in the main column at once', async () => {
    await bothAre(first, 'anonymous');
    await first.locator('aside hp-login input[name="username"]').fill(tenant.username);
    await first.locator('aside hp-login input[name="password"]').fill(tenant.password);
    const login = first.waitForResponse((r) => new URL(r.url()).pathname === '/api/auth/login');
    await first.locator('aside hp-login button[type="submit"]').click();
    assert.equal((await login).status(), 200);
    signedIn = refreshes.length;
    await bothAre(first, 'authenticated');
    await unitRow(first).waitFor();
  });

  await t.test('both stay signed in across three reloads, with one refresh each', async () => {
    for (let i = 1; i <= 3; i++) {
      const before = refreshes.length;
      await first.reload();
      await bothAre(first, 'authenticated');
      await unitRow(first).waitFor();
      assert.equal(refreshes.length - before, 1, `reload ${i}: one refresh for the page`);
      await assertNoRefreshLost(`reload ${i}`);
    }
  });

  const second = await openPage();
  await t.test('two tabs reloading at the same moment both stay signed in, and so does a further reload', async () => {
    await bothAre(second, 'authenticated');
    await Promise.all([first.reload(), second.reload()]);
    await Promise.all([bothAre(first, 'authenticated'), bothAre(second, 'authenticated')]);
    await assertNoRefreshLost('reloading together');
    await Promise.all([first.reload(), second.reload()]);
    await Promise.all([bothAre(first, 'authenticated'), bothAre(second, 'authenticated')]);
    await second.reload();
    await bothAre(second, 'authenticated');
    await unitRow(second).waitFor();
    await assertNoRefreshLost('reloading again: the family was not revoked');
  });

  await t.test('a reload after a refresh whose answer was lost is signed in with the same successor', async () => {
    const cookie = async () => (await context.cookies()).find((c) => c.name === '__Host-hp_rt')?.value;
    const sent = await cookie();
    // The server rotates the cookie, but its answer never reaches the browser (as when a reload cuts it off).
    const lost = await fetch(`${server.url}/api/auth/refresh`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: server.url, cookie: `__Host-hp_rt=${sent}` },
      body: JSON.stringify({ organization: 'immopro' }),
    });
    assert.equal(lost.status, 200);
    const successor = /__Host-hp_rt=([^;]+)/.exec(lost.headers.getSetCookie().join('\n'))?.[1];
    await first.reload();
    await bothAre(first, 'authenticated');
    assert.equal(await cookie(), successor, 'the page got the same successor');
    await first.reload();
    await bothAre(first, 'authenticated');
    await unitRow(first).waitFor();
    await assertNoRefreshLost('after the lost answer');
  });

  await t.test('signing out in one tab signs out the other', async () => {
    const logout = first.waitForResponse((r) => new URL(r.url()).pathname === '/api/auth/logout');
    await signOut(first).click();
    assert.equal((await logout).status(), 204);
    await bothAre(first, 'anonymous');
    await bothAre(second, 'anonymous');
    await second.locator('aside hp-login input[name="username"]').waitFor();
    await second.reload();
    await bothAre(second, 'anonymous');
  });

  assert.deepEqual(pageErrors, [], 'the pages threw errors');
});
