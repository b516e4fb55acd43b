// End to end, the whole portal against text that tries to run script or escape into CSS: the organization's name, its
// legal links and theme, the contact persons of Katharina Huber's building, a notice title, a document title, a ticket
// subject and the name of a person previewed by the manager. What the manager API accepts is stored through it; what
// it refuses (a theme token with CSS, a `javascript:` legal link) is put straight into the database, as a row from
// before the rules would hold it. Then /portal.html renders it in Chromium, signed in as Katharina and as a preview.
// No payload may run (each would call window.__hpXss(n); no dialog opens), each shows as its text, and nothing of the
// theme reaches a style sheet. A canary the test puts into the portal proves that handlers do run there.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { serverAndBrowser } from './browser.ts';
import { demoLogin } from './server.ts';
import { apiJson, apiLogin } from './api.ts';
import { openDb } from '../server/src/db.ts';

const databaseUrl = join(mkdtempSync(join(tmpdir(), 'hp-portal-xss-')), 'hausportal.sqlite');
const e2e = serverAndBrowser({ databaseUrl });
const katharina = demoLogin('katharina.huber@example.com');
const manager = demoLogin('andrea.pichler@immopro.example');

/** Markup that calls window.__hpXss(n) when it runs, in a few shapes. */
const img = (n: number) => `<img src=x onerror=__hpXss(${n})>`;
const svg = (n: number) => `"><svg onload=__hpXss(${n})>`;
const closeStyle = (n: number) => `x;}</style><script>__hpXss(${n})</script><style>`;

const payloads = {
  orgName: `ImmoPro ${img(1)}`,
  contactName: `Mag. ${img(2)}`,
  officeHours: `Mo ${svg(3)} Uhr`,
  noticeTitle: `Aushang ${img(4)}`,
  documentTitle: `Abrechnung ${svg(5)}`,
  ticketSubject: `Lift ${img(6)}`,
  personName: `Vorschau ${img(7)}`,
};

/** A PDF the upload accepts (its header and trailer are what the type sniffer reads). */
const pdf = (text: string): Blob =>
  new Blob([Buffer.from(`%PDF-1.4\n% ${text}\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n`, 'latin1')], { type: 'application/pdf' });

/** A browser context that records payload hits, dialogs, page errors and requests to the attacker's host. */
async function watchedPage(): Promise<{ context: BrowserContext; page: Page; dialogs: string[]; errors: string[]; leaks: string[] }> {
  // Without the example page's CSP, like a host page that has none: an injected handler would run, not be blocked.
  const context = await e2e.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'de-AT', bypassCSP: true });
  const page = await context.newPage();
  const dialogs: string[] = [];
  const errors: string[] = [];
  const leaks: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on('pageerror', (error) => errors.push(String(error)));
  page.on('request', (request) => {
    if (request.url().includes('evil.invalid')) leaks.push(request.url());
  });
  // As text: a function compiled by the test's TypeScript loader would bring helpers the page does not have.
  await page.addInitScript({ content: 'window.__hpXssHits = []; window.__hpXss = function (n) { window.__hpXssHits.push(n); };' });
  return { context, page, dialogs, errors, leaks };
}

/** Puts an image whose load fails, with a handler, into `host`'s shadow root, and waits until the handler ran. */
async function canary(page: Page, host: string): Promise<void> {
  await page.evaluate((selector) => {
    const root = document.querySelector(selector)!.shadowRoot!;
    const probe = document.createElement('img');
    probe.src = 'data:image/png;base64,invalid';
    probe.onerror = () => Object.assign(window, { __hpCanary: true });
    root.append(probe);
  }, host);
  await page.waitForFunction(() => (window as unknown as { __hpCanary?: boolean }).__hpCanary === true);
}

const hits = (page: Page) => page.evaluate(() => (window as unknown as { __hpXssHits: number[] }).__hpXssHits);

/** Elements anywhere in the page, shadow roots included, that carry an event handler attribute or are scripts the page did not load. */
const injected = (page: Page): Promise<string[]> =>
  // As text, like the init script: the loader's helpers for named inner functions do not exist in the page.
  page.evaluate(`(() => {
    const found = [];
    const walk = (root) => {
      for (const el of root.querySelectorAll('*')) {
        const handlers = el.getAttributeNames().filter((n) => /^on/i.test(n));
        if (handlers.length > 0 || (el.localName === 'script' && !el.hasAttribute('src'))) found.push(el.outerHTML.slice(0, 120));
        if (el.shadowRoot) walk(el.shadowRoot);
      }
    };
    walk(document);
    return found;
  })()`);
const words = (text: string | null) => (text ?? '').replace(/\s+/g, ' ').trim();

