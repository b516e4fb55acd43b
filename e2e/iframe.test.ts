// End to end: iframe mode (DESIGN §6) against the real server in the system Chromium. A host page on another origin
// (a second HTTP server on another localhost port, listed in ImmoPro's allowed origins through PATCH
// /api/admin/settings) holds <hp-embed sync-hash>: the frame follows the portal's height, Katharina signs in inside
// the frame, the host page's hash `#hp=/dokumente` opens that view and follows the portal's navigation, back and
// forward. A third origin (a third port, not listed) cannot steer the frame with messages, and when it frames the
// portal page itself, Chromium refuses (frame-ancestors) and the frame stays empty.
//
// Cookies: every server here is on http://localhost, so the host page, the portal frame and the API are one site
// (a site is scheme and registrable domain; ports do not count). The refresh cookie (SameSite=Strict) is therefore
// first-party inside the frame, as in the recommended set-up with the portal at portal.<the host's domain>. A host on
// another site needs the organization's cross-site mode (SameSite=None; Partitioned), which e2e/cross-site.test.ts covers.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, BrowserContext, Frame, Page } from 'playwright-core';
import { apiJson, apiLogin, eventually } from './api.ts';
import { launchChromium } from './browser.ts';
import { demoLogin, startServer, type RunningServer } from './server.ts';

const katharina = demoLogin('katharina.huber@example.com');
const manager = demoLogin('andrea.pichler@immopro.example');

/** A plain web server on a port of its own at http://localhost: the pages of `pages(origin)` by path, 404 otherwise. */
interface Site {
  origin: string;
  stop(): Promise<void>;
}

async function site(pages: (origin: string) => Record<string, string>): Promise<Site> {
  let bodies: Record<string, string> = {};
  const server: Server = createServer((req, res) => {
    const body = bodies[new URL(req.url ?? '/', 'http://site').pathname];
    res.writeHead(body === undefined ? 404 : 200, { 'content-type': 'text/html; charset=utf-8' }).end(body ?? 'not found');
  });
  await new Promise<void>((resolve) => server.listen(0, resolve));
  const origin = `http://localhost:${(server.address() as AddressInfo).port}`;
  bodies = pages(origin);
  return {
    origin,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const e2e = {} as { server: RunningServer; browser: Browser; host: Site; third: Site };

/** A host page with `<hp-embed>` of ImmoPro's portal on this server. */
const embedPage = (portal: string, attrs = 'sync-hash') => `<!doctype html><html lang="de"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Kundenportal</title>
<script type="module" src="${portal}/dist/hausportal-embed.js"></script></head>
<body style="margin:0"><header><h1>ImmoPro Hausverwaltung</h1><a href="#kontakt">Kontakt</a></header>
<hp-embed org="immopro" src="${portal}/embed/portal" lang="de" ${attrs}></hp-embed>
<footer id="kontakt">Schottenring 14/3, 1010 Wien</footer></body></html>`;

before(async () => {
  e2e.server = await startServer();
  e2e.browser = await launchChromium();
  const portal = e2e.server.url;
  e2e.host = await site(() => ({
    '/portal.html': embedPage(portal),
    // The plain iframe snippet (examples/cms/iframe.html), without hausportal-embed.js.
    '/plain.html': `<!doctype html><html lang="de"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Kundenportal</title></head><body>
<iframe src="${portal}/embed/portal?org=immopro&amp;lang=de&amp;view=documents" title="Kundenportal" style="display:block;width:100%;height:800px;border:0"></iframe></body></html>`,
  }));
  e2e.third = await site((origin) => ({
    // A page of the third origin that opens the listed host page, and then posts its own messages into it.
    '/opener.html': `<!doctype html><html><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Dritte</title></head><body><p>${origin}</p></body></html>`,
    // The portal page framed directly by an origin that is not listed.
    // The listed host page inside a frame of the third origin.
    '/frames-host.html': `<!doctype html><html><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Dritte</title></head><body>
<iframe src="${e2e.host.origin}/portal.html" title="Host" style="width:1000px;height:800px"></iframe></body></html>`,
    '/frames-portal.html': `<!doctype html><html><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Dritte</title></head><body>
<iframe src="${portal}/embed/portal?org=immopro" title="Portal"></iframe></body></html>`,
    '/embed.html': embedPage(portal, ''),
  }));
  const token = await apiLogin(portal, manager);
  await apiJson(portal, token, '/admin/settings', {
    method: 'PATCH',
    // Not the server's own origin: its pages (the example /cms/iframe.html) may frame the portal through 'self'.
    body: JSON.stringify({ allowedOrigins: ['https://www.immopro.example', 'https://immopro.example', e2e.host.origin] }),
  });
});

after(async () => {
  await e2e.browser?.close();
  await Promise.all([e2e.host?.stop(), e2e.third?.stop()]);
  await e2e.server?.stop();
});

/** A fresh browser context and page that records uncaught errors and console errors (of the page and its frames). */
async function open(): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await e2e.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'de-AT' });
  const page = await context.newPage();
  const errors: string[] = [];
  watch(page, errors);
  return { context, page, errors };
}

