// Attacks on the embedding surface in the system Chromium against the real server (issue 15): the postMessage protocol
// of <hp-embed> and the /embed/portal frame (third origins, wrong windows, odd shapes, what crosses during a sign-in),
// the host page's `#hp=` deep links, the blocked-cookie note's own-tab link, hausportal-loader.js's marker tag under a
// strict CSP, the WordPress plugin's output and kses rules (with WordPress's own PHP, tests/render.php), and the files
// the npm packages publish. Each finding of the attack is a test of the safe behaviour.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Browser, BrowserContext, Frame, Page } from 'playwright-core';
import { ownTabPortalUrl } from '../packages/api/src/session-cookie.ts';
import { apiJson, apiLogin, eventually } from './api.ts';
import { launchChromium } from './browser.ts';
import { demoLogin, repoRoot, startServer, type RunningServer } from './server.ts';

const katharina = demoLogin('katharina.huber@example.com');
const manager = demoLogin('andrea.pichler@immopro.example');

/** What a test site answers for a path: HTML by default, with extra headers. */
interface Answer {
  body: string;
  type?: string;
  headers?: Record<string, string>;
}

/** A plain web server at http://localhost:<port>: the answers of `pages(origin)`, 404 otherwise; it records every request. */
interface Site {
  origin: string;
  requests: { method: string; path: string; body: string }[];
  /** Answers `path` with `answer` from now on. */
  set(path: string, answer: Answer): void;
  stop(): Promise<void>;
}

const bodyOf = (req: IncomingMessage): Promise<string> =>
  new Promise((resolve) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => resolve(body));
  });

async function site(pages: (origin: string) => Record<string, Answer>): Promise<Site> {
  let answers: Record<string, Answer> = {};
  const requests: Site['requests'] = [];
  const server: Server = createServer(async (req, res) => {
    const path = new URL(req.url ?? '/', 'http://site').pathname;
    requests.push({ method: req.method ?? 'GET', path, body: await bodyOf(req) });
    const answer = answers[path];
    if (!answer) return res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    res.writeHead(200, { 'content-type': answer.type ?? 'text/html; charset=utf-8', ...answer.headers }).end(answer.body);
  });
  await new Promise<void>((resolve) => server.listen(0, resolve));
  const origin = `http://localhost:${(server.address() as AddressInfo).port}`;
  answers = pages(origin);
  return {
    origin,
    requests,
    set: (path, answer) => (answers[path] = answer),
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const e2e = {} as { server: RunningServer; browser: Browser; host: Site; third: Site };
const doc = (body: string, head = '') => `<!doctype html><html lang="de"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Test</title>${head}</head><body>${body}</body></html>`;

before(async () => {
  e2e.server = await startServer();
  e2e.browser = await launchChromium();
  const portal = e2e.server.url;
  const embedScript = `<script type="module" src="${portal}/dist/hausportal-embed.js"></script>`;
  const loaderCode = readFileSync(join(repoRoot, 'packages/portal/dist/hausportal-loader.js'), 'utf8');
  e2e.third = await site(() => ({
    '/opener.html': { body: doc('<p>Dritte</p>') },
    '/evil.js': { body: 'window.hausportalEvil = true; document.title = "evil";', type: 'text/javascript', headers: { 'access-control-allow-origin': '*' } },
  }));
  // The injected marker a page with an HTML injection (a comment, a guest book) could receive above the real one.
  const injected = `<script type="text/plain" data-hausportal-loader data-src="${e2e.third.origin}/evil.js"></script>`;
  const strict = { 'content-security-policy': "script-src 'nonce-r4nd0m' 'strict-dynamic'; object-src 'none'; base-uri 'none'" };
  e2e.host = await site(() => ({
    '/embed.html': { body: doc(`<h1>ImmoPro</h1><a href="#kontakt">Kontakt</a><hp-embed org="immopro" src="${portal}/embed/portal" lang="de" sync-hash></hp-embed><footer id="kontakt">Wien</footer>`, embedScript) },
    '/two.html': { body: doc(`<hp-embed id="a" org="immopro" src="${portal}/embed/portal"></hp-embed><hp-embed id="b" org="immopro" src="${portal}/embed/portal" view="profile"></hp-embed>`, embedScript) },
    '/plain.html': { body: doc(`<iframe src="${portal}/embed/portal?org=immopro" title="Portal" style="width:100%;height:700px;border:0"></iframe>`) },
    // hausportal-loader.js combined into the page's own (nonced) script by an optimizer, the documented marker below it.
    '/loader-combined.html': {
      body: doc(`${injected}<script type="text/plain" nonce="r4nd0m" data-hausportal-loader data-src="${portal}/dist/hausportal.js"></script><script nonce="r4nd0m">${loaderCode}</script>`),
      headers: strict,
    },
    // The loader as its own file: it finds itself (document.currentScript) and ignores the injected marker.
    '/loader-file.html': { body: doc(`${injected}<script nonce="r4nd0m" src="${portal}/dist/hausportal-loader.js"></script>`), headers: strict },
    // A page author's own api attribute (here a javascript: URL) with the blocked-cookie marker of an earlier visit.
    '/cookie-note.html': {
      body: doc(`<hp-session api="javascript://%0aalert(document.domain)//api" org="immopro"><hp-login></hp-login></hp-session>`, `<script type="module" src="${portal}/dist/hausportal.js"></script>`),
    },
    '/cookie-note-org.html': {
      body: doc(`<hp-session api="${portal}/api" org="x&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"><hp-login></hp-login></hp-session>`, `<script type="module" src="${portal}/dist/hausportal.js"></script>`),
    },
  }));
  const token = await apiLogin(portal, manager);
  await apiJson(portal, token, '/admin/settings', { method: 'PATCH', body: JSON.stringify({ allowedOrigins: ['https://www.immopro.example', e2e.host.origin] }) });
});

after(async () => {
  await e2e.browser?.close();
  await Promise.all([e2e.host?.stop(), e2e.third?.stop()]);
  await e2e.server?.stop();
});

/** A message one window of the page received (recorded in every frame from the document's start). */
interface Seen {
  at: string;
  origin: string;
  json: string;
  keys: string[] | null;
  fromParent: boolean;
}

/** A fresh context whose every frame records the messages it receives, with the page's errors, dialogs and popups. */
async function open(): Promise<{ context: BrowserContext; page: Page; errors: string[]; dialogs: string[]; popups: Page[] }> {
  const context = await e2e.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'de-AT' });
  await context.addInitScript(() => {
    const w = window as unknown as { seen: unknown[] };
    w.seen = [];
    window.addEventListener('message', (event) => {
      const data: unknown = event.data;
      let json: string;
      try {
        json = JSON.stringify(data) ?? String(data);
      } catch {
        json = String(data);
      }
      w.seen.push({ at: location.origin, origin: event.origin, json, keys: data && typeof data === 'object' ? Object.keys(data) : null, fromParent: event.source === window.parent && window.parent !== window });
    });
  });
  const page = await context.newPage();
  const errors: string[] = [];
  const dialogs: string[] = [];
  const popups: Page[] = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  context.on('page', (p) => popups.push(p));
  return { context, page, errors, dialogs, popups };
}

