// The whole portal (issue 14): <hp-portal> on the example page /portal.html against the real server in the system
// Chromium, as the demo tenant Katharina Huber. (i) Clicking "Anmelden" → the overview complete (every card with its
// data, no loading placeholder), each run in a fresh browser context (empty cache, no cookies), the page loaded before
// the click; (ii) the same on a warm page: signed out through the user menu and in again; (iii) what /portal.html
// transfers up to the complete overview and after every view was opened, per kind (Hausportal's scripts, API answers,
// the host page's own files): as sent, and gzip -9 of each body (the reference server does not compress), against
// DESIGN §9's "whole portal with every chunk ≤ 110 kB gz"; and hausportal.js with every file of dist/chunks from disk.
import { build } from 'esbuild';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type BrowserContext, type Page, type Request } from 'playwright-core';
import type { Overview } from '@hausportal/api';
import { chromiumArgs, chromiumPath } from '../scripts/chromium.mjs';
import { apiJson, apiLogin } from '../e2e/api.ts';
import { demoLogin, startServer, type DemoLogin } from '../e2e/server.ts';
import type { BenchContext, BenchModule, Measurement, Section } from './lib/types.js';
import type { SignInTiming } from './portal-page.js';

const runs = Math.max(5, Number(process.env.HP_BENCH_PORTAL_RUNS ?? 7));
const kB = 1000;
const budget = { limit: 110 * kB, compare: 'max' as const, note: 'whole portal, DESIGN §9' };

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const ms = (value: number) => `${value.toFixed(1)} ms`;
const gz = (bytes: Uint8Array) => gzipSync(bytes, { level: 9 }).byteLength;

/** One response the page received: its kind, its body as sent (encoded size) and gzipped. */
interface Transfer {
  kind: 'scripts' | 'api' | 'host';
  sent: number;
  gzip: number;
}

/** Watches a browser context's finished requests and sizes each body. */
class Transfers {
  private readonly seen: Promise<Transfer | null>[] = [];
  private inFlight = 0;
  private waiting: Array<() => void> = [];

  constructor(context: BrowserContext) {
    context.on('request', () => this.inFlight++);
    context.on('requestfailed', () => this.settled());
    context.on('requestfinished', (request) => {
      this.seen.push(transferOf(request));
      this.settled();
    });
  }

  /** Resolves once no request of the context is under way. */
  quiet(): Promise<void> {
    return this.inFlight === 0 ? Promise.resolve() : new Promise((resolve) => this.waiting.push(resolve));
  }

  async all(): Promise<Transfer[]> {
    return (await Promise.all(this.seen)).filter((t): t is Transfer => t !== null);
  }

  private settled(): void {
    if (--this.inFlight > 0) return;
    for (const resolve of this.waiting.splice(0)) resolve();
  }
}

async function transferOf(request: Request): Promise<Transfer | null> {
  const response = await request.response();
  if (!response) return null;
  const path = new URL(request.url()).pathname;
  const kind = path.startsWith('/dist/') ? 'scripts' : path.startsWith('/api/') ? 'api' : 'host';
  const [sizes, body] = await Promise.all([request.sizes(), response.body().catch(() => Buffer.alloc(0))]);
  return { kind, sent: sizes.responseBodySize, gzip: body.byteLength ? gz(body) : 0 };
}

/** The cards Katharina's overview has: the person, each part that is not switched off, and the next appointment with the notices. */
export function cardsOf(o: Overview): number {
  const parts = [o.properties, o.balances, o.documents, o.notices, o.tickets].filter((p) => p !== null).length;
  return 1 + parts + (o.notices !== null ? 1 : 0);
}

/** Fills the portal's login and clicks "Anmelden"; resolves with the in-page timing once the overview is complete. */
async function signIn(page: Page, user: DemoLogin, cards: number): Promise<SignInTiming> {
  const login = page.locator('hp-portal hp-login');
  await login.locator('input[name="username"]').fill(user.username);
  await login.locator('input[name="password"]').fill(user.password);
  await page.evaluate((n) => window.hausportalPortalBench.arm(n), cards);
  await login.getByRole('button', { name: 'Anmelden' }).click();
  return page.evaluate(() => window.hausportalPortalBench.done());
}

