// What the CMS end-to-end tests (cms.test.ts, wordpress.test.ts) share: a page that records what its author would see
// in the console, pages served from the test instead of the server, and signing in through <hp-login>.
import assert from 'node:assert/strict';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { DemoLogin } from './server.ts';

/** A page in a context of its own, with the console errors, warnings and uncaught errors it produced so far. */
export interface HostPage {
  page: Page;
  context: BrowserContext;
  consoleErrors: string[];
  warnings: string[];
  pageErrors: string[];
}

/** A fresh context (1,280 × 900, de-AT) and page that records console errors, warnings and uncaught errors. */
export async function hostPage(browser: Browser): Promise<HostPage> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'de-AT' });
  const page = await context.newPage();
  const host: HostPage = { page, context, consoleErrors: [], warnings: [], pageErrors: [] };
  page.on('console', (message) => {
    if (message.type() === 'error') host.consoleErrors.push(message.text());
    if (message.type() === 'warning') host.warnings.push(message.text());
  });
  page.on('pageerror', (error) => host.pageErrors.push(String(error)));
  return host;
}

/**
 * Answers `url` with `html` for this page only (the API, hausportal.js and the loader stay the real server's), so a
 * test page is served next to the real server, on its origin.
 */
export async function servePage(page: Page, url: string, html: string): Promise<string> {
  await page.route(url, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }));
  return url;
}

/** Signs `login` in through the page's first <hp-login> and waits for its sign-out button. */
export async function signIn(page: Page, login: DemoLogin): Promise<void> {
  const form = page.locator('hp-login').first();
  await form.locator('input[name="username"]').fill(login.username);
  await form.locator('input[name="password"]').fill(login.password);
  await form.locator('button[type="submit"]').click();
  await form.getByRole('button', { name: /^(Abmelden|Sign out)$/ }).waitFor();
}

/** Waits for the statement's gross total, an amount in euros (`1.234,56 €`). */
export async function seeStatement(page: Page): Promise<void> {
  const total = page.locator('hp-statement [data-total] [data-gross]').first();
  await total.waitFor();
  assert.match((await total.textContent()) ?? '', /\d+,\d{2}\s€/, 'the statement shows no gross total');
}

/** The module scripts of the page that load hausportal.js (src ending in /hausportal.js). */
export function moduleScripts(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLScriptElement>('script[type="module"]')].map((s) => s.src).filter((src) => /\/hausportal\.js$/.test(src)),
  );
}