const seenIn = (frame: Page | Frame): Promise<Seen[]> => frame.evaluate(() => (window as unknown as { seen: Seen[] }).seen);

/** The portal's frame inside `page`, once it is there (the `nth` one for a page with several). */
const portalFrame = (page: Page, nth = 0): Promise<Frame> =>
  eventually('the portal frame', async () => page.frames().filter((f) => f.url().startsWith(`${e2e.server.url}/embed/portal`))[nth]);

const frameHeight = (page: Page, selector = 'hp-embed') => page.locator(selector).evaluate((el) => el.shadowRoot!.querySelector('iframe')!.getBoundingClientRect().height);

/** Signs Katharina in through the portal's login form inside `frame`, and waits for her overview. */
async function signIn(frame: Frame): Promise<void> {
  const form = frame.locator('hp-portal hp-login form');
  for (const [field, value] of [['username', katharina.username], ['password', katharina.password]] as const) await form.locator(`input[name="${field}"]`).fill(value);
  await form.locator('button[type="submit"]').click();
  await frame.locator('hp-portal hp-overview [data-card="person"]').waitFor();
}

const protocolTypes = ['hausportal:resize', 'hausportal:route', 'hausportal:navigate', 'hausportal:viewport'];

test('every message the host receives during sign-in and navigation holds only type, height, route or the visible part; nothing about the person', async () => {
  const { context, page, errors } = await open();
  const secrets = new Set<string>([katharina.password, katharina.username, 'Katharina', 'Huber']);
  page.on('response', async (r) => {
    if (!/\/api\/auth\/(login|refresh)$/.test(new URL(r.url()).pathname) || r.status() !== 200) return;
    const body = (await r.json().catch(() => ({}))) as { accessToken?: string; refreshToken?: string };
    for (const s of [body.accessToken, body.refreshToken]) if (s) secrets.add(s);
  });
  await page.goto(`${e2e.host.origin}/embed.html`);
  const frame = await portalFrame(page);
  await signIn(frame);
  for (const slug of ['dokumente', 'tickets', 'konto', 'profil', 'brett']) {
    await frame.locator(`hp-portal [part="nav"] a[href="#/${slug}"]`).click();
    await eventually(`#hp=/${slug}`, async () => ((await page.evaluate(() => location.hash)) === `#hp=/${slug}` ? true : undefined));
  }
  await page.evaluate(() => (location.hash = '#hp=/einheiten'));
  await frame.locator('hp-portal hp-unit-list').waitFor();
  for (const c of await context.cookies(e2e.server.url)) secrets.add(c.value);
  assert.ok(secrets.size >= 6, 'the tokens were seen');

  const hostSeen = await seenIn(page);
  const frameSeen = await seenIn(frame);
  const fromPortal = hostSeen.filter((m) => m.origin === e2e.server.url);
  assert.ok(fromPortal.length >= 6, `the frame spoke: ${fromPortal.length}`);
  assert.deepEqual(hostSeen.filter((m) => m.origin !== e2e.server.url), [], 'the host heard nobody else');
  for (const m of [...hostSeen, ...frameSeen]) {
    assert.ok(m.keys && m.keys.every((k) => ['type', 'height', 'route', 'visible'].includes(k)) && m.keys.length === 2, m.json);
    const data = JSON.parse(m.json) as { type: string; height?: number; route?: string; visible?: unknown };
    assert.ok(protocolTypes.includes(data.type), m.json);
    // The visible part (host → frame): two whole numbers of pixels, nothing else.
    if ('visible' in data) assert.ok(Array.isArray(data.visible) && data.visible.length === 2 && data.visible.every((n) => Number.isInteger(n)), m.json);
    if ('route' in data) assert.match(data.route!, /^\/(?:[a-z]+(?:\/[A-Za-z0-9._~-]+)?)?$/, m.json);
    for (const secret of secrets) assert.ok(!m.json.includes(secret), `a secret crossed: ${m.json}`);
  }
  assert.ok(frameSeen.every((m) => m.origin === e2e.host.origin && m.fromParent), 'the frame heard only its parent');
  assert.deepEqual(errors, []);
  await context.close();
});

