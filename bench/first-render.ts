// First render of the portal's overview with a cold cache (issue 15, "Tests and bench"): /portal.html in the system
// Chromium against the real server, as Katharina Huber returning with her refresh cookie. Each run is a new browser
// context (empty HTTP cache, nothing of Hausportal loaded) that holds only the cookie of a sign-in made through the
// API before the page opens; the time runs from the navigation's start to the first animation frame in which
// <hp-overview> shows its heading, and to the one in which every card of her GET /overview has its data. Beside it:
// when the scripts, the session's refresh and GET /overview had arrived (Resource Timing), and what the page fetched
// from /dist/ by then. A page with only <hp-login> is opened the same way, and its scripts are summed against the
// budget of 35 kB (the sizes module computes the same from the build's module graph).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import type { Overview } from '@hausportal/api';
import { chromiumArgs, chromiumPath } from '../scripts/chromium.mjs';
import { apiJson, apiLogin } from '../e2e/api.ts';
import { demoLogin, startServer, type DemoLogin } from '../e2e/server.ts';
import { cardsOf } from './portal.js';
import type { BenchContext, BenchModule, Measurement, Section } from './lib/types.js';

const runs = Math.max(5, Number(process.env.HP_BENCH_FIRST_RENDER_RUNS ?? 9));
const kB = 1000;

const sorted = (values: number[]) => [...values].sort((a, b) => a - b);
const median = (values: number[]) => sorted(values)[Math.floor(values.length / 2)]!;
/** Nearest-rank 95th percentile. */
const p95 = (values: number[]) => sorted(values)[Math.min(values.length - 1, Math.ceil(values.length * 0.95) - 1)]!;
const ms = (value: number) => `${value.toFixed(1)} ms`;

/** One cold load, in ms since the navigation started (the page's performance clock). */
interface FirstRender {
  heading: number;
  complete: number;
  /** The end of the last script from /dist/ that had arrived by the heading. */
  scripts: number | null;
  refresh: number | null;
  overview: number | null;
}

declare global {
  interface Window {
    hausportalFirstRender: Promise<FirstRender>;
  }
}

/**
 * The in-page half, added as an init script (plain JavaScript, so no transpiler helper sneaks in): looks at every
 * animation frame from the start until the overview has its heading, then until it has `cards` cards with their data
 * (no loading placeholder), and resolves `window.hausportalFirstRender` with a {@link FirstRender}.
 */
const pageScript = (cards: number) => `(() => {
  const root = () => document.querySelector('hp-portal')?.shadowRoot?.querySelector('hp-overview')?.shadowRoot;
  const end = (test, before = Infinity) => {
    const entries = performance.getEntriesByType('resource').filter((e) => test(new URL(e.name).pathname) && e.responseEnd <= before);
    return entries.length ? Math.max(...entries.map((e) => e.responseEnd)) : null;
  };
  window.hausportalFirstRender = new Promise((resolve) => {
    let heading;
    const frame = () => {
      const overview = root();
      if (heading === undefined && overview?.querySelector('#title')) heading = performance.now();
      const complete = overview && !overview.querySelector('[part="loading"], .skeleton') && overview.querySelectorAll('.grid [data-card]').length >= ${cards};
      if (heading === undefined || !complete) return void requestAnimationFrame(frame);
      resolve({ heading, complete: performance.now(), scripts: end((p) => p.startsWith('/dist/'), heading), refresh: end((p) => p === '/api/auth/refresh'), overview: end((p) => p === '/api/overview') });
    };
    requestAnimationFrame(frame);
  });
})();`;

/** Counts what a context fetches from /dist/: files and gzip -9 of each body. */
function watchScripts(context: BrowserContext): () => Promise<{ files: number; gzip: number }> {
  const bodies: Promise<number>[] = [];
  context.on('requestfinished', (request) => {
    if (!new URL(request.url()).pathname.startsWith('/dist/')) return;
    const size = async () => {
      const response = await request.response();
      return response ? gzipSync(await response.body(), { level: 9 }).byteLength : 0;
    };
    // A body that can no longer be read (the context closed meanwhile) counts as nothing.
    bodies.push(size().catch(() => 0));
  });
  return async () => {
    const sizes = await Promise.all(bodies);
    return { files: sizes.length, gzip: sizes.reduce((a, b) => a + b, 0) };
  };
}

/** A new context holding only the refresh cookie of `user` (signed in through the API, as a returning visitor). */
async function returningVisitor(browser: Browser, url: string, user: DemoLogin): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'de-AT' });
  const res = await context.request.post(`${url}/api/auth/login`, { data: { organization: user.organization, username: user.username, password: user.password } });
  if (!res.ok()) throw new Error(`sign-in through the API failed: ${res.status()} ${await res.text()}`);
  return context;
}

