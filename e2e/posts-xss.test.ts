// End to end, notice bodies that try to run script: every body of the XSS corpus (server/test/fixtures/xss-payloads.ts)
// is saved and published by the manager through the API, then opened by the tenant in <hp-bulletin-board> on the example
// homepage in Chromium. None runs (each would call window.__hpXss(n); no dialog opens) and each keeps its marker text.
// A canary the test itself puts next to the bodies proves that handlers do run in that place, so silence means safety,
// not a dead page. Real server (compiled, fresh SQLite file with the demo seed), system Chromium.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serverAndBrowser } from './browser.ts';
import { demoLogin } from './server.ts';
import { apiJson, apiLogin } from './api.ts';
import { xssPayloads } from '../server/test/fixtures/xss-payloads.ts';

const e2e = serverAndBrowser({ compiled: true });

test(`none of the ${xssPayloads.length} XSS bodies runs in the board, and every one keeps its text`, async () => {
  const manager = await apiLogin(e2e.server.url, demoLogin('andrea.pichler@immopro.example'));
  const tenant = demoLogin('katharina.huber@example.com');
  const api = <T>(token: string, path: string, init: RequestInit = {}) => apiJson<T>(e2e.server.url, token, path, init);
  const units = await api<{ items: { propertyId: string; active: boolean }[] }>(await apiLogin(e2e.server.url, tenant), '/units');
  const building = units.items.find((u) => u.active)!.propertyId;
  const categories = await api<{ id: string; key: string }[]>(manager, '/admin/post-categories');
  const category = categories.find((c) => c.key === 'allgemein')!.id;

  const posts: { id: string; marker: string }[] = [];
  const refused: string[] = [];
  for (const [i, payload] of xssPayloads.entries()) {
    const res = await fetch(`${e2e.server.url}/api/admin/posts`, {
      method: 'POST',
      headers: { authorization: `Bearer ${manager}`, origin: e2e.server.url, 'content-type': 'application/json' },
      body: JSON.stringify({ title: `Prüfung ${i + 1}: ${payload.name}`.slice(0, 120), bodyHtml: payload.html, categoryId: category, audience: { role: 'tenant', propertyIds: [building], personIds: [] } }),
    });
    const answer = (await res.json()) as { id: string; errors?: { field: string; code: string }[] };
    if (res.status === 400 && answer.errors?.[0]?.code === 'nul') {
      // A NUL character is refused before anything is stored (http/nul.ts): nothing to render.
      refused.push(payload.name);
      continue;
    }
    assert.equal(res.status, 201, JSON.stringify(answer));
    await api(manager, `/admin/posts/${answer.id}/publish`, { method: 'POST', body: JSON.stringify({ notify: 'none' }) });
    posts.push({ id: answer.id, marker: payload.marker });
  }
  assert.ok(refused.length <= 2, `refused: ${refused.join(', ')}`);

  const context = await e2e.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'de-AT' });
  try {
    const page = await context.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    // As text: a function compiled by the test's TypeScript loader would bring helpers the page does not have.
    await page.addInitScript({ content: 'window.__hpXssHits = []; window.__hpXss = function (n) { window.__hpXssHits.push(n); };' });
    await page.goto(`${e2e.server.url}/`);
    await page.locator('hp-login input[name="username"]').fill(tenant.username);
    await page.locator('hp-login input[name="password"]').fill(tenant.password);
    await page.locator('hp-login button[type="submit"]').click();

    const board = page.locator('hp-bulletin-board');
    await board.locator('[data-post]').first().waitFor();
    // Every page of the list (the first notice made is the oldest, so it comes last).
    const shown = () => board.locator('[data-post]').count();
    while ((await board.locator(`[data-post="${posts[0]!.id}"]`).count()) === 0) {
      const before = await shown();
      await board.locator('.more').click();
      await page.waitForFunction((n) => (document.querySelector('hp-bulletin-board')?.shadowRoot?.querySelectorAll('[data-post]').length ?? 0) > n, before);
    }

    for (const post of posts) {
      await board.locator(`[data-open="${post.id}"]`).click();
      const body = board.locator(`#p-${post.id} .body`);
      await body.waitFor();
      assert.match(await body.innerText(), new RegExp(post.marker), `the text of ${post.marker} is kept`);
    }

    // The canary: an image that fails to load, with a handler, put where the bodies are. Once it has run, the
    // bodies' own failed images and focus, toggle and load handlers had their turn too.
    await page.evaluate((id) => {
      const body = document.querySelector('hp-bulletin-board')!.shadowRoot!.querySelector(`#p-${id} .body`)!;
      const img = document.createElement('img');
      img.src = 'data:image/png;base64,invalid';
      img.onerror = () => Object.assign(window, { __hpCanary: true });
      body.append(img);
    }, posts.at(-1)!.id);
    await page.waitForFunction(() => (window as unknown as { __hpCanary?: boolean }).__hpCanary === true);

    const hits = await page.evaluate(() => (window as unknown as { __hpXssHits: number[] }).__hpXssHits);
    assert.deepEqual(hits, [], `bodies that ran script: ${hits.map((n) => xssPayloads[n - 1]?.name).join(', ')}`);
    assert.deepEqual(dialogs, []);
  } finally {
    await context.close();
  }
});