test("crafted #hp= links on the host page: the portal stays on its origin, signed in, and sends nothing but reads", async (t) => {
  const { context, page, errors, dialogs, popups } = await open();
  const requests: string[] = [];
  page.on('request', (r) => {
    if (r.frame() !== page.mainFrame()) requests.push(`${r.method()} ${r.url()}`);
  });
  await page.goto(`${e2e.host.origin}/embed.html`);
  const frame = await portalFrame(page);
  await signIn(frame);
  const crafted = [
    '#hp=javascript:alert(1)',
    '#hp=//evil.example',
    '#hp=https://evil.example/',
    '#hp=/tickets/..',
    '#hp=/brett/..',
    '#hp=/meldung/..',
    '#hp=/konto/.',
    '#hp=/tickets/%2e%2e',
    '#hp=/tickets/..%2f..%2fauth%2flogout',
    '#hp=/profil/..',
    '#hp=/abmelden',
    '#hp=/logout',
    '#hp=/__proto__',
    '#hp=/constructor/prototype',
    `#hp=/tickets/${'9'.repeat(80)}`,
    `#hp=/${'a'.repeat(5000)}`,
    '#hp=/profil%0a',
    '#hp=%2Fprofil',
  ];
  for (const hash of crafted) {
    await t.test(hash.slice(0, 60), async () => {
      const before = requests.length;
      await page.evaluate((h) => (location.hash = h), hash);
      // A known view after it: once the portal shows it, the crafted link was handled (messages keep their order).
      const sentinel = (await frame.locator('hp-portal hp-profile').count()) > 0 ? 'dokumente' : 'profil';
      await page.evaluate((s) => (location.hash = `#hp=/${s}`), sentinel);
      await frame.locator(`hp-portal ${sentinel === 'profil' ? 'hp-profile' : 'hp-documents'}`).waitFor();
      assert.ok(frame.url().startsWith(`${e2e.server.url}/embed/portal`), frame.url());
      assert.equal(await frame.locator('hp-portal hp-login input[name="password"]').count(), 0, 'still signed in');
      const sent = requests.slice(before).filter((r) => !r.startsWith('GET ') && !/ \S+\/api\/auth\/(refresh|session-cookie)$/.test(r));
      assert.deepEqual(sent, [], 'nothing but reads');
      for (const r of requests.slice(before)) assert.ok(r.split(' ')[1]!.startsWith(`${e2e.server.url}/`), r);
    });
  }
  assert.deepEqual(dialogs, []);
  assert.deepEqual(popups, []);
  assert.deepEqual(errors, []);
  await context.close();
});

