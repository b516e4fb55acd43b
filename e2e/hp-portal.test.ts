// End to end: the whole portal, <hp-portal>, on the example page /portal.html against the real server in the system
// Chromium. Katharina Huber (ImmoPro tenant, Top 7) signs in through the portal's login and finds her overview (her
// flat, balance, latest document, a notice and her tickets), walks every view through the navigation, goes back and
// forward through the browser's history, opens a notice and a ticket by their addresses and reloads there, sees the
// notification badge count what GET /overview calls unread, switches to English and signs out. At 320 px the menu
// button opens the navigation. On /portal-only.html, which holds nothing but <hp-portal>, the login's username field
// is in the page's light DOM (for password managers) and signing in works. The demo manager changes the primary
// colour with PUT /admin/theme and the portal shows it on its next load. She previews the portal as Katharina in a
// fresh browser: the banner names Katharina, the overview shows her data, the preview code leaves the address, sending
// a message is refused and creates no ticket, and the banner's button ends the preview; start and end are in the
// audit log. No step may leave a token where page scripts can read it, and the page may throw no error.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import knex from 'knex';
import type { Browser, BrowserContext, Page, Response } from 'playwright-core';
import type { AdminPersonPage, AdminTheme, AdminTicketPage, OrganizationPublic, Overview, PreviewSession, TicketPage, UnitPage } from '@hausportal/api';
import { formatMoney } from '../packages/core/src/format.ts';
import { launchChromium } from './browser.ts';
import { apiJson, apiLogin } from './api.ts';
import { demoLogin, startServer, type DemoLogin, type RunningServer } from './server.ts';

const katharina = demoLogin('katharina.huber@example.com');
const manager = demoLogin('andrea.pichler@immopro.example');

/** The server on a SQLite file of this test (its audit log is read at the end), and the system Chromium. */
const e2e = {} as { server: RunningServer; browser: Browser; dir: string; database: string };
before(async () => {
  e2e.dir = mkdtempSync(join(tmpdir(), 'hp-portal-e2e-'));
  e2e.database = join(e2e.dir, 'hausportal.sqlite');
  e2e.server = await startServer({ databaseUrl: e2e.database });
  e2e.browser = await launchChromium();
});
after(async () => {
  await e2e.browser?.close();
  await e2e.server?.stop();
  rmSync(e2e.dir, { recursive: true, force: true });
});

/** The views in the order of the navigation: hash slug, element, German and English label. */
const views = [
  ['uebersicht', 'overview', 'Übersicht', 'Overview'],
  ['einheiten', 'units', 'Einheiten', 'Units'],
  ['konto', 'statement', 'Vorschreibung & Konto', 'Charges & account'],
  ['dokumente', 'documents', 'Dokumente', 'Documents'],
  ['brett', 'board', 'Schwarzes Brett', 'Notice board'],
  ['tickets', 'tickets', 'Meldungen & Tickets', 'Requests & tickets'],
  ['meldung', 'report', 'Neue Meldung', 'New request'],
  ['profil', 'profile', 'Profil', 'Profile'],
] as const;
type Slug = (typeof views)[number][0];

/** Text as a reader sees it: runs of (non-breaking) spaces as one space. */
const words = (text: string | null) => (text ?? '').replace(/\s+/g, ' ').trim();
const money = (cents: number) => words(formatMoney(cents, 'de'));

/**
 * A browser context on the server with what it watches: page errors, and every access token the server hands out
 * (login, refresh, preview) so that later checks can look for them where page scripts read.
 */
class Visit {
  readonly errors: string[] = [];
  private readonly tokens: Promise<string | undefined>[] = [];
  /** The newest access token, for API calls as the signed-in person. */
  token = '';

  private constructor(
    readonly context: BrowserContext,
    readonly page: Page,
  ) {
    page.on('pageerror', (error) => this.errors.push(String(error)));
    page.on('response', (response) => {
      if (/^\/api\/auth\/(login|refresh|preview)$/.test(new URL(response.url()).pathname)) this.tokens.push(tokenOf(response));
    });
  }