function watch(page: Page, errors: string[]): void {
  page.on('pageerror', (error) => errors.push(String(error)));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
}

/** The portal's frame inside `page` (at any depth), once it is there. */
const portalFrame = (page: Page): Promise<Frame> =>
  eventually('the portal frame', async () => page.frames().find((f) => f.url().startsWith(`${e2e.server.url}/embed/portal`)));

/** The height of `<hp-embed>`'s iframe in `frame` (the host page), in CSS pixels. */
const frameHeight = (host: Page | Frame): Promise<number> =>
  host.locator('hp-embed').evaluate((el) => el.shadowRoot!.querySelector('iframe')!.getBoundingClientRect().height);

/** The height of the portal page inside the frame. */
const contentHeight = (frame: Frame): Promise<number> => frame.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));

/** Waits until the iframe is exactly as high as the portal's content, and that content is not `before` high; returns it. */
const followsContent = (host: Page | Frame, frame: Frame, before: number | null, what: string): Promise<number> =>
  eventually(what, async () => {
    const [outer, inner] = await Promise.all([frameHeight(host), contentHeight(frame)]);
    return outer === inner && inner !== before && inner > 0 ? inner : undefined;
  });

const hostHash = (page: Page) => page.evaluate(() => location.hash);
const frameHash = (frame: Frame) => frame.evaluate(() => location.hash);

async function signIn(frame: Frame): Promise<void> {
  const login = frame.locator('hp-portal hp-login');
  await login.locator('input[name="username"]').fill(katharina.username);
  await login.locator('input[name="password"]').fill(katharina.password);
  await login.getByRole('button', { name: 'Anmelden' }).click();
  await frame.locator('hp-portal hp-overview [data-card="person"]').waitFor();
}