test('messages from the right origin but the wrong window, and odd shapes from the frame itself, are ignored', async () => {
  const { context, page, errors } = await open();
  await page.goto(`${e2e.host.origin}/two.html`);
  const [a, b] = [await portalFrame(page, 0), await portalFrame(page, 1)];
  await a.locator('hp-portal hp-login input[name="username"]').waitFor();
  await b.locator('hp-portal hp-login input[name="username"]').waitFor();
  const heightA = await eventually('frame a follows its content', async () => {
    const [outer, inner] = [await frameHeight(page, '#a'), await a.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height))];
    return outer === inner && inner > 150 ? outer : undefined;
  });

  // Frame b (the same portal origin, another window) claims to be frame a: only b's own element follows it.
  await b.evaluate(() => window.parent.postMessage({ type: 'hausportal:resize', height: 33 }, '*'));
  await eventually('b follows its own frame', async () => ((await frameHeight(page, '#b')) === 33 ? true : undefined));
  assert.equal(await frameHeight(page, '#a'), heightA, 'a ignores b');

  // A popup of the portal's origin (its own page) cannot even reach the host: its pages send
  // Cross-Origin-Opener-Policy, so the popup has no opener to post to.
  const popupOpened = context.waitForEvent('page');
  await page.evaluate((url) => void window.open(url), `${e2e.server.url}/portal.html`);
  const popup = await popupOpened;
  await popup.waitForLoadState();
  assert.equal(await popup.evaluate(() => window.opener === null), true, 'no opener (COOP)');
  await popup.close();

  // Odd shapes from frame a itself: prototype keys, non-finite numbers, the edge of the height range.
  const before = (await seenIn(page)).length;
  await a.evaluate(() => {
    // (No named functions in here: the test's compiler would wrap them in a helper the page does not have.)
    const odd: unknown[] = [
      JSON.parse('{"__proto__":{"type":"hausportal:resize"},"height":21}'),
      JSON.parse('{"type":"hausportal:resize","__proto__":{"height":22}}'),
      { type: 'hausportal:resize', height: Infinity },
      { type: 'hausportal:resize', height: NaN },
      { type: 'hausportal:resize', height: 100_001 },
      { type: 'hausportal:resize', height: 2 ** 53 },
      { type: 'hausportal:resize', height: '23' },
      { type: 'hausportal:resize', height: new Number(24) },
      Object.assign(Object.create({ type: 'hausportal:resize' }) as object, { height: 25 }),
      { type: 'hausportal:route', route: '//evil.example' },
      { type: 'hausportal:route', route: 'javascript:alert(1)' },
      { type: 'hausportal:route', route: '/profil?x=1' },
      { type: 'hausportal:route', route: '/%2e%2e' },
      new Map([['type', 'hausportal:resize']]),
      { type: 'hausportal:resize', height: 26, route: '/profil' },
    ];
    for (const m of odd) window.parent.postMessage(m, '*');
  });
  await eventually('the host heard all 15', async () => ((await seenIn(page)).length - before >= 15 ? true : undefined));
  assert.equal(await frameHeight(page, '#a'), heightA, 'no odd shape moved the frame');
  // The largest height the protocol allows is followed (a portal taller than that scrolls inside).
  await a.evaluate(() => window.parent.postMessage({ type: 'hausportal:resize', height: 100_000 }, '*'));
  await eventually('100000 px', async () => ((await frameHeight(page, '#a')) === 100_000 ? true : undefined));
  assert.deepEqual(errors, []);
  await context.close();
});

test('the plain iframe: a window of the host\'s origin that is not the parent cannot steer the frame', async () => {
  const { context, page } = await open();
  await page.goto(`${e2e.host.origin}/plain.html`);
  const frame = await portalFrame(page);
  await frame.locator('hp-portal hp-login input[name="username"]').waitFor();
  // Another tab of the listed host origin, holding a handle on the frame through its opener.
  const opened = context.waitForEvent('page');
  await page.evaluate((url) => void window.open(url), `${e2e.host.origin}/plain.html`);
  const sibling = await opened;
  await sibling.waitForLoadState();
  await sibling.evaluate(() => window.opener!.frames[0]!.postMessage({ type: 'hausportal:navigate', route: '/profil' }, '*'));
  await eventually('the frame heard it', async () => ((await seenIn(frame)).some((m) => m.json.includes('/profil')) ? true : undefined));
  assert.equal(await frame.evaluate(() => location.hash), '', 'the portal stays on its route');
  // The parent itself is followed.
  await page.evaluate((o) => window.frames[0]!.postMessage({ type: 'hausportal:navigate', route: '/profil' }, o), e2e.server.url);
  await eventually('#/profil', async () => ((await frame.evaluate(() => location.hash)) === '#/profil' ? true : undefined));
  await context.close();
});