  static async open(path: string, viewport = { width: 1280, height: 900 }): Promise<Visit> {
    const context = await e2e.browser.newContext({ viewport, locale: 'de-AT' });
    const visit = new Visit(context, await context.newPage());
    const response = await visit.page.goto(`${e2e.server.url}${path}`);
    assert.equal(response?.status(), 200);
    return visit;
  }

  /** Signs in with the portal's login form and waits for the overview's data. */
  async signIn(user: DemoLogin): Promise<void> {
    const login = this.page.locator('hp-portal hp-login');
    await login.locator('input[name="username"]').fill(user.username);
    await login.locator('input[name="password"]').fill(user.password);
    const answered = this.page.waitForResponse((r) => new URL(r.url()).pathname === '/api/auth/login');
    await login.getByRole('button', { name: 'Anmelden' }).click();
    assert.equal((await answered).status(), 200);
    await this.page.locator('hp-portal hp-overview [data-card="person"]').waitFor();
    await this.settleTokens();
  }

  /** No token in localStorage, sessionStorage, document.cookie or the address; the refresh cookie is HttpOnly. */
  async assertNoReadableToken(step: string): Promise<void> {
    const secrets = await this.settleTokens();
    for (const cookie of await this.context.cookies()) {
      if (!/hp_rt/.test(cookie.name)) continue;
      assert.equal(cookie.httpOnly, true, `${step}: the refresh cookie ${cookie.name} must be HttpOnly`);
      secrets.push(cookie.value);
    }
    const readable = await this.page.evaluate(() =>
      [...Object.entries(localStorage).flat(), ...Object.entries(sessionStorage).flat(), document.cookie, location.href].join('\n'),
    );
    assert.doesNotMatch(readable, /hp_rt|eyJ[\w-]+\.[\w-]+\.[\w-]+/, `${step}: a cookie or something JWT-like is readable`);
    for (const secret of secrets) assert.ok(!readable.includes(secret), `${step}: a token is readable by page scripts`);
  }

  async close(): Promise<void> {
    assert.deepEqual(this.errors, [], 'the page threw errors');
    await this.context.close();
  }

  /** Every token seen so far; the newest becomes {@link token}. */
  private async settleTokens(): Promise<string[]> {
    const all = (await Promise.all(this.tokens)).filter((t): t is string => !!t);
    if (all.length) this.token = all.at(-1)!;
    return all;
  }
}

/**
 * The access token of a login, refresh or preview answer (200 with AuthResult); undefined for any other answer, and
 * for a body the browser no longer holds (the page went on before it was read: the JWT pattern still catches it).
 */
async function tokenOf(response: Response): Promise<string | undefined> {
  if (response.status() !== 200) return undefined;
  const body = (await response.json().catch(() => ({}))) as { accessToken?: string };
  return body.accessToken;
}

const api = <T>(visit: Visit | string, path: string, init?: RequestInit) => apiJson<T>(e2e.server.url, typeof visit === 'string' ? visit : visit.token, path, init);
const portal = (page: Page) => page.locator('hp-portal');
const navLink = (page: Page, slug: Slug) => portal(page).locator(`[part="nav"] a[href="#/${slug}"]`);

/** The view `slug` shows: the address, the navigation's current entry and the view's element agree. */
async function assertView(page: Page, slug: Slug): Promise<void> {
  const [, element] = views.find(([s]) => s === slug)!;
  await page.waitForFunction((hash) => location.hash === hash || location.hash.startsWith(`${hash}/`), `#/${slug}`);
  await portal(page).locator(`[data-view="${element}"]`).waitFor();
  assert.equal(await navLink(page, slug).getAttribute('aria-current'), 'page', `${slug} is the current entry`);
}

/** Opens the user menu (Profil, language, Abmelden) unless it is open. */
async function openUserMenu(page: Page): Promise<void> {
  const button = portal(page).locator('#user-button');
  if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click();
  await portal(page).locator('#user-panel').waitFor();
}