test('the frame follows the portal height; signing in inside the frame works and lasts a reload', async () => {
  const { context, page, errors } = await open();
  await page.goto(`${e2e.host.origin}/portal.html`);
  const frame = await portalFrame(page);
  await frame.locator('hp-portal hp-login input[name="username"]').waitFor();
  const signedOut = await followsContent(page, frame, 150, 'the frame as high as the login');
  assert.equal(await frame.evaluate(() => document.documentElement.scrollHeight <= innerHeight), true, 'no scrolling inside the frame');
  const iframe = page.locator('hp-embed').locator('iframe');
  assert.equal(await iframe.getAttribute('title'), 'Hausportal');
  assert.equal(await iframe.evaluate((el) => getComputedStyle(el).borderStyle), 'none');
  assert.equal(await iframe.evaluate((el, width) => el.getBoundingClientRect().width === width, 1280), true, 'the full width');

  await signIn(frame);
  const overview = await followsContent(page, frame, signedOut, 'the frame as high as the overview');
  // The refresh cookie is the portal server's own (same site as the host page here), HttpOnly, never readable by the host.
  const cookies = await context.cookies(e2e.server.url);
  assert.ok(cookies.some((c) => c.name === '__Host-hp_rt' && c.httpOnly), 'the refresh cookie is set');
  assert.equal(await page.evaluate(() => document.cookie), '');

  await frame.locator('hp-portal [part="nav"] a[href="#/profil"]').click();
  await frame.locator('hp-portal hp-profile').waitFor();
  await followsContent(page, frame, overview, 'the frame as high as the profile');
  assert.equal(await hostHash(page), '#hp=/profil', 'the host page mirrors the route');

  // A reload of the host page: the frame signs in again with its cookie and opens the route of the host's hash.
  await page.reload();
  const again = await portalFrame(page);
  await again.locator('hp-portal hp-profile').waitFor();
  assert.equal(await frameHash(again), '#/profil');
  assert.deepEqual(errors, []);
  await context.close();
});

test("the host page's hash opens a view and follows the portal, back and forward", async () => {
  const { context, page: first, errors } = await open();
  await first.goto(`${e2e.host.origin}/portal.html`);
  await signIn(await portalFrame(first));
  await first.close();

  // A deep link: a new tab opens the host page at #hp=/dokumente.
  const page = await context.newPage();
  watch(page, errors);
  await page.goto(`${e2e.host.origin}/portal.html#hp=/dokumente`);
  const frame = await portalFrame(page);
  await frame.locator('hp-portal hp-documents').waitFor();
  assert.equal(await frameHash(frame), '#/dokumente');

  // The portal navigates: the host's address follows (one history entry, the frame's own).
  await frame.locator('hp-portal [part="nav"] a[href="#/konto"]').click();
  await frame.locator('hp-portal hp-statement').waitFor();
  await eventually('the host hash #hp=/konto', async () => ((await hostHash(page)) === '#hp=/konto' ? true : undefined));
  await page.evaluate(() => history.back());
  await frame.locator('hp-portal hp-documents').waitFor();
  await eventually('the host hash back at #hp=/dokumente', async () => ((await hostHash(page)) === '#hp=/dokumente' ? true : undefined));
  await page.evaluate(() => history.forward());
  await frame.locator('hp-portal hp-statement').waitFor();

  // The host navigates (a link, or the address bar): the portal follows; the host's own anchors leave it alone.
  await page.evaluate(() => (location.hash = '#hp=/brett'));
  await frame.locator('hp-portal hp-bulletin-board').waitFor();
  await page.evaluate(() => (location.hash = '#kontakt'));
  await page.evaluate(() => (location.hash = '#hp=/profil'));
  await frame.locator('hp-portal hp-profile').waitFor();
  assert.equal(await frame.locator('hp-portal hp-bulletin-board').count(), 0);
  await page.evaluate(() => history.back());
  await page.evaluate(() => history.back());
  await frame.locator('hp-portal hp-bulletin-board').waitFor();
  assert.equal(await frameHash(frame), '#/brett');
  assert.deepEqual(errors, []);
  await context.close();
});

