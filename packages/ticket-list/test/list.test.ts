import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
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
    expect(text(tap)).to.match(/Letzte Änderung: vor 3 Stunden/);
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

  it('says when something changed in the reader’s words: minutes, hours, yesterday, days, then the date', () => {
    const now = Date.parse('2026-04-15T12:00:00Z');
    const at = (ms: number) => new Date(now - ms).toISOString();
    expect(changedText(at(5 * 60_000), 'de', now)).to.equal('vor 5 Minuten');
    expect(changedText(at(3 * 3_600_000), 'en', now)).to.equal('3 hours ago');
    expect(changedText(at(30 * 3_600_000), 'de', now)).to.equal('gestern');
    expect(changedText(at(4 * 86_400_000), 'en', now)).to.equal('4 days ago');
    expect(changedText(at(10 * 86_400_000), 'de', now)).to.equal('05.04.2026');
    expect(changedText(at(10 * 86_400_000), 'en', now)).to.equal('5 Apr 2026');
  });
});