/** What each view's widget shows of Katharina's data, taken from the API. */
async function expectedTexts(visit: Visit, overview: Overview): Promise<Record<Slug, [selector: string, text: string]>> {
  const [unit] = (await api<UnitPage>(visit, '/units')).items.filter((u) => u.active);
  assert.ok(unit, 'Katharina has a current unit');
  const org = (await (await fetch(`${e2e.server.url}/api/organizations/immopro/public`)).json()) as OrganizationPublic;
  const charges = await api<{ totals: { grossCents: number } }>(visit, `/charges?unit=${unit.id}&from=${org.today.slice(0, 4)}-01&to=${org.today.slice(0, 7)}`);
  const [document] = overview.documents!;
  const notice = overview.notices!.at(-1)!;
  const [ticket] = (await api<TicketPage>(visit, '/tickets')).items;
  assert.ok(document && ticket, 'Katharina has documents and tickets');
  return {
    uebersicht: ['[data-card="person"]', overview.person.name],
    einheiten: [`[data-unit="${unit.id}"] .top`, unit.top],
    konto: ['[data-total] [data-gross]', money(charges.totals.grossCents)],
    dokumente: [`[data-document="${document.id}"]`, document.title],
    brett: [`[data-post="${notice.id}"]`, notice.title],
    tickets: [`[data-ticket="${ticket.id}"]`, ticket.number],
    meldung: ['[data-form="allgemeine-anfrage"]', 'Allgemeine Anfrage'],
    profil: ['[part="list"] dd', overview.person.phone ?? overview.person.email],
  };
}

test('Katharina Huber walks the whole portal on /portal.html and signs out', async (t) => {
  const visit = await Visit.open('/portal.html');
  const { page } = visit;
  let overview!: Overview;

  await t.test('signed out, the portal shows its login in the page\'s light DOM', async () => {
    await portal(page).locator('hp-login input[name="username"]').waitFor();
    assert.ok(await page.evaluate(() => document.querySelector('input[autocomplete="username"]')?.getRootNode() === document));
    await visit.assertNoReadableToken('signed out');
  });

  await t.test('she signs in; the overview shows her person, property, balance, documents, notices and tickets', async () => {
    await visit.signIn(katharina);
    overview = await api<Overview>(visit, '/overview');
    const card = (name: string) => portal(page).locator(`hp-overview [data-card="${name}"]`);
    assert.match(words(await card('person').innerText()), new RegExp(overview.person.name));
    assert.match(words(await card('properties').innerText()), new RegExp(overview.properties![0]!.name));
    const [balance] = overview.balances!;
    assert.ok(balance, 'a balance for her unit');
    const row = words(await card('balances').locator(`[data-unit="${balance.unitId}"]`).innerText());
    assert.match(row, new RegExp(`Top ${balance.top}`));
    assert.ok(row.includes(`${money(Math.abs(balance.balanceCents))} ${balance.balanceCents < 0 ? 'Guthaben' : 'Rückstand'}`), row);
    assert.ok(words(await card('documents').innerText()).includes(overview.documents![0]!.title));
    assert.ok(words(await card('notices').innerText()).includes(overview.notices![0]!.title));
    const ticket = overview.tickets![0]!;
    assert.ok(words(await card('tickets').locator(`[data-ticket="${ticket.id}"]`).innerText()).includes(`${ticket.number} ${ticket.subject}`));
    await visit.assertNoReadableToken('signed in');
  });

  await t.test('the notification badge counts the unread documents, notices and ticket updates of GET /overview', async () => {
    const { documents, notices, tickets } = overview.unread;
    const total = documents + notices + tickets;
    assert.ok(total > 0, 'the demo has something unread');
    const badge = portal(page).locator('#notifications-button .badge');
    await page.waitForFunction(() => !!document.querySelector('hp-portal')?.shadowRoot?.querySelector('#notifications-button .badge'));
    assert.equal(words(await badge.textContent()), String(Math.min(total, 99)));
  });

  await t.test('every view opens through the navigation and shows her data', async () => {
    const texts = await expectedTexts(visit, overview);
    for (const [slug, element] of views) {
      await navLink(page, slug).click();
      await assertView(page, slug);
      const [selector, text] = texts[slug];
      await portal(page).locator(`[data-view="${element}"]`).locator(selector, { hasText: text }).first().waitFor();
    }
    await visit.assertNoReadableToken('after every view');
  });

  await t.test('back and forward follow the history of views', async () => {
    await page.goBack();
    await assertView(page, 'meldung');
    await page.goBack();
    await assertView(page, 'tickets');
    await page.goForward();
    await assertView(page, 'meldung');
    await page.goForward();
    await assertView(page, 'profil');
  });

  await t.test('a notice and a ticket open from their addresses, also after a reload', async () => {
    const notice = overview.notices![0]!;
    await page.evaluate((id) => (location.hash = `#/brett/${id}`), notice.id);
    await assertView(page, 'brett');
    const post = portal(page).locator(`hp-bulletin-board #p-${notice.id}`);
    await post.waitFor();

    const ticket = overview.tickets![0]!;
    await page.evaluate((number) => (location.hash = `#/tickets/${number}`), ticket.number);
    await assertView(page, 'tickets');
    const title = portal(page).locator('hp-ticket-list #detail-title', { hasText: ticket.subject });
    await title.waitFor();
    const refresh = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/auth/refresh');
    await page.reload();
    assert.equal((await refresh).status(), 200, 'the refresh cookie restores the session');
    assert.equal(await page.evaluate(() => location.hash), `#/tickets/${ticket.number}`);
    await assertView(page, 'tickets');
    await title.waitFor();
    await portal(page).locator('hp-ticket-list [part="thread"]').waitFor();
    await visit.assertNoReadableToken('after the reload on a ticket');

    await page.goBack();
    await assertView(page, 'brett');
    await post.waitFor();
  });

  await t.test('English changes the navigation\'s names, Deutsch brings them back', async () => {
    const labels = () => portal(page).locator('[part="nav"] a .label').allTextContents();
    await openUserMenu(page);
    await portal(page).locator('#user-panel button[lang="en"]').click();
    await page.waitForFunction(() => document.querySelector('hp-portal')?.shadowRoot?.querySelector('[part="nav"] a .label')?.textContent?.trim() === 'Overview');
    assert.deepEqual((await labels()).map(words), views.map((v) => v[3]));
    await openUserMenu(page);
    await portal(page).locator('#user-panel button[lang="de"]').click();
    await page.waitForFunction(() => document.querySelector('hp-portal')?.shadowRoot?.querySelector('[part="nav"] a .label')?.textContent?.trim() === 'Übersicht');
    assert.deepEqual((await labels()).map(words), views.map((v) => v[2]));
  });

  await t.test('signing out shows the login again, in the page\'s light DOM', async () => {
    await openUserMenu(page);
    const logout = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/auth/logout');
    await portal(page).locator('#user-panel [part="logout"]').click();
    assert.equal((await logout).status(), 204);
    await portal(page).locator('hp-login input[name="username"]').waitFor();
    assert.equal(await portal(page).locator('[part="nav"]').count(), 0, 'no navigation signed out');
    assert.ok(await page.evaluate(() => document.querySelector('input[autocomplete="username"]') !== null));
    await visit.assertNoReadableToken('signed out again');
  });

  await visit.close();
});

