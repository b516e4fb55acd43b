import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { setLocale } from '@hausportal/core';
import { problem } from '@hausportal/core/testing.js';
import type { TicketStatus } from '@hausportal/api';
import { changedText } from '../src/status.js';
import { demoTickets, generateTickets, ticketDetail } from '../src/testing.js';
import { $, loaded, root, row, rowIds, text, ticketRoutes, ticketsWidget, unreadCounts } from './fixtures.js';

const counts = unreadCounts();
const active = (el: Element) => (el.shadowRoot!.activeElement as HTMLElement | null)?.id;

describe('<hp-ticket-list> list', () => {
  it('lists the open tab newest first: number, subject, category, place, status as icon and text, last change', async () => {
    const { routes, server } = ticketRoutes();
    const { el } = await ticketsWidget(routes);
    await loaded(el);
    expect(server.pages[0]).to.deep.equal({ tab: 'open', limit: '50', cursor: null });
    expect(rowIds(el)).to.deep.equal(['t-wasserhahn', 't-heizung', 't-lift']);
    const tap = row(el, 't-wasserhahn');
    expect(text(tap)).to.contain('Wasserhahn in der Küche tropft').and.contain('2026-00042').and.contain('Sanitär').and.contain('Linke Wienzeile 48, Top 7');
    expect(text(tap.querySelector('.status')!)).to.equal('In Bearbeitung');
    expect(tap.querySelector('.status svg[aria-hidden=true] path')).to.exist;
    expect(text(tap)).to.match(/Letzte Änderung: (heute \d\d:\d\d|gestern)$/);
    expect(tap.querySelector('time')!.getAttribute('datetime')).to.match(/^\d{4}-\d\d-\d\dT/);
    expect(text(row(el, 't-heizung').querySelector('.status')!)).to.equal('Neu');
    expect(text(row(el, 't-lift').querySelector('.status')!)).to.equal('Wartend');
    await expect(el).to.be.accessible();
  });

  it('marks unread tickets with a dot and words for screen readers, and tickets I joined as "auch betroffen"', async () => {
    const { el } = await ticketsWidget(ticketRoutes().routes);
    await loaded(el);
    expect(row(el, 't-wasserhahn').classList.contains('unread')).to.be.true;
    expect(row(el, 't-wasserhahn').querySelector('.dot')).to.exist;
    expect(row(el, 't-wasserhahn').querySelector('.visually-hidden')!.textContent).to.equal('Ungelesen:');
    expect(row(el, 't-heizung').querySelector('.dot')).to.not.exist;
    expect(text(row(el, 't-lift'))).to.contain('auch betroffen');
    expect(text(row(el, 't-wasserhahn'))).to.not.contain('auch betroffen');
    await waitUntil(() => counts.length > 0, 'count announced');
    expect(counts).to.deep.equal([2]);
  });

  it('shows every status with its own icon and name, in German and English', async () => {
    const statuses: TicketStatus[] = ['new', 'in_progress', 'waiting', 'done', 'closed', 'rejected'];
    const [base] = demoTickets();
    const tickets = statuses.map((status, i) => ticketDetail({ ...base!, id: `t-${status}`, status, changedAt: new Date(Date.now() - i * 60_000).toISOString() }));
    const names = { de: ['Neu', 'In Bearbeitung', 'Wartend', 'Erledigt', 'Abgeschlossen', 'Abgelehnt'], en: ['New', 'In progress', 'Waiting', 'Done', 'Closed', 'Rejected'] };
    for (const lang of ['de', 'en'] as const) {
      const { el } = await ticketsWidget(ticketRoutes(tickets).routes, { lang });
      await loaded(el);
      const shown = statuses.slice(0, 3);
      el.list.select('done');
      await loaded(el);
      shown.push(...(rowIds(el).map((id) => id.slice(2)) as TicketStatus[]));
      expect(shown).to.deep.equal(statuses);
      el.list.select('open');
      await loaded(el);
      const open = [...root(el).querySelectorAll('.status')].map((s) => text(s));
      el.list.select('done');
      await loaded(el);
      const done = [...root(el).querySelectorAll('.status')].map((s) => text(s));
      expect([...open, ...done], lang).to.deep.equal(names[lang]);
      const paths = [...root(el).querySelectorAll('.status path')].map((p) => p.getAttribute('d'));
      expect(new Set(paths).size).to.equal(3);
    }
  });

  it('switches tabs by keyboard (arrows, Home, End), loads each tab and keeps only the chosen tab in the tab order', async () => {
    const { routes, server } = ticketRoutes();
    const { el } = await ticketsWidget(routes);
    await loaded(el);
    const tabs = () => [...root(el).querySelectorAll<HTMLElement>('[role=tab]')];
    expect(tabs().map((t) => `${t.textContent!.trim()} ${t.getAttribute('aria-selected')} ${t.tabIndex}`)).to.deep.equal(['Offen true 0', 'Erledigt false -1', 'Archiv false -1']);
    expect($(el, '[role=tabpanel]').getAttribute('aria-labelledby')).to.equal('tab-open');
    tabs()[0]!.focus();
    await sendKeys({ press: 'ArrowRight' });
    await loaded(el);
    expect(active(el)).to.equal('tab-done');
    expect($(el, '#tab-done').getAttribute('aria-selected')).to.equal('true');
    expect(rowIds(el)).to.deep.equal(['t-tuer', 't-mietvertrag', 't-spuelung', 't-fahrrad']);
    expect($(el, '[role=tabpanel]').getAttribute('aria-labelledby')).to.equal('tab-done');
    await sendKeys({ press: 'End' });
    await loaded(el);
    expect(active(el)).to.equal('tab-archive');
    expect(rowIds(el)).to.deep.equal(['t-licht']);
    await sendKeys({ press: 'ArrowRight' });
    await loaded(el);
    expect(active(el)).to.equal('tab-open');
    await sendKeys({ press: 'ArrowLeft' });
    await loaded(el);
    expect(active(el)).to.equal('tab-archive');
    await sendKeys({ press: 'Home' });
    await loaded(el);
    expect(active(el)).to.equal('tab-open');
    expect(server.pages.map((p) => p.tab)).to.deep.equal(['open', 'done', 'archive', 'open', 'archive', 'open']);
    await expect(el).to.be.accessible();
  });

  it('loads more with the cursor of the page before, and retries a page that failed', async () => {
    const many = generateTickets(120).map((t) => ticketDetail({ ...t, status: 'in_progress' }));
    const { routes, server } = ticketRoutes(many);
    let fail = false;
    const list = routes['GET /tickets']!;
    const { el } = await ticketsWidget({ ...routes, 'GET /tickets': (request) => (fail ? problem(503, 'unavailable') : list(request)) });
    await loaded(el);
    expect(rowIds(el)).to.have.length(50);
    expect($(el, '[part=more]').textContent!.trim()).to.equal('Weitere laden');
    $(el, '[part=more]').click();
    await waitUntil(() => rowIds(el).length === 100, 'second page');
    expect(server.pages[1]!.cursor).to.be.a('string').and.not.empty;
    fail = true;
    $(el, '[part=more]').click();
    await waitUntil(() => $(el, '[part=error]'), 'error of the third page');
    expect(rowIds(el)).to.have.length(100);
    await expect(el).to.be.accessible();
    fail = false;
    $(el, '[part=retry]').click();
    await waitUntil(() => rowIds(el).length === 120, 'the rest');
    expect($(el, '[part=more]')).to.not.exist;
    expect(counts.at(-1)).to.equal(30);
  });

  it('says when something changed in calendar days of the organization: just now, today with the time, yesterday, the day before, then the date', async () => {
    // 30.11.2026, 10:00 in Vienna.
    const vienna = { now: Date.parse('2026-11-30T09:00:00Z'), timeZone: 'Europe/Vienna' };
    const cases: [iso: string, de: string, en: string][] = [
      ['2026-11-30T08:59:30Z', 'gerade eben', 'just now'],
      ['2026-11-30T06:00:00Z', 'heute 07:00', 'today 07:00'],
      ['2026-11-29T23:30:00Z', 'heute 00:30', 'today 00:30'],
      ['2026-11-29T22:30:00Z', 'gestern', 'yesterday'],
      ['2026-11-28T07:00:00Z', 'vorgestern', '2 days ago'],
      ['2026-11-28T17:20:00Z', 'vorgestern', '2 days ago'],
      ['2026-11-27T22:59:00Z', '27.11.2026', '27 Nov 2026'],
      ['2026-12-01T09:00:00Z', '01.12.2026', '1 Dec 2026'],
    ];
    for (const lang of ['en', 'de'] as const) {
      await setLocale(lang);
      for (const [iso, de, en] of cases) expect(changedText(iso, lang, vienna), iso).to.equal(lang === 'de' ? de : en);
    }
    // 28.11., 18:20 is two calendar days before 30.11., 10:00, though not two full days passed.
    expect(changedText('2026-11-28T17:20:00Z', 'de', vienna)).to.not.equal('gestern');
    // The organization's zone counts, not this device's: 04:00 in Vienna is the evening before in New York.
    expect(changedText('2026-11-30T03:00:00Z', 'de', vienna)).to.equal('heute 04:00');
    expect(changedText('2026-11-30T03:00:00Z', 'de', { ...vienna, timeZone: 'America/New_York' })).to.equal('gestern');
  });
});