test("a link to another site (the organization's imprint) opens in a new tab; the frame stays on the portal", async () => {
  const { context, page, errors } = await open();
  await context.route('https://www.immopro.example/**', (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>Impressum</title><h1>Impressum</h1>' }));
  await page.goto(`${e2e.host.origin}/portal.html`);
  const frame = await portalFrame(page);
  const opened = context.waitForEvent('page');
  await frame.locator('hp-portal [part="footer"] a', { hasText: 'Impressum' }).click();
  const tab = await opened;
  await tab.waitForURL('https://www.immopro.example/impressum');
  assert.equal(await tab.evaluate(() => window.opener), null, 'no opener');
  assert.equal(frame.url().startsWith(`${e2e.server.url}/embed/portal`), true);
  await frame.locator('hp-portal hp-login').waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test('the example page /cms/iframe.html: its <hp-embed> shows the portal, and signing in works', async () => {
  const { context, page, errors } = await open();
  await page.goto(`${e2e.server.url}/cms/iframe.html`);
  const snippets = await page.locator('pre code').allTextContents();
  assert.match(snippets[0]!, /^<iframe src="https:\/\/[^"]+\/embed\/portal\?org=immopro&amp;lang=de&amp;view=documents"/);
  assert.match(snippets[1]!, /<hp-embed org="immopro" src="https:\/\/[^"]+\/embed\/portal" lang="de" sync-hash><\/hp-embed>/);
  const frame = await portalFrame(page);
  await signIn(frame);
  await followsContent(page, frame, null, 'the frame as high as the overview');
  assert.deepEqual(errors, []);
  await context.close();
});

/** Where the chat bot's `part` (`button`, `dialog`) is in the host page's window: its top and bottom in CSS pixels. */
async function chatBoxInHost(page: Page, frame: Frame, part: 'button' | 'dialog'): Promise<{ top: number; bottom: number; window: number }> {
  const offset = await page.locator('hp-embed').evaluate((el) => el.shadowRoot!.querySelector('iframe')!.getBoundingClientRect().top);
  const box = await frame.locator('hp-chat-bot').evaluate((el, p) => {
    const r = el.shadowRoot!.querySelector(p === 'button' ? '[part=button]' : 'dialog')!.getBoundingClientRect();
    return { top: r.top, bottom: r.bottom };
  }, part);
  return { top: offset + box.top, bottom: offset + box.bottom, window: await page.evaluate(() => innerHeight) };
}

/** Waits until the chat bot's `part` lies wholly inside the host page's window. */
const chatInSight = (page: Page, frame: Frame, part: 'button' | 'dialog', what: string) =>
  eventually(what, async () => {
    const box = await chatBoxInHost(page, frame, part);
    return box.top >= 0 && box.bottom <= box.window && box.bottom > box.top ? box : undefined;
  });

test("in a frame higher than the host's window, the chat bot's button and dialog stay in sight as the host page scrolls", async () => {
  const { context, page, errors } = await open();
  await page.setViewportSize({ width: 1280, height: 600 });
  await page.goto(`${e2e.host.origin}/portal.html`);
  const frame = await portalFrame(page);
  await frame.locator('hp-portal hp-login input[name="username"]').waitFor();
  await signIn(frame);
  const high = await followsContent(page, frame, null, 'the frame as high as the overview');
  assert.ok(high > 900, `the overview (${high} px) is higher than the window`);
  await frame.locator('hp-chat-bot [part=button]').waitFor();
  // At the top of the host page, the button sits at the window's bottom edge, not at the end of the frame.
  const first = await chatInSight(page, frame, 'button', 'the button in the window at the top');
  assert.ok(first.window - first.bottom < 40, `the button near the window's bottom (${first.bottom} of ${first.window})`);
  // Content above the frame grows without any scroll (a late image, a banner): the button moves with the visible part.
  await page.evaluate(() => document.querySelector('header')!.append(Object.assign(document.createElement('div'), { style: 'height:300px' })));
  await chatInSight(page, frame, 'button', 'the button in the window after the page grew above the frame');
  await page.mouse.wheel(0, 300);
  await eventually('scrolled', async () => ((await page.evaluate(() => scrollY)) > 0 ? true : undefined));
  await chatInSight(page, frame, 'button', 'the button in the window after scrolling');
  // The dialog opens in the visible part too, and follows a scroll.
  await frame.locator('hp-chat-bot [part=button]').click();
  await frame.locator('hp-chat-bot #question').waitFor();
  await chatInSight(page, frame, 'dialog', 'the dialog in the window');
  await page.evaluate(() => scrollTo(0, 0));
  await chatInSight(page, frame, 'dialog', 'the dialog in the window at the top again');
  assert.deepEqual(errors, []);
  await context.close();
});

/** Records the origin of every message `frame`'s window receives (test instrumentation, run by the browser driver). */
const recordMessages = (frame: Frame) =>
  frame.evaluate(() => {
    const w = window as unknown as { seen: string[] };
    w.seen = [];
    window.addEventListener('message', (event) => w.seen.push(event.origin));
  });
const seen = (frame: Frame, origin: string, count: number) =>
  eventually(`${count} messages from ${origin}`, async () => {
    const list = await frame.evaluate(() => (window as unknown as { seen: string[] }).seen);
    return list.filter((o) => o === origin).length >= count ? true : undefined;
  });

/** Opens `url` from the page `opener` (window.open, kept as `window.opened`), and returns the new page. */
async function openFrom(opener: Page, url: string): Promise<Page> {
  const opened = opener.context().waitForEvent('page');
  await opener.evaluate((href) => {
    (window as unknown as { opened: Window | null }).opened = window.open(href);
  }, url);
  return opened;
}

test('messages from a third origin, and malformed ones from the frame, are ignored', async () => {
  const { context, page: third, errors } = await open();
  await third.goto(`${e2e.third.origin}/opener.html`);
  const page = await openFrom(third, `${e2e.host.origin}/portal.html`);
  watch(page, errors);
  const host = page.mainFrame();
  const frame = await portalFrame(page);
  await frame.locator('hp-portal hp-login input[name="username"]').waitFor();
  const height = await followsContent(host, frame, 150, 'the frame as high as the login');
  await recordMessages(host);

  // The third origin, which opened the host page, posts what the frame would send.
  await third.evaluate(() => {
    const hostWindow = (window as unknown as { opened: Window }).opened;
    hostWindow.postMessage({ type: 'hausportal:resize', height: 7 }, '*');
    hostWindow.postMessage({ type: 'hausportal:route', route: '/profil' }, '*');
  });
  await seen(host, e2e.third.origin, 2);
  assert.equal(await frameHeight(host), height, 'the height stays');
  assert.equal(await frameHash(frame), '', 'the portal stays on its route');
  assert.equal(await host.evaluate(() => location.hash), '', "the host's address stays");

  // <hp-embed>'s frame is in a shadow root, out of reach of window.frames; the plain snippet's frame is reachable: the
  // third origin asks it to navigate, and it does not.
  const plain = await openFrom(third, `${e2e.host.origin}/plain.html`);
  const plainFrame = await portalFrame(plain);
  await plainFrame.locator('hp-portal hp-login input[name="username"]').waitFor();
  assert.equal(await frameHash(plainFrame), '#/dokumente', 'view=documents opens the documents');
  await recordMessages(plainFrame);
  await third.evaluate(() => (window as unknown as { opened: Window }).opened.frames[0]!.postMessage({ type: 'hausportal:navigate', route: '/profil' }, '*'));
  await third.evaluate(() => (window as unknown as { opened: Window }).opened.frames[0]!.postMessage({ type: 'hausportal:viewport', visible: [100, 200] }, '*'));
  await seen(plainFrame, e2e.third.origin, 2);
  assert.equal(await frameHash(plainFrame), '#/dokumente', 'the portal stays on its route');
  const visibleTop = () => plainFrame.evaluate(() => document.documentElement.style.getPropertyValue('--hp-frame-visible-top'));
  assert.equal(await visibleTop(), '', 'the visible part stays unknown');
  // From the frame's parent, a viewport message not shaped as the protocol says is ignored, a proper one is followed.
  const viewports: unknown[] = [
    { type: 'hausportal:viewport', visible: [1e9, 5] },
    { type: 'hausportal:viewport', visible: [-1, 5] },
    { type: 'hausportal:viewport', visible: [1, 2, 3] },
    { type: 'hausportal:viewport', visible: ['1', '2'] },
    { type: 'hausportal:viewport', visible: { 0: 1, 1: 2, length: 2 } },
    { type: 'hausportal:viewport', visible: [1, 2], extra: 1 },
  ];
  await plain.evaluate(([messages, origin]) => {
    for (const m of messages as unknown[]) window.frames[0]!.postMessage(m, origin as string);
  }, [viewports, e2e.server.url] as const);
  await seen(plainFrame, e2e.host.origin, viewports.length);
  assert.equal(await visibleTop(), '', 'malformed viewport messages are ignored');
  await plain.evaluate((origin) => window.frames[0]!.postMessage({ type: 'hausportal:viewport', visible: [40, 300] }, origin), e2e.server.url);
  await eventually('the visible part set', async () => ((await visibleTop()) === '40px' ? true : undefined));
  // The same message from the frame's parent, the listed host page, is followed.
  await plain.evaluate((origin) => window.frames[0]!.postMessage({ type: 'hausportal:navigate', route: '/profil' }, origin), e2e.server.url);
  await eventually('the portal at #/profil', async () => ((await frameHash(plainFrame)) === '#/profil' ? true : undefined));
  await plain.close();

  // From the right window and origin, but not shaped as the protocol says: ignored too.
  const malformed: unknown[] = [
    { type: 'hausportal:resize', height: 1e9 },
    { type: 'hausportal:resize', height: -5 },
    { type: 'hausportal:resize', height: 12.5 },
    { type: 'hausportal:resize', height: '20' },
    { type: 'hausportal:resize', height: 20, extra: true },
    { type: 'hausportal:route', route: 'javascript:alert(1)' },
    { type: 'hausportal:route', route: '/profil/../../x?y#z' },
    [{ type: 'hausportal:resize', height: 20 }],
    'hausportal:resize',
    null,
  ];
  await frame.evaluate((messages) => {
    for (const m of messages) window.parent.postMessage(m, '*');
  }, malformed);
  await seen(host, e2e.server.url, malformed.length);
  assert.equal(await frameHeight(host), height, 'the height stays');
  assert.equal(await host.evaluate(() => location.hash), '');

  // The host page posting to itself is not its frame either.
  await host.evaluate(() => window.postMessage({ type: 'hausportal:resize', height: 9 }, '*'));
  await seen(host, e2e.host.origin, 1);
  assert.equal(await frameHeight(host), height);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a host page framed by an origin that is not listed gets no portal either (frame-ancestors checks every ancestor)', async () => {
  const { context, page } = await open();
  const refused = new Promise<string>((resolve) => page.on('console', (m) => /frame-ancestors/.test(m.text()) && resolve(m.text())));
  await page.goto(`${e2e.third.origin}/frames-host.html`);
  assert.match(await refused, new RegExp(`Framing '${e2e.server.url}/' violates|Refused to frame`));
  await context.close();
});

test('the portal page refuses to be framed by an origin that is not listed', async (t) => {
  for (const path of ['/frames-portal.html', '/embed.html']) {
    await t.test(path, async () => {
      const { context, page } = await open();
      const refused: string[] = [];
      page.on('console', (message) => {
        if (/frame-ancestors/.test(message.text())) refused.push(message.text());
      });
      const answered = page.waitForResponse((r) => r.url().startsWith(`${e2e.server.url}/embed/portal`));
      await page.goto(`${e2e.third.origin}${path}`);
      const response = await answered;
      assert.equal(response.status(), 200);
      assert.match((await response.allHeaders())['content-security-policy'] ?? '', new RegExp(`frame-ancestors [^;]*${e2e.host.origin}`));
      await eventually('Chromium reports the refusal', async () => (refused.length > 0 ? true : undefined));
      assert.match(refused[0]!, /violates the following Content Security Policy directive: "frame-ancestors|Refused to frame/);
      // The frame holds Chromium's error page, not the portal.
      const frame = page.frames().find((f) => f !== page.mainFrame())!;
      assert.ok(!frame.url().startsWith(e2e.server.url), frame.url());
      await context.close();
    });
  }
});
