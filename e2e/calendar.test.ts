// End to end: the organization's calendar (DESIGN §6a). The real server's clock starts at 2026-12-31T23:30Z
// (HP_CLOCK_START), which is 00:30 on 1 January 2027 in Vienna. The browser is in New York (18:30 on New Year's Eve
// there) and its clock says June 2026. The statement on the ImmoPro homepage must show the organization's year and
// count days overdue to the organization's day — and move on by itself when the page stays open over midnight.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { chromium, type Browser, type Page, type Response } from 'playwright-core';
import { daysBetween } from '../packages/api/src/calendar.ts';
import { chromiumArgs, chromiumPath } from '../scripts/chromium.mjs';
import { demoLogins, startServer, type RunningServer } from './server.ts';

const serverStart = '2026-12-31T23:30:00Z';
const deviceClock = new Date('2026-06-15T12:00:00Z');
/** Markus Lehner pays late: his flat at ImmoPro has open items with due dates. */
const tenant = demoLogins().find((l) => l.organization === 'immopro' && l.username === 'markus.lehner@example.net');

let server: RunningServer;
let browser: Browser;
const pageErrors: string[] = [];

before(async () => {
  server = await startServer({ env: { HP_CLOCK_START: serverStart } });
  const executablePath = chromiumPath();
  assert.ok(executablePath, 'no Chromium found (run node scripts/ensure-chromium.mjs)');
  browser = await chromium.launch({ executablePath, args: chromiumArgs, headless: true });
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

const isGet = (path: string) => (r: Response) => new URL(r.url()).pathname === `/api${path}` && r.request().method() === 'GET';
const yearOf = (r: Response) => new URL(r.url()).searchParams.get('year');

/**
 * A page in New York with the device clock in June 2026, signed in as the tenant. `shiftMs` makes the organization's
 * public answer that much older, as if the page had been opened that long before the server's now.
 */
async function signedIn(shiftMs = 0): Promise<Page> {
  assert.ok(tenant, 'examples/demo-logins.json has no Markus Lehner at immopro');
  const context = await browser.newContext({ timezoneId: 'America/New_York', locale: 'de-AT', viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  page.on('pageerror', (error) => pageErrors.push(String(error)));
  await page.clock.install({ time: deviceClock });
  if (shiftMs) {
    await page.route('**/api/organizations/*/public', async (route) => {
      const response = await route.fetch();
      const body = (await response.json()) as { now: string; today: string; timeZone: string };
      const now = new Date(Date.parse(body.now) - shiftMs);
      const today = new Intl.DateTimeFormat('en-CA', { timeZone: body.timeZone }).format(now);
      await route.fulfill({ response, json: { ...body, now: now.toISOString(), today } });
    });
  }
  await page.goto(`${server.url}/`);
  await page.locator('hp-login input[name="username"]').fill(tenant.username);
  await page.locator('hp-login input[name="password"]').fill(tenant.password);
  await page.locator('hp-login button[type="submit"]').click();
  await page.locator('hp-statement .unit').waitFor();
  return page;
}

/** Opens a tab of the statement and returns the answer of the request it makes. */
async function openTab(page: Page, view: string, path: string): Promise<Response> {
  const answer = page.waitForResponse(isGet(path));
  await page.locator(`hp-statement #tab-${view}`).click();
  return answer;
}

/** Days overdue of every open item in the table, and what they should be on `day`. */
async function overdue(page: Page, answer: Response, day: string): Promise<{ shown: string[]; expected: string[] }> {
  const { items } = (await answer.json()) as { items: { dueOn: string | null; openCents: number }[] };
  assert.ok(items.some((i) => i.dueOn && i.openCents > 0), 'the tenant has open items');
  const rows = page.locator('hp-statement-open-items tbody tr');
  await rows.first().waitFor();
  const shown = await rows.evaluateAll((trs) => trs.map((tr) => tr.children[4]!.textContent!.trim()));
  const expected = items.map((i) => String(i.dueOn && i.openCents > 0 ? Math.max(0, daysBetween(i.dueOn, day)) : 0));
  return { shown, expected };
}

test('the statement follows the organization\'s day, not the device\'s clock or time zone', async () => {
  const page = await signedIn();
  assert.equal(await page.evaluate(() => new Date().getFullYear()), 2026, 'the device believes it is 2026');

  const ledger = await openTab(page, 'ledger', '/ledger');
  assert.deepEqual([yearOf(ledger), ledger.status()], ['2027', 200]);
  assert.equal(await page.locator('hp-statement #ledger-year').inputValue(), '2027');

  const { shown, expected } = await overdue(page, await openTab(page, 'open-items', '/open-items'), '2027-01-01');
  assert.deepEqual(shown, expected);
  await page.context().close();
});

test('a page opened at 23:30 on New Year\'s Eve moves on to 2027 at the organization\'s midnight', async () => {
  // The public answer is made an hour older: the page believes it was opened at 22:30Z (23:30 in Vienna).
  const page = await signedIn(3_600_000);
  const lastDay = await overdue(page, await openTab(page, 'open-items', '/open-items'), '2026-12-31');
  assert.deepEqual(lastDay.shown, lastDay.expected);
  const before = await openTab(page, 'ledger', '/ledger');
  assert.deepEqual([yearOf(before), before.status()], ['2026', 200]);
  assert.equal(await page.locator('hp-statement #ledger-year').inputValue(), '2026');

  const next = page.waitForResponse((r) => isGet('/ledger')(r) && yearOf(r) === '2027');
  await page.clock.fastForward('01:00:00');
  const after = await next;
  assert.equal(after.status(), 200, await after.text());
  await page.locator('hp-statement #ledger-year option[value="2027"]').waitFor({ state: 'attached' });
  assert.equal(await page.locator('hp-statement #ledger-year').inputValue(), '2027');

  const newYear = await overdue(page, await openTab(page, 'open-items', '/open-items'), '2027-01-01');
  assert.deepEqual(newYear.shown, newYear.expected);
  assert.notDeepEqual(newYear.shown, lastDay.shown, 'the overdue items are a day older');
  await page.context().close();
  assert.deepEqual(pageErrors, [], 'the page threw errors');
});
