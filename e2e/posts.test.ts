// End to end, the bulletin board: the ImmoPro manager publishes a danger notice with an appointment to one building
// (the tenant's) through the manager API and undoes its mail within the waiting time. The tenant there sees it first
// on the example homepage, adds the appointment to her calendar (.ics in Vienna's time zone) and acknowledges it; a
// tenant of the other building does not see it; the manager's statistics count one acknowledgement. Real server
// (compiled, fresh SQLite file with the demo seed), system Chromium.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { serverAndBrowser } from './browser.ts';
import { demoLogin, type DemoLogin } from './server.ts';
import { apiJson, apiLogin as signIn, outbox } from './api.ts';

const e2e = serverAndBrowser({ compiled: true, env: { HP_JOB_POLL_MS: '500' } });

const apiLogin = (user: DemoLogin) => signIn(e2e.server.url, user);
const api = <T>(token: string, path: string, init: RequestInit = {}) => apiJson<T>(e2e.server.url, token, path, init);

/** The day `offset` days from now in Vienna's calendar (YYYY-MM-DD). */
const viennaDay = (offset = 0): string => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Vienna' }).format(Date.now() + offset * 86_400_000);

async function signInOnHomepage(page: Page, user: DemoLogin): Promise<void> {
  await page.goto(`${e2e.server.url}/`);
  await page.locator('hp-login input[name="username"]').fill(user.username);
  await page.locator('hp-login input[name="password"]').fill(user.password);
  await page.locator('hp-login button[type="submit"]').click();
}

interface AdminPost {
  id: string;
  status: string;
  sends: { id: string; sentAt: string | null; cancelledAt: string | null }[];
}

test('a danger notice for one building: its tenant sees it first, saves the appointment and acknowledges it; a tenant of the other building never sees it; the stats count one acknowledgement', async () => {
  const manager = await apiLogin(demoLogin('andrea.pichler@immopro.example'));
  const huber = demoLogin('katharina.huber@example.com');
  const hofer = demoLogin('lukas.hofer@example.com');

  // Katharina Huber's building, from her own unit list.
  const units = await api<{ items: { propertyId: string; active: boolean }[] }>(await apiLogin(huber), '/units');
  const building = units.items.find((u) => u.active)!.propertyId;
  const categories = await api<{ id: string; key: string }[]>(manager, '/admin/post-categories');
  const water = categories.find((c) => c.key === 'heizung-wasser');
  assert.ok(water, 'the demo has the category Heizung & Wasser');

  const title = 'Gasgebrechen im Keller: Gaszufuhr bis auf Weiteres gesperrt';
  const draft = await api<AdminPost>(manager, '/admin/posts', {
    method: 'POST',
    body: JSON.stringify({
      title,
      bodyHtml: '<p>Nach einer Gasgeruch-Meldung ist die <strong>Gaszufuhr</strong> gesperrt.</p><ul><li>Keine offenen Flammen</li><li>Fenster öffnen</li></ul>',
      type: 'danger',
      categoryId: water.id,
      audience: { role: 'both', propertyIds: [building], personIds: [] },
      visibleUntil: viennaDay(3),
      appointment: { start: `${viennaDay(1)}T07:00:00Z`, end: `${viennaDay(1)}T10:00:00Z`, allDay: false, place: 'Keller, Zugang über Stiege 1' },
      requiresAck: true,
    }),
  });
  assert.equal(draft.status, 'draft');
  const preview = await api<{ persons: { name: string }[] }>(manager, `/admin/posts/${draft.id}/audience-preview`, { method: 'POST' });
  const reached = preview.persons.map((p) => p.name);
  assert.ok(reached.includes('Katharina Huber') && !reached.includes('Lukas Hofer'), `the audience: ${reached.join(', ')}`);

  // Published with mails "now", which wait 60 seconds: the manager undoes the mail in that time.
  const published = await api<AdminPost>(manager, `/admin/posts/${draft.id}/publish`, { method: 'POST', body: JSON.stringify({ notify: 'now' }) });
  assert.equal(published.status, 'published');
  const send = published.sends.at(-1)!;
  assert.equal(send.sentAt, null);
  const undone = await api<AdminPost>(manager, `/admin/posts/${draft.id}/sends/${send.id}/cancel`, { method: 'POST' });
  assert.ok(undone.sends.find((s) => s.id === send.id)?.cancelledAt, 'the send is cancelled');

  const context = await e2e.browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true, locale: 'de-AT' });
  try {
    const page = await context.newPage();
    await signInOnHomepage(page, huber);
    const board = page.locator('hp-bulletin-board');
    const first = board.locator('[data-post]').first();
    await first.waitFor();
    assert.equal(await first.getAttribute('data-post'), draft.id, 'the new danger notice comes first');
    assert.match(await first.innerText(), /Gefahrenhinweis/);
    assert.match(await first.innerText(), /Neu/);

    await first.locator(`[data-open="${draft.id}"]`).click();
    const panel = board.locator(`#p-${draft.id}`);
    await panel.locator('.body li').first().waitFor();
    assert.match(await panel.innerText(), /Keine offenen Flammen/);

    const [download] = await Promise.all([page.waitForEvent('download'), panel.locator('.calendar').click()]);
    assert.match(download.suggestedFilename(), /\.ics$/);
    const ics = await readFile((await download.path())!, 'utf8');
    assert.match(ics, /BEGIN:VCALENDAR/);
    assert.match(ics, /BEGIN:VTIMEZONE[\s\S]*TZID:Europe\/Vienna/);
    assert.match(ics, new RegExp(`DTSTART;TZID=Europe/Vienna:${viennaDay(1).replaceAll('-', '')}T0[89]0000`));
    assert.match(ics.replace(/\r?\n[ \t]/g, ''), /SUMMARY:Gasgebrechen im Keller/);

    await panel.locator('.acknowledge').click();
    await panel.locator('.acked').waitFor();
  } finally {
    await context.close();
  }

  // The tenant of the other building: his board has the notices for everyone, not this one.
  const other = await e2e.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'de-AT' });
  try {
    const page = await other.newPage();
    await signInOnHomepage(page, hofer);
    const board = page.locator('hp-bulletin-board');
    await board.locator('[data-post]').first().waitFor();
    assert.match(await board.locator('[part="list"]').innerText(), /Hausordnung/);
    assert.equal(await board.locator(`[data-post="${draft.id}"]`).count(), 0, 'not on his board');
  } finally {
    await other.close();
  }

  const stats = await api<{ acknowledged: number; persons: { name: string; acknowledgedAt: string | null; openedAt: string | null }[] }>(manager, `/admin/posts/${draft.id}/stats`);
  assert.equal(stats.acknowledged, 1);
  const row = stats.persons.find((p) => p.name === 'Katharina Huber');
  assert.ok(row?.acknowledgedAt && row.openedAt, 'Katharina Huber opened and acknowledged it');
  assert.ok(!stats.persons.some((p) => p.name === 'Lukas Hofer'));
  // The undone send mailed nobody.
  assert.ok(!(await outbox(e2e.server.url, huber.username)).some((m) => m.subject.includes('Gasgebrechen')));
});