async function signOut(page: Page): Promise<void> {
  const portal = page.locator('hp-portal');
  await portal.locator('#user-button').click();
  await portal.locator('#user-panel [part="logout"]').click();
  await portal.locator('hp-login input[name="username"]').waitFor();
}

/** The browser and server of one run of the module, and the page script. */
interface Rig {
  browser: Browser;
  url: string;
  script: string;
  user: DemoLogin;
  cards: number;
}

/** A fresh context (empty cache, no cookies) on /portal.html with the login showing. */
async function openPortal(rig: Rig): Promise<{ context: BrowserContext; page: Page; transfers: Transfers }> {
  const context = await rig.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'de-AT' });
  await context.addInitScript({ path: rig.script });
  const transfers = new Transfers(context);
  const page = await context.newPage();
  await page.goto(`${rig.url}/portal.html`);
  await page.locator('hp-portal hp-login input[name="username"]').waitFor();
  return { context, page, transfers };
}

async function coldRuns(rig: Rig): Promise<SignInTiming[]> {
  const timings: SignInTiming[] = [];
  // One run first that is not counted: the server's and the browser's first requests.
  for (let i = 0; i <= runs; i++) {
    const { context, page } = await openPortal(rig);
    const timing = await signIn(page, rig.user, rig.cards);
    if (i > 0) timings.push(timing);
    await context.close();
  }
  return timings;
}

async function warmRuns(rig: Rig): Promise<SignInTiming[]> {
  const { context, page } = await openPortal(rig);
  const timings: SignInTiming[] = [];
  await signIn(page, rig.user, rig.cards);
  for (let i = 0; i < runs; i++) {
    await signOut(page);
    timings.push(await signIn(page, rig.user, rig.cards));
  }
  await context.close();
  return timings;
}

/** What a fresh /portal.html transfers up to the complete overview, and after opening every view of the navigation. */
async function bytes(rig: Rig): Promise<{ overview: Transfer[]; everyView: Transfer[] }> {
  const { context, page, transfers } = await openPortal(rig);
  await signIn(page, rig.user, rig.cards);
  await transfers.quiet();
  const overview = await transfers.all();
  const links = page.locator('hp-portal [part="nav"] a');
  for (let i = 0; i < (await links.count()); i++) {
    await links.nth(i).click();
    const hash = new URL(await links.nth(i).evaluate((a) => (a as HTMLAnchorElement).href)).hash;
    // The view's widget has rendered and shows no loading state; then every request it started has finished.
    await page.waitForFunction((h) => {
      const view = document.querySelector('hp-portal')?.shadowRoot?.querySelector('[data-view]');
      return location.hash.startsWith(h) && !!view?.shadowRoot?.childElementCount && !view.shadowRoot.querySelector('[part="loading"], .skeleton');
    }, hash);
    await transfers.quiet();
  }
  const everyView = await transfers.all();
  await context.close();
  return { overview, everyView };
}

function timingRow(what: string, timings: SignInTiming[]): Measurement {
  const values = timings.map((t) => t.ms);
  const of = (pick: (t: SignInTiming) => number | null) => {
    const seen = timings.map(pick).filter((v): v is number => v !== null);
    return seen.length ? ms(median(seen)) : 'not seen';
  };
  return {
    what,
    value: Number(median(values).toFixed(1)),
    unit: 'ms',
    extra: {
      range: `${ms(Math.min(...values))} – ${ms(Math.max(...values))}`,
      'login answered': of((t) => t.loginMs),
      'overview answered': of((t) => t.overviewMs),
      'login answered → complete': of((t) => (t.loginMs === null ? null : t.ms - t.loginMs)),
    },
  };
}

function byteRows(label: string, transfers: Transfer[]): Measurement[] {
  const sum = (kind?: Transfer['kind']) => {
    const list = transfers.filter((t) => !kind || t.kind === kind);
    return { gzip: list.reduce((a, t) => a + t.gzip, 0), sent: list.reduce((a, t) => a + t.sent, 0), files: list.length };
  };
  const row = (what: string, kind?: Transfer['kind'], limit?: Measurement['budget']): Measurement => {
    const s = sum(kind);
    const m: Measurement = { what: `${label}: ${what}`, value: s.gzip, unit: 'B', extra: { 'as sent': s.sent, files: String(s.files) } };
    if (limit) m.budget = limit;
    return m;
  };
  return [row("Hausportal's scripts (/dist/)", 'scripts', budget), row('API answers (/api/)', 'api'), row("the host page's own files", 'host'), row('everything', undefined)];
}

