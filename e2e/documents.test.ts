// End to end, documents: the demo manager uploads a document and releases it to a tenant's unit through the manager
// API; the tenant signs in on the example homepage, sees it marked new in <hp-documents>, downloads it (the bytes
// equal the upload, under its UTF-8 name) and then sees it read; the notice mail is in the outbox. Real server
// (compiled, fresh SQLite file with the demo seed, its job poller sending the mail), system Chromium.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { serverAndBrowser } from './browser.ts';
import { demoLogin } from './server.ts';
import { apiJson, apiLogin as signIn, eventually, outbox } from './api.ts';
import { textPdf } from '../server/src/seed/pdf.ts';

const e2e = serverAndBrowser({ compiled: true, env: { HP_JOB_POLL_MS: '500' } });


const apiLogin = (user: Parameters<typeof signIn>[1]) => signIn(e2e.server.url, user);
const api = <T>(token: string, path: string, init: RequestInit = {}) => apiJson<T>(e2e.server.url, token, path, init);

test('a document released by the manager reaches the tenant on the example homepage: new, downloaded byte for byte, then read; the mail is in the outbox', async () => {
  const manager = await apiLogin(demoLogin('andrea.pichler@immopro.example'));
  const tenant = demoLogin('katharina.huber@example.com');

  // The manager: the tenant's current unit, the category, the upload and the release.
  const persons = await api<{ items: { id: string; name: string; contracts: { unitId: string; role: string; validTo: string | null }[] }[] }>(manager, '/admin/persons?q=Huber');
  const huber = persons.items.find((p) => p.name === 'Katharina Huber');
  assert.ok(huber, 'Katharina Huber is a person of ImmoPro');
  const unitId = huber.contracts.find((c) => c.role === 'tenant' && c.validTo === null)!.unitId;
  const categories = await api<{ items: { id: string; name: { de: string } }[] }>(manager, '/document-categories');
  const leases = categories.items.find((c) => c.name.de === 'Mietverträge');
  assert.ok(leases, 'the demo has the category Mietverträge');

  const title = 'Nachtrag zum Mietvertrag – Kellerabteil';
  const fileName = 'Nachtrag Mietvertrag – Müller & Söhne.pdf';
  const bytes = textPdf([{ text: title, bold: true }, { text: 'Das Kellerabteil Nr. 7 gehört ab sofort zur Wohnung Top 7.' }], { title });
  const form = new FormData();
  form.set('title', title);
  form.set('categoryId', leases.id);
  form.set('documentDate', new Date().toISOString().slice(0, 10));
  form.set('file', new Blob([new Uint8Array(bytes)], { type: 'application/pdf' }), fileName);
  const uploaded = await api<{ id: string; fileName: string; mimeType: string }>(manager, '/admin/documents', { method: 'POST', body: form });
  assert.equal(uploaded.fileName, fileName);
  assert.equal(uploaded.mimeType, 'application/pdf');
  const release = await api<{ reached: number }>(manager, `/admin/documents/${uploaded.id}/releases`, {
    method: 'POST',
    body: JSON.stringify({ rule: 'unit_current', unitIds: [unitId], roles: 'tenant', notify: 'immediate' }),
  });
  assert.equal(release.reached, 1);

  // The tenant on the example homepage.
  const context = await e2e.browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true, locale: 'de-AT' });
  try {
    const page = await context.newPage();
    await page.goto(`${e2e.server.url}/`);
    await page.locator('hp-login input[name="username"]').fill(tenant.username);
    await page.locator('hp-login input[name="password"]').fill(tenant.password);
    await page.locator('hp-login button[type="submit"]').click();

    const row = page.locator(`hp-documents [data-document="${uploaded.id}"]`);
    await row.waitFor();
    assert.match(await row.innerText(), new RegExp(title));
    assert.ok(await row.evaluate((el) => el.classList.contains('unread')), 'the new document is marked unread');
    assert.match(await row.locator('.badge').innerText(), /^neu$/i);

    const [download] = await Promise.all([page.waitForEvent('download'), row.locator(`[data-download="${uploaded.id}"]`).click()]);
    assert.equal(download.suggestedFilename(), fileName);
    const saved = await download.path();
    assert.ok(saved, 'the download was saved');
    assert.ok(Buffer.from(await readFile(saved)).equals(bytes), 'the downloaded bytes equal the upload');

    await page.waitForFunction((id) => {
      const widget = document.querySelector('hp-documents');
      const item = widget?.shadowRoot?.querySelector(`[data-document="${id}"]`);
      return item !== null && item !== undefined && !item.classList.contains('unread');
    }, uploaded.id);
    const receipts = await api<{ items: { name: string; seenAt: string | null; openedAt: string | null }[] }>(manager, `/admin/documents/${uploaded.id}/receipts`);
    const receipt = receipts.items.find((r) => r.name === 'Katharina Huber');
    assert.ok(receipt?.seenAt && receipt.openedAt, 'the manager sees that she opened it');
  } finally {
    await context.close();
  }

  // The notice mail, sent by the server's job poller.
  const mail = await eventually('the notice mail in the outbox', async () => {
    return (await outbox(e2e.server.url, tenant.username)).find((m) => m.text.includes(title) || m.subject.includes(title));
  });
  assert.ok(mail.text.length > 0);
});
