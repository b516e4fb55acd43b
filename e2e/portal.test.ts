// End to end: the ImmoPro example homepage against the real server in the system Chromium.
// A demo tenant signs in through <hp-login>, survives a reload, edits the phone number in <hp-profile>, sees her
// flat and balance in <hp-unit-list> and the server's totals in <hp-statement>,
// and signs out. After every step no token may be readable by page scripts.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, BrowserContext, Page, Response } from 'playwright-core';
import { launchChromium } from './browser.ts';
import { formatMoney } from '../packages/core/src/format.ts';
import { demoLogins, startServer, type RunningServer } from './server.ts';

let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const pageErrors: string[] = [];
/** Every access token the server handed out, and every refresh cookie value seen. */
const secrets = new Set<string>();
let lastAccessToken: string | undefined;

const tenant = demoLogins().find((l) => l.role === 'tenant' && l.organization === 'immopro' && l.password);

before(async () => {
  server = await startServer();
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'de-AT' });
  page = await context.newPage();
  page.on('pageerror', (error) => pageErrors.push(String(error)));
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

const isApi = (path: string, method = 'POST') => (r: Response) =>
  new URL(r.url()).pathname === `/api${path}` && r.request().method() === method;

/** Remembers the access token of a login/refresh answer so later checks can look for it. */
async function remember(response: Response): Promise<void> {
  if (!response.ok()) return;
  const body = (await response.json()) as { accessToken?: string };
  if (body.accessToken) {
    secrets.add(body.accessToken);
    lastAccessToken = body.accessToken;
  }
}

/** No token in localStorage, sessionStorage, document.cookie or the URL; the refresh cookie is HttpOnly. */
async function assertNoReadableToken(step: string): Promise<void> {
  const seen = await page.evaluate(() => ({
    local: Object.entries(localStorage).flat(),
    session: Object.entries(sessionStorage).flat(),
    cookie: document.cookie,
    url: location.href,
  }));
  for (const cookie of await context.cookies()) {
    if (/hp_rt/.test(cookie.name)) {
      assert.equal(cookie.httpOnly, true, `${step}: refresh cookie ${cookie.name} must be HttpOnly`);
      secrets.add(cookie.value);
    }
  }
  const readable = [...seen.local, ...seen.session, seen.cookie, seen.url].join('\n');
  assert.doesNotMatch(seen.cookie, /hp_rt/, `${step}: document.cookie exposes the refresh cookie`);
  assert.doesNotMatch(readable, /eyJ[\w-]+\.[\w-]+\.[\w-]+/, `${step}: something JWT-like is readable`);
  for (const secret of secrets) {
    assert.ok(!readable.includes(secret), `${step}: a token is readable from storage, cookies or the URL`);
  }
}

const username = () => page.locator('hp-login input[name="username"]');
const signOut = () => page.locator('hp-login').getByRole('button', { name: /^(Abmelden|Sign out)$/ });
const phone = () => page.locator('hp-profile input[name="phone"]');
/** Text as a reader sees it: runs of (non-breaking) spaces as one space. */
const words = (text: string | null) => (text ?? '').replace(/\s+/g, ' ').trim();

/** GET on the API with the tenant's current access token, as JSON. */
async function apiGet<T>(path: string): Promise<T> {
  assert.ok(lastAccessToken, 'no access token was handed out');
  const response = await fetch(`${server.url}/api${path}`, { headers: { authorization: `Bearer ${lastAccessToken}` } });
  const body = await response.text();
  assert.equal(response.status, 200, `GET ${path}: ${body}`);
  return JSON.parse(body) as T;
}

interface UnitRow {
  id: string;
  top: string;
  active: boolean;
  balanceCents: number;
}

