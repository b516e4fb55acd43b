import { expect, waitUntil } from '@open-wc/testing';
import { setLocale } from '@hausportal/core';
import { problem } from '@hausportal/core/testing.js';
import type { HpStatementOpenItems, HpStatementQr } from '../src/index.js';
import { $, $$, deferred, lines, openItems, statementRoutes, text, thisYear, view } from './fixtures.js';

const loaded = async (el: HpStatementOpenItems) => {
  await el.openItems.taskComplete.catch(() => undefined);
  await el.updateComplete;
};

describe('open items view (Rückstände)', () => {
  after(() => setLocale('de'));

  it('lists open items with due date, dunning level and open amount, and the total in words', async () => {
    const { el } = await view<HpStatementOpenItems>('hp-statement-open-items', statementRoutes());
    await loaded(el);
    expect(text($(el, '[data-total]'))).to.equal('Offener Saldo: 13.826,60 € Rückstand');
    const rows = $$(el, 'tbody tr');
    const first = [...rows[0]!.children].map((c) => text(c));
    expect(first[0]).to.equal(`01.09.${thisYear - 1}`);
    expect(first.slice(1, 4)).to.deep.equal(['VS-09', 'Vorschreibung 09', `05.09.${thisYear - 1}`]);
    expect(Number(first[4])).to.be.greaterThan(60);
    expect(first.slice(5)).to.deep.equal(['2. Mahnstufe', '8.905,80 €', '4.905,80 €']);
    expect(text(rows[2]!.children[5]!)).to.equal('keine');
    expect(rows[0]!.classList.contains('dunned')).to.be.true;
    await expect(el).to.be.accessible();
  });

  it('offers the transfer as QR code and as text to type in', async () => {
    const { el } = await view<HpStatementOpenItems>('hp-statement-open-items', statementRoutes());
    await loaded(el);
    const payment = $(el, '.payment')!;
    expect([...payment.querySelectorAll('dt, dd')].map((e) => text(e))).to.deep.equal(
      ['Empfänger', 'ImmoPro Hausverwaltung GmbH', 'IBAN', 'AT61 1904 3002 3457 3201', 'BIC', 'BKAUATWW', 'Betrag', '13.826,60 €', 'Verwendungszweck', 'Konto 2100417 Top W2'],
    );
    const qr = payment.querySelector<HpStatementQr>('hp-statement-qr')!;
    await qr.drawn;
    expect(qr.payload.split('\n')).to.deep.equal(['BCD', '002', '1', 'SCT', 'BKAUATWW', 'ImmoPro Hausverwaltung GmbH', 'AT611904300234573201', 'EUR13826.60', '', '', 'Konto 2100417 Top W2']);
    expect(qr.shadowRoot!.querySelector('svg path')).to.exist;
    await expect(el).to.be.accessible();
  });

  it('thanks when everything is paid, and shows a credit without a payment code', async () => {
    const credit = { items: [], totalOpenCents: -4250, payments: [] };
    const { el } = await view<HpStatementOpenItems>('hp-statement-open-items', statementRoutes({ 'GET /open-items': () => credit }));
    await loaded(el);
    expect(text($(el, '[data-total]'))).to.equal('Offener Saldo: 42,50 € Guthaben');
    expect(text($(el, '[part=empty]'))).to.equal('Alles bezahlt. Vielen Dank!');
    expect($(el, 'hp-statement-qr')).to.not.exist;
    await expect(el).to.be.accessible();
  });

  it('shows loading and an error with retry', async () => {
    const gate = deferred();
    let fail = true;
    const { el } = await view<HpStatementOpenItems>('hp-statement-open-items', statementRoutes({ 'GET /open-items': async () => (await gate.promise, fail ? problem(500, 'internal') : openItems) }));
    expect($(el, '[part=loading]')).to.exist;
    gate.resolve();
    await loaded(el);
    expect($(el, '[part=error]')).to.exist;
    await expect(el).to.be.accessible();
    fail = false;
    $<HTMLButtonElement>(el, '[part=retry]')!.click();
    await waitUntil(() => $$(el, 'tbody tr').length === 3, 'items after retry');
  });

  it('formats in English', async () => {
    await setLocale('en');
    const { el } = await view<HpStatementOpenItems>('hp-statement-open-items', statementRoutes(), { lang: 'en' });
    await loaded(el);
    expect(text($(el, '[data-total]'))).to.equal('Open balance: €13,826.60 Amount due');
    expect(text($$(el, 'tbody tr')[1]!.children[5]!)).to.equal('Reminder 1');
  });

  it('exports the items as CSV with the open total', async () => {
    const { el } = await view<HpStatementOpenItems>('hp-statement-open-items', statementRoutes());
    await loaded(el);
    const csv = el.csv().split('\r\n');
    expect(csv[0]).to.equal('Top;Konto;Datum;Beleg;Buchungstext;Fällig;Tage überfällig;Mahnstufe;Betrag;Offen');
    expect(csv[1]).to.match(new RegExp(`^W2;2100417;${thisYear - 1}-09-01;VS-09;Vorschreibung 09;${thisYear - 1}-09-05;\\d+;2\\. Mahnstufe;8905,80;4905,80$`));
    expect(csv[4]).to.equal(';;;;Offener Saldo:;;;Rückstand;;13826,60');
    expect(el.csvFileName()).to.equal('rueckstaende.csv');
    expect(lines('x')).to.equal('x\r\n');
  });
});