test('at 320 px the menu button opens the navigation', async () => {
  const visit = await Visit.open('/portal.html', { width: 320, height: 720 });
  const { page } = visit;
  await visit.signIn(katharina);
  const button = portal(page).locator('#menu-button');
  const nav = portal(page).locator('[part="nav"]');
  await button.waitFor();
  assert.equal(await nav.isVisible(), false, 'the navigation waits behind the menu button');
  await button.click();
  await nav.waitFor();
  assert.equal(await button.getAttribute('aria-expanded'), 'true');
  await navLink(page, 'dokumente').click();
  await assertView(page, 'dokumente');
  await nav.waitFor({ state: 'hidden' });
  await visit.assertNoReadableToken('320 px');
  await visit.close();
});

test('/portal-only.html: the username field is in the light DOM and signing in works', async () => {
  const visit = await Visit.open('/portal-only.html');
  const { page } = visit;
  await page.waitForFunction(() => document.querySelector('input[autocomplete="username"]') !== null);
  const inLightDom = await page.evaluate(() => {
    const input = document.querySelector('input[autocomplete="username"]')!;
    return input.getRootNode() === document && input.closest('form')?.getRootNode() === document;
  });
  assert.ok(inLightDom, 'the input and its form are in the document, not in a shadow root');
  await visit.signIn(katharina);
  await portal(page).locator('hp-overview [data-card="person"]', { hasText: 'Katharina Huber' }).waitFor();
  await visit.assertNoReadableToken('portal only, signed in');
  await visit.close();
});