test('the own-tab link never becomes javascript: — ownTabPortalUrl() gives no link for an api attribute that is no web address', () => {
  for (const api of ['javascript://%0aalert(1)//api', 'JaVaScRiPt://x/%0aalert(1)', 'vbscript://x/api', 'data://x/api']) {
    let url: string | null = null;
    try {
      url = ownTabPortalUrl(api, 'immopro');
    } catch {
      url = null;
    }
    assert.ok(url === null || /^https?:$/.test(new URL(url).protocol), `${api} → ${url}`);
  }
});

test('the blocked-cookie note with the page author\'s own odd attributes: what the link and the note hold', async (t) => {
  await t.test('an org with markup is text in the marker key and encoded in the link, never an element', async () => {
    const { context, page, errors, dialogs } = await open();
    const org = 'x"><img src=x onerror=alert(1)>';
    await page.addInitScript(([key]) => sessionStorage.setItem(key!, '1'), [`hausportal:cookie-blocked:${e2e.server.url}:${org}`]);
    await page.goto(`${e2e.host.origin}/cookie-note-org.html`);
    await page.locator('hp-session').waitFor({ state: 'attached' });
    await eventually('the widget rendered', async () => ((await page.locator('hp-login').evaluate((el) => el.shadowRoot?.childElementCount ?? 0)) > 0 ? true : undefined));
    assert.equal(await page.locator('hp-login img').count(), 0);
    assert.equal(await page.locator('img').count(), 0);
    const link = page.locator('hp-login [part="own-tab"]');
    if ((await link.count()) > 0) assert.equal(await link.getAttribute('href'), `${e2e.server.url}/embed/portal?${new URLSearchParams({ org })}`);
    assert.deepEqual(dialogs, []);
    assert.deepEqual(errors.filter((e) => /alert|onerror/.test(e)), []);
    await context.close();
  });

  await t.test('a javascript: api attribute: no own-tab link at all', async () => {
    const { context, page, dialogs } = await open();
    await page.addInitScript(() => sessionStorage.setItem('hausportal:cookie-blocked:null:immopro', '1'));
    await page.goto(`${e2e.host.origin}/cookie-note.html`);
    await page.locator('hp-session').waitFor({ state: 'attached' });
    const link = page.locator('hp-login [part="own-tab"]');
    const shown = await eventually('the note or the form', async () => {
      if ((await link.count()) > 0) return 'note';
      return (await page.locator('hp-login input[name="password"]').count()) > 0 ? 'form' : undefined;
    });
    const href = shown === 'note' ? await link.getAttribute('href') : null;
    t.diagnostic(`javascript: api → ${shown}; own-tab href ${href}`);
    assert.equal(href, null, 'no link from an api attribute that is no web address');
    assert.deepEqual(dialogs, []);
    await context.close();
  });
});

test('hausportal-loader.js as its own file finds itself and ignores a marker planted above it', async () => {
  const { context, page } = await open();
  const before = e2e.third.requests.length;
  await page.goto(`${e2e.host.origin}/loader-file.html`);
  await eventually('the module script', async () =>
    (await page.evaluate(() => [...document.querySelectorAll<HTMLScriptElement>('script[type="module"]')].map((s) => s.src))).includes(`${e2e.server.url}/dist/hausportal.js`) ? true : undefined,
  );
  assert.equal(await page.evaluate(() => (window as unknown as { hausportalEvil?: boolean }).hausportalEvil), undefined);
  assert.equal(e2e.third.requests.slice(before).filter((r) => r.path === '/evil.js').length, 0);
  await context.close();
});

test("combined hausportal-loader.js under a strict CSP ignores a marker planted above the page's own (no strict-dynamic gadget)", async () => {
  const { context, page } = await open();
  const before = e2e.third.requests.length;
  await page.goto(`${e2e.host.origin}/loader-combined.html`);
  const ran = await eventually('a module script ran', async () =>
    page.evaluate(() =>
      (window as unknown as { hausportalEvil?: boolean }).hausportalEvil
        ? 'planted'
        : document.querySelector('script[type="module"][src$="/dist/hausportal.js"]')
          ? 'hausportal'
          : undefined,
    ),
  );
  assert.equal(ran, 'hausportal', 'the planted script ran with the loader\'s trust (nonce, strict-dynamic)');
  assert.equal(e2e.third.requests.slice(before).filter((r) => r.path === '/evil.js').length, 0, 'the planted script was fetched');
  await context.close();
});

// ---- WordPress (tests/render.php with WordPress's own PHP) ----

const wordpressDir = process.env.HP_WORDPRESS_DIR ?? '/usr/share/wordpress';
const noWordPress = spawnSync('php', ['-v']).status !== 0 ? 'php-cli is missing' : !existsSync(join(wordpressDir, 'wp-settings.php')) ? `no WordPress in ${wordpressDir}` : false;