test('a tenant signs in on the homepage, edits the profile and signs out', async (t) => {
  assert.ok(tenant, 'examples/demo-logins.json has no tenant of immopro');
  const newPhone = `+43 1 ${String(Date.now()).slice(-7)}`;

  await t.test('the homepage shows the login form', async () => {
    const response = await page.goto(`${server.url}/`);
    assert.equal(response?.status(), 200);
    await username().waitFor();
    assert.equal(await page.locator('hp-session').getAttribute('org'), 'immopro');
    await assertNoReadableToken('anonymous');
  });

  await t.test('signing in', async () => {
    await username().fill(tenant.username);
    await page.locator('hp-login input[name="password"]').fill(tenant.password);
    const login = page.waitForResponse(isApi('/auth/login'));
    await page.locator('hp-login button[type="submit"]').click();
    const response = await login;
    assert.equal(response.status(), 200, `login failed: ${await response.text()}`);
    await remember(response);
    await signOut().waitFor();
    await assertNoReadableToken('after login');
  });

  await t.test('a reload keeps the tenant signed in', async () => {
    const refresh = page.waitForResponse(isApi('/auth/refresh'));
    await page.reload();
    const response = await refresh;
    assert.equal(response.status(), 200, 'the refresh cookie did not restore the session');
    await remember(response);
    await signOut().waitFor();
    await assertNoReadableToken('after reload');
  });

  await t.test('the phone number is saved and survives a reload', async () => {
    await page.locator('hp-profile button.edit').click();
    await phone().fill(newPhone);
    const save = page.waitForResponse(isApi('/me', 'PATCH'));
    await page.locator('hp-profile form:has(input[name="phone"]) button[type="submit"]').click();
    const response = await save;
    assert.equal(response.status(), 200, `saving failed: ${await response.text()}`);
    assert.equal(((await response.json()) as { phone: string }).phone, newPhone);
    await assertNoReadableToken('after saving');

    const refresh = page.waitForResponse(isApi('/auth/refresh'));
    await page.reload();
    const restored = await refresh;
    await remember(restored);
    await page.locator('hp-profile').getByText(newPhone, { exact: true }).waitFor();
    await assertNoReadableToken('after saving and reload');
  });

  await t.test('the API returns the new phone number', async () => {
    assert.equal((await apiGet<{ phone: string }>('/me')).phone, newPhone);
  });

  await t.test('the unit list shows her flat with the balance the server computes', async () => {
    const { items } = await apiGet<{ items: UnitRow[] }>('/units');
    const unit = items.find((u) => u.active);
    assert.ok(unit, 'the demo tenant has no active unit');
    const row = page.locator(`hp-unit-list [data-unit="${unit.id}"]`);
    await row.waitFor();
    assert.equal(words(await row.locator('.top').textContent()), unit.top);
    const balance = words(await row.locator('.balance').textContent());
    const word = unit.balanceCents > 0 ? 'Rückstand' : unit.balanceCents < 0 ? 'Guthaben' : 'ausgeglichen';
    const amount = unit.balanceCents === 0 ? '' : `${words(formatMoney(Math.abs(unit.balanceCents), 'de'))} `;
    assert.equal(balance, `${amount}${word}`);
  });

  await t.test('the statement shows the charges and the account with the server\'s totals', async () => {
    const { items } = await apiGet<{ items: UnitRow[] }>('/units');
    const unit = items.find((u) => u.active)!;
    // The statement's default months are January … this month of the organization's day (its time zone, the server's clock).
    const { today } = (await (await fetch(`${server.url}/api/organizations/immopro/public`)).json()) as { today: string };
    const year = Number(today.slice(0, 4));
    const month = today.slice(0, 7);
    const charges = await apiGet<{ totals: { netCents: number; vatCents: number; grossCents: number } }>(`/charges?unit=${unit.id}&from=${year}-01&to=${month}`);
    assert.ok(charges.totals.grossCents > 0, 'the demo tenant has charges this year');
    const statement = page.locator('hp-statement');
    await statement.locator(`.unit[data-unit="${unit.id}"]`).waitFor();
    const total = statement.locator('[data-total]');
    await total.waitFor();
    const money = (cents: number) => words(formatMoney(cents, 'de'));
    assert.equal(words(await total.locator('[data-net]').textContent()), money(charges.totals.netCents));
    assert.equal(words(await total.locator('[data-vat]').textContent()), money(charges.totals.vatCents));
    assert.equal(words(await total.locator('[data-gross]').textContent()), money(charges.totals.grossCents));

    const ledger = await apiGet<{ closingBalanceCents: number; entries: unknown[] }>(`/ledger?unit=${unit.id}&year=${year}`);
    await statement.getByRole('tab', { name: 'Kontoblatt' }).click();
    const closing = statement.locator('.closing');
    await closing.waitFor();
    const word = ledger.closingBalanceCents > 0 ? 'Rückstand' : ledger.closingBalanceCents < 0 ? 'Guthaben' : 'ausgeglichen';
    const amount = ledger.closingBalanceCents === 0 ? '' : `${money(Math.abs(ledger.closingBalanceCents))} `;
    assert.equal(words(await closing.textContent()), `${amount}${word}`);
    assert.equal(await statement.locator('.body [role=row]').count(), ledger.entries.length);
    await assertNoReadableToken('after the statement');
  });

  await t.test('signing out ends the session, also after a reload', async () => {
    const logout = page.waitForResponse(isApi('/auth/logout'));
    await signOut().click();
    assert.equal((await logout).status(), 204);
    await username().waitFor();
    await assertNoReadableToken('after logout');

    await page.reload();
    await username().waitFor();
    assert.equal(await signOut().count(), 0, 'still signed in after logout and reload');
    await assertNoReadableToken('after logout and reload');
  });

  await t.test('the language switch of the page switches the widgets', async () => {
    const submit = page.locator('hp-login button[type="submit"]');
    await page.getByRole('button', { name: 'EN', exact: true }).click();
    assert.equal(await page.locator('hp-session').getAttribute('lang'), 'en');
    await submit.filter({ hasText: 'Sign in' }).waitFor();
    await page.getByRole('button', { name: 'DE', exact: true }).click();
    await submit.filter({ hasText: 'Anmelden' }).waitFor();
  });

  assert.deepEqual(pageErrors, [], 'the page threw errors');
});