/** The computed colour of the portal's name in the header (`--hp-color-primary`) as `#rrggbb`, once the organization is known. */
async function brandColour(page: Page): Promise<string> {
  const brand = portal(page).locator('[part="brand"]', { hasText: 'ImmoPro Hausverwaltung' });
  await brand.waitFor();
  const rgb = await brand.evaluate((el) => getComputedStyle(el).color);
  const [r, g, b] = (/^rgb\((\d+), (\d+), (\d+)\)$/.exec(rgb) ?? []).slice(1).map(Number);
  assert.ok(r !== undefined && g !== undefined && b !== undefined, `a colour: ${rgb}`);
  return `#${[r, g, b].map((c) => c.toString(16).padStart(2, '0')).join('')}`;
}

test('the manager changes the primary colour and the portal shows it on its next load', async () => {
  const token = await apiLogin(e2e.server.url, manager);
  const original = await api<AdminTheme>(token, '/admin/theme');
  const visit = await Visit.open('/portal.html');
  try {
    assert.equal(await brandColour(visit.page), original.tokens.primary, 'the portal starts in the stored theme');
    const changed = await api<AdminTheme>(token, '/admin/theme', { method: 'PUT', body: JSON.stringify({ ...original.input, primary: '#1f5f8b' }) });
    const primary = changed.tokens.primary;
    assert.ok(primary && primary !== original.tokens.primary, `a new derived primary colour: ${primary}`);

    await visit.page.reload();
    assert.equal(await brandColour(visit.page), primary, 'the header shows the new primary colour');
    const property = await visit.page.evaluate(() => getComputedStyle(document.querySelector('hp-session')!).getPropertyValue('--hp-color-primary'));
    assert.ok(property.includes(primary), `--hp-color-primary is ${property}`);
    await visit.close();
  } finally {
    await api<AdminTheme>(token, '/admin/theme', { method: 'PUT', body: JSON.stringify(original.input) });
  }
  assert.equal((await api<AdminTheme>(token, '/admin/theme')).tokens.primary, original.tokens.primary, 'the theme is back');
});