interface Rendered {
  pages: { name: string; saved: string; html: string; footer: string }[];
  settings?: { saved: Record<string, string>; errors: string[] }[];
  warnings: string[];
}

/** Runs examples/cms/wordpress-plugin/tests/render.php with `request` (see its header). */
function wordpress(request: object): Promise<Rendered> {
  return new Promise((resolve, reject) => {
    const php = spawn('php', [join(repoRoot, 'examples/cms/wordpress-plugin/tests/render.php')], { env: { ...process.env, HP_WORDPRESS_DIR: wordpressDir } });
    let out = '';
    let err = '';
    php.stdout.on('data', (c: Buffer) => (out += c.toString()));
    php.stderr.on('data', (c: Buffer) => (err += c.toString()));
    php.on('error', reject);
    php.on('close', (code) => (code === 0 ? resolve(JSON.parse(out) as Rendered) : reject(new Error(`render.php ${code}: ${err}${out.slice(0, 1000)}`))));
    php.stdin.end(JSON.stringify(request));
  });
}

const pageNamed = (r: Rendered, name: string) => r.pages.find((p) => p.name === name)!;

/** Elements and attributes of `html` that could run script or send a visitor elsewhere. */
function assertNoScriptVector(html: string, what: string): void {
  assert.doesNotMatch(html, /<script(?![^>]*\bhausportal-js\b)/i, `${what}: a script`);
  assert.doesNotMatch(html, /\son[a-z]+\s*=/i, `${what}: an event handler`);
  assert.doesNotMatch(html, /javascript:|data:text|vbscript:/i, `${what}: a script URL`);
  assert.doesNotMatch(html, /<(?:img|iframe|svg|object|embed|hp-embed)\b/i, `${what}: an element`);
}

