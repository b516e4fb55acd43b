// End to end, tickets: a tenant of Krüger reports damage with a photo on the example homepage and sees the ticket
// number (YYYY-NNNNN). The manager answers publicly, writes an internal note and sets `waiting` with a public reason
// through the manager API. The tenant then sees the public answer and the status Krüger shows tenants for `waiting`
// (`in_progress`), never the note nor the real status; the photo was stored without its location data; the mail about
// the answer is in the outbox. Real server (compiled, fresh SQLite file with the demo seed, its job poller sending the
// mails), system Chromium.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import sharp from 'sharp';
import { serverAndBrowser } from './browser.ts';
import { demoLogin } from './server.ts';
import { apiCall, apiJson, apiLogin as signIn, eventually, outbox } from './api.ts';

const e2e = serverAndBrowser({ compiled: true, env: { HP_JOB_POLL_MS: '500' } });

const apiLogin = (user: Parameters<typeof signIn>[1]) => signIn(e2e.server.url, user);
const api = <T>(token: string, path: string, init: RequestInit = {}) => apiJson<T>(e2e.server.url, token, path, init);
const call = (token: string, path: string, init: RequestInit = {}) => apiCall(e2e.server.url, token, path, init);

/** A small JPEG photo that carries a GPS position in its EXIF data, as phone cameras write it. */
const photoWithLocation = (): Promise<Buffer> =>
  sharp({ create: { width: 800, height: 600, channels: 3, background: '#8aa4b8' } })
    .jpeg()
    .withExif({ IFD0: { Make: 'Hausportal Test Camera' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '53/1 33/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '9/1 59/1 0/1' } })
    .toBuffer();

interface AdminTicket {
  id: string;
  number: string;
  status: string;
  files: { id: string; name: string }[];
}

test('a tenant reports damage with a photo on the example homepage; the manager answers, notes internally and sets waiting; the tenant sees the answer and the mapped status, never the note; the mail is in the outbox', async () => {
  const tenant = demoLogin('thomas.becker@example.net');
  const manager = await apiLogin(demoLogin('sabine.krueger@hv-krueger.example'));
  const photo = await photoWithLocation();
  assert.ok((await sharp(photo).metadata()).exif, 'the test photo carries EXIF data');
  const photoName = 'Bad – Wasserfleck über der Wanne 🚿.jpg';
  const description = 'Über der Badewanne ist ein brauner Wasserfleck an der Decke, er wird größer.';
  const answer = 'Danke für Ihre Meldung. Der Installateur sieht sich das am Donnerstag an.';
  const note = 'Intern: Wohnung darüber (Top 9) prüfen, dort gab es 2025 schon einen Schaden.';
  const reason = 'Wir warten auf den Termin des Installateurs.';

  let ticketId = '';
  let ticketNumber = '';
  const context = await e2e.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'de-DE' });
  try {
    const page = await context.newPage();
    await page.goto(`${e2e.server.url}/krueger.html`);
    await page.locator('hp-login input[name="username"]').fill(tenant.username);
    await page.locator('hp-login input[name="password"]').fill(tenant.password);
    await page.locator('hp-login button[type="submit"]').click();

    // The damage report, through <hp-message-form>.
    const form = page.locator('hp-message-form');
    await form.locator('[data-form="schadensmeldung"]').click();
    await form.locator('select[data-key="urgency"]').selectOption('normal');
    await form.locator('select[data-key="damage"][data-sub="location"]').selectOption('bad');
    await form.locator('select[data-key="damage"][data-sub="category"]').selectOption('feuchtigkeit-schimmel');
    await form.locator('select[data-key="damage"][data-sub="problem"]').selectOption('wasserfleck');
    await form.locator('textarea[data-key="description"]').fill(description);
    await form.locator('input[data-key="access"][value="true"]').check();
    await form.locator('input[data-key="pets"][value="false"]').check();
    await form.locator('input[data-key="phone"]').fill('+49 40 555 0123');
    await form.locator('input[data-files]').setInputFiles({ name: photoName, mimeType: 'image/jpeg', buffer: photo });
    await form.locator('[part="submit"]').click();

    const confirmation = form.locator('[part="confirmation"]');
    await confirmation.waitFor();
    const number = /\b(\d{4}-\d{5})\b/.exec(await confirmation.innerText())?.[1];
    assert.ok(number, 'the confirmation shows the ticket number');
    assert.match(number, /^\d{4}-\d{5}$/);
    ticketNumber = number;

    // The manager finds it, with the photo stored upright, under its name, without location data.
    const inbox = await api<{ items: AdminTicket[] }>(manager, '/admin/tickets?status=new');
    const summary = inbox.items.find((t) => t.number === number);
    assert.ok(summary, 'the manager sees the new ticket');
    const ticket = await api<AdminTicket>(manager, `/admin/tickets/${summary.id}`);
    ticketId = ticket.id;
    const stored = ticket.files.find((f) => f.name === photoName);
    assert.ok(stored, `the photo is stored under its name: ${JSON.stringify(ticket.files)}`);
    const bytes = Buffer.from(await (await call(manager, `/admin/tickets/${ticket.id}/files/${stored.id}`)).arrayBuffer());
    const meta = await sharp(bytes).metadata();
    assert.equal(meta.format, 'jpeg');
    assert.equal(meta.exif, undefined, 'no EXIF (and so no GPS position) in the stored photo');

    // A public answer, an internal note, and `waiting` with a public reason.
    const reply = new FormData();
    reply.set('body', answer);
    reply.set('visibility', 'public');
    await call(manager, `/admin/tickets/${ticket.id}/comments`, { method: 'POST', body: reply });
    const internal = new FormData();
    internal.set('body', note);
    internal.set('visibility', 'internal');
    await call(manager, `/admin/tickets/${ticket.id}/comments`, { method: 'POST', body: internal });
    const waiting = await api<AdminTicket>(manager, `/admin/tickets/${ticket.id}`, { method: 'PATCH', body: JSON.stringify({ status: 'waiting', reason, reasonVisibility: 'public' }) });
    assert.equal(waiting.status, 'waiting');

    // The tenant, after a reload of the page (the session comes back from its cookie), in <hp-ticket-list>.
    await page.reload();
    const list = page.locator('hp-ticket-list');
    const row = list.locator(`[data-ticket="${ticket.id}"]`);
    await row.waitFor();
    assert.match(await row.innerText(), new RegExp(number));
    assert.equal(await row.locator('[data-status]').getAttribute('data-status'), 'in_progress', 'Krüger shows tenants `waiting` as `in_progress`');
    await row.locator(`[data-open="${ticket.id}"]`).click();
    const thread = list.locator('[part="thread"]');
    await thread.waitFor();
    await list.locator('[part="thread"]', { hasText: answer }).waitFor();
    // The photo's preview, fetched with the session's token, shows on the page (its Content-Security-Policy admits it).
    await page.waitForFunction(() => {
      const imgs = [...(document.querySelector('hp-ticket-list')?.shadowRoot?.querySelectorAll('img') ?? [])];
      return imgs.some((img) => img.complete && img.naturalWidth > 0);
    });
    const shown = await list.evaluate((el) => el.shadowRoot?.textContent ?? '');
    assert.ok(shown.includes(answer), 'the public answer is shown');
    assert.ok(!shown.includes(note), 'the internal note is never shown');
    assert.match(shown, /In Bearbeitung/);
    assert.doesNotMatch(shown, /Wartend|Waiting/i);
  } finally {
    await context.close();
  }

  // Nor does any answer of the tenant's API carry the note or the real status.
  const tenantToken = await apiLogin(tenant);
  const listed = await (await call(tenantToken, '/tickets?tab=open')).text();
  assert.ok(listed.includes(ticketId) && !listed.includes('"waiting"'), 'the list has the ticket, without the real status');
  const raw = await (await call(tenantToken, `/tickets/${ticketId}`)).text();
  assert.ok(!raw.includes(note), 'the note is not in the tenant API');
  assert.ok(!raw.includes('"waiting"'), 'the real status is not in the tenant API');

  // The mail about the public answer, sent by the server's job poller.
  await eventually('the mail about the answer in the outbox', async () => {
    const mails = (await outbox(e2e.server.url, tenant.username)).filter((m) => m.subject.includes(ticketNumber));
    // The answer and the visible status change (new → in progress); never the note, never "waiting".
    return mails.length >= 2 && mails.every((m) => !m.text.includes(note) && !/status: (wartend|waiting)/i.test(m.subject + m.text)) ? mails : undefined;
  });
});