/** How many tickets the organization has (GET /admin/tickets, every page). */
async function ticketCount(token: string): Promise<number> {
  let count = 0;
  let cursor: string | null = null;
  do {
    const page: AdminTicketPage = await api<AdminTicketPage>(token, `/admin/tickets?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    count += page.items.length;
    cursor = page.nextCursor;
  } while (cursor);
  return count;
}

/** The audit log's actions about one entity, oldest first, read from the server's SQLite file. */
async function auditOf(entityId: string): Promise<{ action: string; detail: string }[]> {
  const db = knex({ client: 'sqlite3', connection: { filename: e2e.database }, useNullAsDefault: true });
  try {
    return await db('audit_log').where({ entity_id: entityId }).orderBy('at').select('action', 'detail');
  } finally {
    await db.destroy();
  }
}

test('the manager previews the portal as Katharina Huber: her data, read-only, ended by the banner, audited', async (t) => {
  const token = await apiLogin(e2e.server.url, manager);
  const persons = await api<AdminPersonPage>(token, '/admin/persons?q=Huber');
  const person = persons.items.find((p) => p.name === 'Katharina Huber');
  assert.ok(person, 'GET /admin/persons finds Katharina Huber');
  const overview = await apiJson<Overview>(e2e.server.url, await apiLogin(e2e.server.url, katharina), '/overview');
  const tickets = await ticketCount(token);
  const preview = await api<PreviewSession>(token, '/admin/preview-sessions', { method: 'POST', body: JSON.stringify({ personId: person.id }) });
  assert.match(preview.url, /\/portal\.html\?org=immopro#hp-preview=/);

  const visit = await Visit.open(new URL(preview.url).pathname + new URL(preview.url).search + new URL(preview.url).hash);
  const { page } = visit;
  const banner = page.locator('hp-session [part="preview-banner"]');
  /** The answers to sending a message (POST /api/tickets): status and problem code. */
  const sends: Promise<[number, string | undefined]>[] = [];
  page.on('response', (r) => {
    if (r.request().method() === 'POST' && new URL(r.url()).pathname === '/api/tickets') {
      sends.push(r.json().then((body: { code?: string }) => [r.status(), body.code]));
    }
  });

  await t.test('the banner names her, the overview shows her data, the code has left the address', async () => {
    await banner.locator('[part="preview-text"]', { hasText: 'Vorschau als Katharina Huber' }).waitFor();
    const card = (name: string) => portal(page).locator(`hp-overview [data-card="${name}"]`);
    await card('person').filter({ hasText: 'Katharina Huber' }).waitFor();
    assert.ok(words(await card('documents').innerText()).includes(overview.documents![0]!.title));
    assert.ok(words(await card('tickets').innerText()).includes(overview.tickets![0]!.number));
    assert.ok(!(await page.evaluate(() => location.href)).includes('hp-preview'), 'the preview code is not in the address');
    await visit.assertNoReadableToken('preview');
  });

  await t.test('sending a message is refused with the preview\'s words, and no ticket is created', async () => {
    await navLink(page, 'meldung').click();
    await assertView(page, 'meldung');
    const form = portal(page).locator('hp-message-form');
    await form.locator('[data-form="allgemeine-anfrage"]').click();
    await form.locator('input[data-key="subject"]').fill('Test aus der Vorschau');
    await form.locator('textarea[data-key="text"]').fill('Diese Nachricht darf nicht ankommen.');
    await form.locator('[part="submit"]').click();
    await form.locator('[part="error"]', { hasText: 'Das ist eine Vorschau' }).waitFor();
    assert.deepEqual(await Promise.all(sends), [[403, 'preview_read_only']], 'the server refused the one message sent');
    assert.equal(await ticketCount(token), tickets, 'no ticket was created');
  });

  await t.test('the banner\'s button ends the preview', async () => {
    const ended = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/auth/preview' && r.request().method() === 'DELETE');
    await banner.locator('[part="preview-end"]').click();
    assert.equal((await ended).status(), 204);
    await banner.locator('[part="preview-text"]', { hasText: 'Vorschau beendet.' }).waitFor();
    await portal(page).waitFor({ state: 'hidden' });
  });

  await t.test('the audit log has the preview\'s start and end with the person', async () => {
    const entries = await auditOf(preview.id);
    assert.deepEqual(entries.map((e) => e.action), ['preview.started', 'preview.ended']);
    for (const e of entries) assert.ok(e.detail.includes(person.id), `${e.action} names the person`);
  });

  await visit.close();
});

test('a preview link opens the portal of its own organization, and a page holding only <hp-portal> previews too', async (t) => {
  const sabine = demoLogin('sabine.krueger@hv-krueger.example');
  const opened = async (login: DemoLogin, name: string, path?: string) => {
    const token = await apiLogin(e2e.server.url, login);
    const person = (await api<AdminPersonPage>(token, `/admin/persons?q=${encodeURIComponent(name.split(' ')[1]!)}`)).items.find((p) => p.name === name)!;
    const preview = await api<PreviewSession>(token, '/admin/preview-sessions', { method: 'POST', body: JSON.stringify({ personId: person.id }) });
    const url = new URL(preview.url);
    const visit = await Visit.open((path ?? url.pathname + url.search) + url.hash);
    await visit.page.locator('hp-session [part="preview-text"]', { hasText: `Vorschau als ${name}` }).waitFor();
    await portal(visit.page).locator('hp-overview [data-card="person"]').filter({ hasText: name }).waitFor();
    return { visit, url };
  };

  await t.test('Krüger\'s manager previews Thomas Becker on /portal.html?org=krueger', async () => {
    const { visit, url } = await opened(sabine, 'Thomas Becker');
    assert.equal(url.searchParams.get('org'), 'krueger');
    await visit.close();
  });

  await t.test('the preview works on /portal-only.html, where the portal holds its own session', async () => {
    const { visit } = await opened(manager, 'Katharina Huber', '/portal-only.html');
    await visit.close();
  });
});