test('WordPress plugin: hostile shortcode and block attributes, kses of an author\'s markup', { skip: noWordPress }, async (t) => {
  const portal = e2e.server.url;
  const hostile = [
    `[hausportal widgets='login"><script>alert(1)</script>' org="immopro"]`,
    `[hausportal widgets="login" org='"><svg onload=alert(1)>']`,
    `[hausportal widgets="login" lang='" onfocus="alert(1)' org="immopro"]`,
    `[hausportal widgets="login" org="javascript:alert(1)"]`,
    `[hausportal widgets="login" org="immopro&quot; onmouseover=&quot;alert(1)"]`,
    `[hausportal widgets="embed,hp-embed,session,hp-session,login" org="immo pro"]`,
    `[hausportal widgets="login" api="https://evil.example/api" src="https://evil.example"]`,
    `[hausportal widgets="login" org="IMMOPRO"]`,
    `[hausportal widgets="login" org="-immopro-"]`,
    `[hausportal widgets="login" org="imm\u00f6pro"]`,
    `<!-- wp:hausportal/portal {"widgets":["login\\u0022\\u003e\\u003cscript\\u003ealert(1)\\u003c/script\\u003e","statement"],"org":"x\\u0022 onload=\\u0022alert(1)","lang":"en\\u0022 x=\\u0022"} /-->`,
    `<!-- wp:hausportal/portal {"widgets":"login","org":["immopro"],"lang":{"a":1}} /-->`,
    `<!-- wp:hausportal/portal {"widgets":[["login"],{"a":"statement"},7],"org":7} /-->`,
  ];
  const kses = [
    `<hp-session api="https://evil.example/api" org="immopro"><hp-login></hp-login></hp-session>`,
    `<hp-session api="${portal}/api" api="https://evil.example/api" org="immopro"><hp-login></hp-login></hp-session>`,
    `<hp-session API="https://evil.example/api"><hp-login></hp-login></hp-session>`,
    `<hp-session api="${portal}/api#x" org="immopro"></hp-session>`,
    `<hp-session api=" ${portal}/api" org="immopro"></hp-session>`,
    `<hp-session api="${portal.replace(':', '&#58;')}/api" org="immopro"></hp-session>`,
    `<hp-session api="javascript:alert(1)" org="immopro" onclick="alert(1)"></hp-session>`,
    `<hp-login onfocus="alert(1)" autofocus tabindex="1" style="position:fixed;inset:0"></hp-login>`,
    `<hp-embed org="immopro" src="https://evil.example/embed/portal"></hp-embed>`,
    `<hp-portal api="https://evil.example/api" org="immopro"></hp-portal>`,
    `<script type="text/plain" data-hausportal-loader data-src="https://evil.example/x.js"></script>`,
    `<script src="${portal}/dist/hausportal-loader.js" data-src="https://evil.example/x.js"></script>`,
    `<div data-hausportal-loader data-src="https://evil.example/x.js"></div>`,
  ];
  const pages = [
    ...hostile.map((content, i) => ({ name: `hostile-${i}`, role: 'author', content })),
    ...kses.map((content, i) => ({ name: `kses-${i}`, role: 'author', content })),
    ...kses.map((content, i) => ({ name: `kses-output-${i}`, role: 'administrator', ksesOutput: true, content })),
  ];
  const result = await wordpress({ portal, pages });
  const session = `<hp-session api="${portal}/api" org="immopro" lang="de">`;

  await t.test('shortcode and block attributes never leave their attribute; unknown names are left out', () => {
    for (const [i] of hostile.entries()) {
      const page = pageNamed(result, `hostile-${i}`);
      assertNoScriptVector(page.html, `hostile-${i}`);
      for (const tag of page.html.match(/<hp-[a-z-]+\b[^>]*>/g) ?? []) assert.match(tag, /^<hp-(?:session api="[^"]*" org="[a-z0-9-]+"(?: lang="(?:de|en)")?|login|statement|profile)>$/, `hostile-${i}: ${tag}`);
      assert.ok(!page.html.includes('evil.example'), `hostile-${i}`);
    }
    assert.ok(pageNamed(result, 'hostile-7').html.includes(session), 'IMMOPRO is the slug immopro');
  });

  await t.test('kses (saving an author\'s text, and wp_kses_post over a rendered page) keeps no script, handler, foreign api or hp-embed', () => {
    for (const [i] of kses.entries()) {
      for (const name of [`kses-${i}`, `kses-output-${i}`]) {
        const page = pageNamed(result, name);
        const kept = name.startsWith('kses-output') ? page.html : page.saved;
        assertNoScriptVector(kept, `${name}: ${kept}`);
        assert.doesNotMatch(kept, /<(?:hp-[a-z-]+|script)\b[^>]*evil\.example/, `${name}: ${kept}`);
        assert.doesNotMatch(kept, /<script[^>]*data-hausportal-loader/, `${name}: a loader marker survived`);
      }
    }
  });

  await t.test('no PHP warning for odd block attribute types', () => {
    assert.deepEqual(result.warnings, []);
  });
});

test('kses keeps no <hp-session> an author saved, so no login can post the password to the WordPress site\'s /api', { skip: noWordPress }, async () => {
  const portal = e2e.server.url;
  // An author without unfiltered_html: a shortcode (so the page loads hausportal.js) and a session of their own.
  const content = `[hausportal widgets="statement"]\n\n<hp-session api="https://evil.example/api" org="immopro"><hp-login></hp-login></hp-session>`;
  const page = pageNamed(await wordpress({ portal, pages: [{ name: 'author', role: 'author', content }] }), 'author');
  assert.doesNotMatch(page.saved, /<hp-session|<hp-login/, 'kses kept the author\'s own elements');
  const sessions = [...page.html.matchAll(/<hp-session\b[^>]*>/g)].map((m) => m[0]);
  assert.equal(sessions.length, 1, page.html);
  assert.match(sessions[0]!, new RegExp(`api="${portal.replace(/[.]/g, '\\.')}/api"`), 'only the plugin\'s session, with the configured api');
});

/** Saves each portal URL through the settings form (the plugin's sanitizer) and returns what was kept. */
async function savedPortalUrls(inputs: string[]): Promise<string[]> {
  const settings = inputs.map((portal_url) => ({ portal_url, org: 'immopro', lang: 'de' }));
  // Each on its own, so a refused value falls back to the default, not to the one before.
  const results = await Promise.all(settings.map((one) => wordpress({ portal: 'https://portal.immopro-hv.at', pages: [], settings: [one] })));
  return results.map((r) => r.settings![0]!.saved.portal_url!);
}

test('WordPress settings: script schemes are refused; quotes and markup in a saved portal URL are printed harmlessly', { skip: noWordPress }, async () => {
  const inputs = [
    'javascript:alert(1)',
    ' JAVASCRIPT:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'https://portal.example.com/"onmouseover="alert(1)',
    "https://portal.example.com/'onmouseover='alert(1)",
    'https://portal.example.com/<script>alert(1)</script>',
    'https://portal.example.com/\u0000x',
    'https://portal.example.com/%0d%0a',
  ];
  const saved = await savedPortalUrls(inputs);
  for (const [i, url] of saved.entries()) {
    assert.match(url, /^https?:\/\/[^\s"<>]+$/, `${inputs[i]} → ${url}`);
    if (url === 'https://portal.immopro-hv.at') continue;
    const shown = pageNamed(await wordpress({ portal: url, pages: [{ name: 'p', role: 'author', content: '[hausportal widgets="login"]' }] }), 'p');
    assertNoScriptVector(shown.html, `${inputs[i]}: ${shown.html}`);
    assert.doesNotMatch(shown.footer, /\son[a-z]+=|<script(?![^>]*id='hausportal-js')/i, `${inputs[i]}: ${shown.footer}`);
    assert.equal(scriptSrc(shown.footer), `${url}/dist/hausportal.js`.replace(/'/g, '&#039;'), `${inputs[i]}: ${shown.footer}`);
  }
});

/** The src of the hausportal script tag in `footer`, as printed. */
const scriptSrc = (footer: string): string | undefined => /<script[^>]*\ssrc='([^']*)'[^>]*id='hausportal-js'/.exec(footer)?.[1];

test('the settings refuse a protocol-relative portal URL and one with user info (an address that reads as another host)', { skip: noWordPress }, async () => {
  const inputs = ['//evil.example', 'https://user:pass@portal.example.com', 'https://portal.example.com\\@evil.example'];
  const saved = await savedPortalUrls(inputs);
  for (const [i, url] of saved.entries()) {
    assert.equal(url, 'https://portal.immopro-hv.at', `${inputs[i]} must be refused (kept the saved value), got ${url}`);
  }
});

// ---- the npm packages ----

/** Every file under `dir`, relative to it. */
function filesUnder(dir: string, prefix = ''): string[] {
  return readdirSync(join(dir, prefix)).flatMap((name) => {
    const rel = prefix ? `${prefix}/${name}` : name;
    return statSync(join(dir, rel)).isDirectory() ? filesUnder(dir, rel) : [rel];
  });
}

/** The workspace packages under packages/. */
const packageNames = (): string[] => readdirSync(join(repoRoot, 'packages')).filter((p) => existsSync(join(repoRoot, 'packages', p, 'package.json')));

/** The files `npm pack` puts into the tarball of packages/<name> (without running its prepack build). */
function packedFiles(name: string): string[] {
  const packed = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: join(repoRoot, 'packages', name), encoding: 'utf8' });
  assert.equal(packed.status, 0, packed.stderr);
  return (JSON.parse(packed.stdout) as { files: { path: string }[] }[])[0]!.files.map((f) => f.path);
}

/** Test helpers and demo data by their names (testing.ts at any depth, fake-*.ts, demo.ts, *.test.*, stories). */
const helperFile = /\.(test|spec|stories)\.|(^|\/)(testing|fake-[a-z-]+|demo)\.(js|d\.ts)$|(^|\/)(test|tests|__tests__|fixtures|stories|testing)\//;

test('what npm publishes: no .env, no absolute paths of this machine, no secrets, source maps with relative sources only', async (t) => {
  for (const name of packageNames()) {
    await t.test(name, () => {
      const dir = join(repoRoot, 'packages', name);
      const files = packedFiles(name);
      assert.ok(files.includes('package.json'));
      for (const file of files) {
        assert.doesNotMatch(file, /(^|\/)(\.env|\.npmrc|\.tsbuildinfo)/, file);
        assert.match(file, /^(package\.json|README\.md|LICENSE|openapi\.yaml|custom-elements\.json|dist\/.+)$/, file);
        const text = readFileSync(join(dir, file), 'utf8');
        assert.ok(!text.includes(repoRoot) && !/\/(?:home|root|tmp)\/[A-Za-z0-9._-]+\//.test(text.replace(/https?:\/\/\S+/g, '')), `${file}: an absolute path`);
        assert.doesNotMatch(text, /HP_JWT_SECRET\s*=|BEGIN (?:RSA |EC )?PRIVATE KEY|Naschmarkt-Top7|Verwaltung#Wien3|DEMOINVITE/, `${file}: a secret or demo password`);
        if (file.endsWith('.map')) {
          const map = JSON.parse(text) as { sources: string[] };
          for (const source of map.sources) {
            assert.ok(!source.startsWith('/') && !/^[a-z]+:/i.test(source), `${file}: ${source}`);
            assert.doesNotMatch(source, helperFile, `${file}: ${source}`);
          }
        }
      }
      // dist only holds what is published (a leftover of an old build would ship too).
      const distFiles = existsSync(join(dir, 'dist')) ? filesUnder(join(dir, 'dist')) : [];
      for (const f of distFiles.filter((f) => f !== '.tsbuildinfo')) assert.ok(files.includes(`dist/${f}`), `dist/${f} is not published`);
    });
  }
});

test('npm packages ship no test helpers (such as @hausportal/shell dist/overview/testing.js)', () => {
  const shipped = packageNames().flatMap((name) => packedFiles(name).filter((f) => helperFile.test(f)).map((f) => `@hausportal/${name}/${f}`));
  assert.deepEqual(shipped, []);
});