test('markup in names, titles, contacts, links and the theme shows as text in the portal and never runs', async (t) => {
  const url = e2e.server.url;
  const pichler = await apiLogin(url, manager);
  const huber = await apiLogin(url, katharina);
  const api = <T>(token: string, path: string, init: RequestInit = {}) => apiJson<T>(url, token, path, init);
  const db = openDb(databaseUrl);
  try {
    // Through the manager API: contacts, a notice, a document; a ticket subject as the tenant's own ticket has it.
    const unit = (await api<{ items: { id: string; propertyId: string; active: boolean }[] }>(huber, '/units')).items.find((u) => u.active)!;
    await api(pichler, `/admin/properties/${unit.propertyId}/contacts`, {
      method: 'PUT',
      body: JSON.stringify({ items: [{ category: 'case_manager', name: payloads.contactName, phone: '+43 1 587 33 10', email: 'sachbearbeitung@immopro.example', officeHours: payloads.officeHours, visibleTo: ['tenant', 'owner'] }] }),
    });
    const categories = await api<{ id: string; key: string }[]>(pichler, '/admin/post-categories');
    const post = await api<{ id: string }>(pichler, '/admin/posts', {
      method: 'POST',
      body: JSON.stringify({ title: payloads.noticeTitle, bodyHtml: '<p>Text</p>', type: 'danger', visibleUntil: new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10), categoryId: categories.find((c) => c.key === 'allgemein')!.id, audience: { role: 'tenant', propertyIds: [unit.propertyId], personIds: [] } }),
    });
    await api(pichler, `/admin/posts/${post.id}/publish`, { method: 'POST', body: JSON.stringify({ notify: 'none' }) });
    const docCategory = (await api<{ items: { id: string }[] }>(huber, '/document-categories')).items[0]!.id;
    const form = new FormData();
    form.set('title', payloads.documentTitle);
    form.set('categoryId', docCategory);
    form.set('documentDate', new Date().toISOString().slice(0, 10));
    form.set('file', pdf('xss'), 'Abrechnung.pdf');
    const uploaded = await api<{ id: string }>(pichler, '/admin/documents', { method: 'POST', body: form });
    await api(pichler, `/admin/documents/${uploaded.id}/releases`, { method: 'POST', body: JSON.stringify({ rule: 'unit_current', unitIds: [unit.id], roles: 'tenant', notify: 'none' }) });
    const ticket = (await api<{ items: { id: string }[] }>(huber, '/tickets?tab=open')).items[0]!;
    await db('tickets').where({ id: ticket.id }).update({ subject: payloads.ticketSubject });

    // Straight into the database, as rows from before the rules: the name, a javascript: link and a theme with CSS.
    const theme = JSON.parse((await db('organizations').where({ slug: 'immopro' }).first('theme')).theme);
    await db('organizations').where({ slug: 'immopro' }).update({
      name: payloads.orgName,
      legal_links: JSON.stringify({ imprint: 'javascript:__hpXss(8)', privacy: 'https://immopro.example/datenschutz', terms: 'data:text/html,<script>__hpXss(9)</script>' }),
      theme: JSON.stringify({ ...theme, fontFamily: closeStyle(10), primary: 'red;} :host{background:url(https://evil.invalid/p)}', radius: '0;} *{background-image:url(https://evil.invalid/r)}', dark: { ...theme.dark, surface: 'url(https://evil.invalid/d)' } }),
    });
    // A write of the server's own clears its organization cache, so the next page load reads the rows above.
    await api(pichler, '/admin/settings', { method: 'PATCH', body: JSON.stringify({ senderName: 'ImmoPro Kundenservice' }) });

    await t.test('Katharina, signed in on /portal.html', async () => {
      const { context, page, dialogs, errors, leaks } = await watchedPage();
      try {
        await page.goto(`${url}/portal.html`);
        const login = page.locator('hp-portal hp-login');
        await login.locator('input[name="username"]').fill(katharina.username);
        await login.locator('input[name="password"]').fill(katharina.password);
        await login.getByRole('button', { name: 'Anmelden' }).click();
        const portal = page.locator('hp-portal');
        const card = (name: string) => portal.locator(`hp-overview [data-card="${name}"]`);
        await card('person').waitFor();

        assert.ok(words(await portal.locator('[part="header"]').first().innerText()).includes(words(payloads.orgName)), 'the organization\'s name as text in the header');
        await card('properties').getByText(payloads.contactName).first().waitFor();
        assert.ok(words(await card('properties').innerText()).includes(words(payloads.officeHours)), 'office hours as text');
        await card('notices').getByText(payloads.noticeTitle).first().waitFor();
        await card('documents').getByText(payloads.documentTitle).first().waitFor();
        await card('tickets').getByText(payloads.ticketSubject).first().waitFor();

        // The same titles in their widgets.
        for (const [hash, text] of [['#/dokumente', payloads.documentTitle], ['#/brett', payloads.noticeTitle], ['#/tickets', payloads.ticketSubject]] as const) {
          await portal.locator(`[part="nav"] a[href="${hash}"]`).click();
          await portal.getByText(text).first().waitFor();
        }

        // The footer offers no link that runs script, whatever the stored row says.
        const hrefs = await portal.locator('[part="footer"] a').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
        assert.ok(hrefs.includes('https://immopro.example/datenschutz'), JSON.stringify(hrefs));

        // Nothing of the theme's CSS reached a style sheet or a computed value.
        const sheets = await page.evaluate(() => {
          const host = document.querySelector('hp-session')!;
          const texts: string[] = [];
          for (const root of [document, host.shadowRoot!, document.querySelector('hp-portal')!.shadowRoot!])
            for (const sheet of [...root.adoptedStyleSheets, ...Array.from(root.styleSheets ?? [])]) for (const rule of Array.from(sheet.cssRules)) texts.push(rule.cssText);
          const style = getComputedStyle(host);
          return { css: texts.join('\n'), font: style.getPropertyValue('--hp-font-family'), radius: style.getPropertyValue('--hp-radius'), primary: style.getPropertyValue('--hp-color-primary') };
        });
        for (const bad of ['evil.invalid', '__hpXss', '</style>']) assert.ok(!sheets.css.includes(bad), `a style sheet holds ${bad}`);
        assert.ok(!/evil|__hpXss|;|\}/.test(`${sheets.font}${sheets.radius}${sheets.primary}`), JSON.stringify(sheets));

        await canary(page, 'hp-portal');
        assert.deepEqual(await hits(page), [], 'payloads that ran');
        assert.deepEqual(await injected(page), [], 'elements with handlers or inline scripts');
        assert.deepEqual(dialogs, []);
        assert.deepEqual(leaks, [], 'requests to the attacker\'s host');
        assert.deepEqual(errors.filter((e) => /__hpXss/.test(e)), []);
      } finally {
        await context.close();
      }
    });

    await t.test('a legal link stored as javascript: or data: is not offered as a link', async () => {
      const { context, page } = await watchedPage();
      try {
        await page.goto(`${url}/portal.html`);
        await page.locator('hp-portal [part="footer"]').waitFor();
        const hrefs = await page.locator('hp-portal [part="footer"] a').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
        assert.ok(hrefs.length > 0, 'the footer has its links');
        // On a host page without a CSP, clicking the imprint link runs it.
        const runs = page.locator('hp-portal [part="footer"] a[href^="javascript:"]');
        if ((await runs.count()) > 0) await runs.first().click();
        assert.deepEqual(await hits(page), [], 'the imprint link ran script');
        assert.deepEqual(hrefs.filter((h) => !/^https?:/i.test(h)), [], `links that run script: ${JSON.stringify(hrefs)}`);
      } finally {
        await context.close();
      }
    });

    await t.test('a preview of a person whose name is markup: the banner shows the name as text', async () => {
      const person = await api<{ id: string }>(pichler, '/admin/persons', { method: 'POST', body: JSON.stringify({ name: payloads.personName }) });
      const preview = await api<{ url: string }>(pichler, '/admin/preview-sessions', { method: 'POST', body: JSON.stringify({ personId: person.id }) });
      const { context, page, dialogs, errors } = await watchedPage();
      try {
        await page.goto(preview.url);
        const banner = page.locator('hp-session [part="preview-text"]');
        await banner.getByText(payloads.personName).waitFor();
        assert.match(words(await banner.innerText()), /^Vorschau als /);
        assert.ok(!(await page.evaluate(() => location.href)).includes('hp-preview'), 'the code left the address');
        await canary(page, 'hp-session');
        assert.deepEqual(await hits(page), []);
        assert.deepEqual(await injected(page), [], 'elements with handlers or inline scripts');
        assert.deepEqual(dialogs, []);
        assert.deepEqual(errors, []);
      } finally {
        await context.close();
      }
    });

    await t.test('a preview address with broken percent-encoding shows the invalid-link banner, without an error on the page', async () => {
      const { context, page, errors } = await watchedPage();
      try {
        const banner = page.locator('hp-session [part="preview-text"]');
        const failed = page.waitForEvent('pageerror').catch(() => undefined);
        await page.goto(`${url}/portal.html#hp-preview=%E0%A4%A`);
        // Whatever comes first: the banner, or (wrongly) an error thrown while the session connects.
        await Promise.race([banner.getByText(/Vorschau-Link/).waitFor().catch(() => undefined), failed]);
        assert.deepEqual(errors, [], 'errors thrown on the page');
        assert.match(words(await banner.innerText()), /Vorschau-Link gilt nicht mehr/);
      } finally {
        await context.close();
      }
    });
  } finally {
    await db.destroy();
  }
});