async function coldRun(browser: Browser, url: string, user: DemoLogin, cards: number): Promise<FirstRender & { files: number; gzip: number }> {
  const context = await returningVisitor(browser, url, user);
  try {
    await context.addInitScript({ content: pageScript(cards) });
    const scripts = watchScripts(context);
    const page = await context.newPage();
    await page.goto(`${url}/portal.html`);
    const timing = await page.evaluate(() => window.hausportalFirstRender);
    return { ...timing, ...(await scripts()) };
  } finally {
    await context.close();
  }
}

/** What a fresh page with only `<hp-login>` fetches from /dist/ until the login form shows. */
async function loginPage(browser: Browser, url: string): Promise<{ files: number; gzip: number }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'de-AT' });
  try {
    const scripts = watchScripts(context);
    const page = await context.newPage();
    const html = `<!doctype html><html lang="de"><head><meta charset="utf-8"><title>Anmelden</title><script type="module" src="/dist/hausportal.js"></script></head>
<body><main><h1>Anmelden</h1><hp-session api="/api" org="immopro" lang="de"><hp-login></hp-login></hp-session></main></body></html>`;
    await page.route(`${url}/login-only.html`, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }));
    await page.goto(`${url}/login-only.html`);
    await page.locator('hp-login input[name="username"]').waitFor();
    await page.waitForLoadState('networkidle');
    return await scripts();
  } finally {
    await context.close();
  }
}

function rows(results: Awaited<ReturnType<typeof coldRun>>[]): Measurement[] {
  const pick = (f: (r: (typeof results)[number]) => number | null) => results.map(f).filter((v): v is number => v !== null);
  const of = (f: (r: (typeof results)[number]) => number | null) => {
    const values = pick(f);
    return values.length ? ms(median(values)) : 'not seen';
  };
  const row = (what: string, values: number[]): Measurement => ({
    what,
    value: Number(median(values).toFixed(1)),
    unit: 'ms',
    extra: { p95: ms(p95(values)), range: `${ms(Math.min(...values))} – ${ms(Math.max(...values))}` },
  });
  const heading = row('navigation → overview heading rendered, cold cache', pick((r) => r.heading));
  heading.extra = { ...heading.extra, 'scripts in': of((r) => r.scripts), 'refresh answered': of((r) => r.refresh), 'GET /overview answered': of((r) => r.overview) };
  const last = results.at(-1)!;
  return [
    heading,
    row('navigation → overview complete (every card with its data), cold cache', pick((r) => r.complete)),
    { what: '  scripts fetched from /dist/ (gzip -9 of each body)', value: last.gzip, unit: 'B', extra: { files: String(last.files) } },
  ];
}

export const firstRender: BenchModule = {
  id: 'first-render',
  title: `Cold first render of the portal's overview (/portal.html, returning visitor; median and p95 of ${runs})`,
  async run(context: BenchContext): Promise<Section> {
    const executablePath = chromiumPath();
    if (!executablePath) throw new Error('no Chromium found (node scripts/ensure-chromium.mjs installs it)');
    if (!existsSync(join(context.root, 'packages/portal/dist/hausportal.js'))) throw new Error('packages/portal/dist/hausportal.js is missing: run `npm run build` (npm run bench does)');
    const compiled = existsSync(join(context.root, 'server/dist/main.js'));
    const server = await startServer({ compiled });
    const browser = await chromium.launch({ executablePath, args: chromiumArgs, headless: true });
    try {
      const user = demoLogin('katharina.huber@example.com');
      const cards = cardsOf(await apiJson<Overview>(server.url, await apiLogin(server.url, user), '/overview'));
      // One run first that is not counted: the server's first requests (its caches, the JIT).
      const results = [];
      for (let i = 0; i <= runs; i++) {
        const result = await coldRun(browser, server.url, user, cards);
        if (i > 0) results.push(result);
      }
      const login = await loginPage(browser, server.url);
      const measurements = [
        ...rows(results),
        { what: 'a page with only <hp-login>: scripts fetched from /dist/ (gzip -9 of each body)', value: login.gzip, unit: 'B' as const, extra: { files: String(login.files) }, budget: { limit: 35 * kB, compare: 'max' as const, note: 'DESIGN §9' } },
      ];
      const notes = [
        `Katharina Huber (ImmoPro tenant), viewport 1280×900, ${compiled ? 'compiled server (server/dist)' : 'server from source'} on a fresh demo SQLite database, loopback, responses compressed as the server sends them.`,
        'Cold: each run a new browser context (empty HTTP cache) with only the refresh cookie of a sign-in through POST /api/auth/login; one uncounted run first.',
        'Times from the navigation\'s start (performance.now() in the page) to the first animation frame showing it; "scripts in" = the end of the last /dist/ file',
        'that arrived before the heading, "refresh answered" / "GET /overview answered" = the end of those answers (Resource Timing), medians.',
      ];
      return { id: this.id, title: this.title, valueLabel: 'median', measurements, notes };
    } finally {
      await browser.close();
      await server.stop();
    }
  },
};