/** hausportal.js and every file of dist/chunks as `npm run build` wrote them (gzip -9 each). */
function onDisk(root: string): Measurement | null {
  const dist = join(root, 'packages/portal/dist');
  if (!existsSync(join(dist, 'hausportal.js'))) return null;
  const files = ['hausportal.js', ...readdirSync(join(dist, 'chunks')).filter((f) => f.endsWith('.js')).map((f) => join('chunks', f))];
  const sizes = files.map((f) => readFileSync(join(dist, f)));
  return {
    what: 'hausportal.js + every file of dist/chunks (on disk)',
    value: sizes.reduce((a, b) => a + gz(b), 0),
    unit: 'B',
    extra: { 'as sent': sizes.reduce((a, b) => a + b.byteLength, 0), files: String(files.length) },
    budget,
  };
}

async function pageScript(context: BenchContext): Promise<string> {
  const outfile = join(context.tmp, 'portal-page.js');
  await build({ entryPoints: [join(context.root, 'bench/portal-page.ts')], outfile, bundle: true, format: 'iife', target: 'es2022', logLevel: 'silent' });
  return outfile;
}

/** How the figures were taken, printed under the table. */
const notes = (compiled: boolean): string[] => [
  `Katharina Huber (ImmoPro tenant), viewport 1280×900, ${compiled ? 'compiled server (server/dist)' : 'server from source'} on a fresh demo SQLite database, production password hashing.`,
  'Times: from the click event on "Anmelden" to the first animation frame in which <hp-overview> has every card with data (no placeholder);',
  `the page was loaded before the click. Cold: a new browser context per run (empty HTTP cache), one uncounted run first; warm: ${runs} sign-outs and sign-ins on one page.`,
  '"login answered" / "overview answered": the end of POST /api/auth/login and GET /api/overview after the click (Resource Timing), medians;',
  '"login answered → complete": the portal\'s own part after the login answer (its requests for units and the overview, rendering).',
  'Bytes: value = gzip -9 of each response body summed; "as sent" = the encoded body sizes Chromium received (the reference server sends',
  'them uncompressed). DESIGN §9 budgets Hausportal\'s whole portal with every chunk at ≤ 110 kB gz; the host page and the API are listed beside it.',
];

export const portal: BenchModule = {
  id: 'portal',
  title: `<hp-portal> on /portal.html: sign-in to a complete overview (median of ${runs}) and bytes transferred`,
  async run(context: BenchContext): Promise<Section> {
    const executablePath = chromiumPath();
    if (!executablePath) throw new Error('no Chromium found (node scripts/ensure-chromium.mjs installs it)');
    if (!existsSync(join(context.root, 'packages/portal/dist/hausportal.js'))) throw new Error('packages/portal/dist/hausportal.js is missing: run `npm run build` (npm run bench does)');
    const script = await pageScript(context);
    const compiled = existsSync(join(context.root, 'server/dist/main.js'));
    // DESIGN §6's password hashing (HP_SCRYPT_LOG_N unset), as a real sign-in costs it.
    const server = await startServer({ compiled, env: { HP_SCRYPT_LOG_N: '' } });
    const browser = await chromium.launch({ executablePath, args: chromiumArgs, headless: true });
    const measurements: Measurement[] = [];
    try {
      const user = demoLogin('katharina.huber@example.com');
      const cards = cardsOf(await apiJson<Overview>(server.url, await apiLogin(server.url, user), '/overview'));
      const rig: Rig = { browser, url: server.url, script, user, cards };
      measurements.push(timingRow('"Anmelden" → overview complete, cold (fresh context each run)', await coldRuns(rig)));
      measurements.push(timingRow('"Anmelden" → overview complete, warm (signed out and in on the same page)', await warmRuns(rig)));
      const { overview, everyView } = await bytes(rig);
      measurements.push(...byteRows('/portal.html → overview complete', overview), ...byteRows('/portal.html, then every view opened', everyView));
      const disk = onDisk(context.root);
      if (disk) measurements.push(disk);
    } finally {
      await browser.close();
      await server.stop();
    }
    return { id: this.id, title: this.title, valueLabel: 'value', measurements, notes: notes(compiled) };
  },
};
