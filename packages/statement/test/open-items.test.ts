import { expect, waitUntil } from '@open-wc/testing';
import { setLocale } from '@hausportal/core';
import { problem } from '@hausportal/core/testing.js';
import type { HpStatementOpenItems, HpStatementQr } from '../src/index.js';
import { $, $$, deferred, lines, openItems, orgToday, statementRoutes, text, thisYear, view } from './fixtures.js';
import { decodeQr } from './fixtures-payments.js';

/** Whole days from `due` (YYYY-MM-DD) to the organization's today. */
const daysSince = (due: string) => Math.round((Date.parse(`${orgToday()}T00:00:00Z`) - Date.parse(`${due}T00:00:00Z`)) / 86_400_000);

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
    expect(await decodeQr(qr), 'the code a banking app reads').to.equal(qr.payload);
    expect(qr.shadowRoot!.querySelector('svg')!.getAttribute('aria-label')).to.equal('Zahlungs-QR-Code (GiroCode) für Ihre Banking-App');
    await expect(el).to.be.accessible();
  });

  it('shows the transfer exactly as the code carries it when the master data has line breaks and control characters', async () => {
    const payment = {
      ...openItems.payments[0]!,
      recipient: 'ImmoPro Hausverwaltung GmbH\nBuchhaltung\u2029',
      iban: 'AT61 1904\t3002 3457 3201\r\n',
      bic: 'bkau\u0000atww',
      remittance: '\uFEFFKonto 2100417\r\nTop W2\u2028\u0085 offen',
    };
    const { el } = await view<HpStatementOpenItems>('hp-statement-open-items', statementRoutes({ 'GET /open-items': () => ({ ...openItems, payments: [payment] }) }));
    await loaded(el);
    const fields = (await decodeQr($<HpStatementQr>(el, 'hp-statement-qr')!))!.split('\n');
    expect(fields).to.deep.equal(['BCD', '002', '1', 'SCT', 'BKAUATWW', 'ImmoPro Hausverwaltung GmbH Buchhaltung', 'AT611904300234573201', 'EUR13826.60', '', '', 'Konto 2100417 Top W2 offen']);
    const shown = (name: string) => $(el, `.payment dd.${name}`)!.textContent!;
    expect(shown('recipient')).to.equal(fields[5]);
    expect(shown('iban').replace(/ /g, '')).to.equal(fields[6]);
    expect(shown('bic')).to.equal(fields[4]);
    expect(`EUR${shown('amount').replace(/[^\d,]/g, '').replace(',', '.')}`).to.equal(fields[7]);
    expect(shown('reference')).to.equal(fields[10]);
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
    const y = thisYear - 1;
    expect(el.csv()).to.equal(lines(
      'Top;Konto;Datum;Beleg;Buchungstext;Fällig;Tage überfällig;Mahnstufe;Betrag;Offen',
      `W2;2100417;${y}-09-01;VS-09;Vorschreibung 09;${y}-09-05;${daysSince(`${y}-09-05`)};2. Mahnstufe;8905,80;4905,80`,
      `W2;2100417;${y}-10-01;VS-10;Vorschreibung 10;${y}-10-05;${daysSince(`${y}-10-05`)};1. Mahnstufe;8905,80;8905,80`,
      `W2;2100417;${y}-10-15;MS-10;Mahnspesen;${y}-10-29;${daysSince(`${y}-10-29`)};keine;15,00;15,00`,
      ';;;;Offener Saldo:;;;Rückstand;;13826,60',
    ));
    expect(el.csvFileName()).to.equal('rueckstaende.csv');
    await setLocale('en');
    await el.updateComplete;
    expect(el.csv().split('\r\n')[2]).to.equal(`W2,2100417,${y}-10-01,VS-10,Vorschreibung 10,${y}-10-05,${daysSince(`${y}-10-05`)},Reminder 1,8905.80,8905.80`);
    expect(el.csvFileName()).to.equal('open-items.csv');
  });

  it('counts no overdue days before the due date and shows a missing one as a dash', async () => {
    const soon = new Date(Date.parse(`${orgToday()}T00:00:00Z`) + 10 * 86_400_000).toISOString().slice(0, 10);
    const item = { ...openItems.items[1]!, id: 'o9', dueOn: soon, dunningLevel: 0 };
    const data = { ...openItems, items: [item, { ...item, id: 'o10', dueOn: null }] };
    const { el } = await view<HpStatementOpenItems>('hp-statement-open-items', statementRoutes({ 'GET /open-items': () => data }));
    await loaded(el);
    expect($$(el, 'tbody tr').map((r) => [text(r.children[3]!), text(r.children[4]!), text(r.children[5]!)])).to.deep.equal([
      [`${soon.slice(8, 10)}.${soon.slice(5, 7)}.${soon.slice(0, 4)}`, '0', 'keine'],
      ['–', '0', 'keine'],
    ]);
    expect($(el, 'tbody tr')!.classList.contains('dunned')).to.be.false;
  });

  it('shows an unused credit among the items as Guthaben, not overdue', async () => {
    const credit = { ...openItems.items[2]!, id: 'o4', docNo: 'BK-AB', kind: 'settlement' as const, text: 'BK-Abrechnung', dueOn: `${thisYear - 1}-06-30`, amountCents: -4250, openCents: -4250 };
    const data = { ...openItems, items: [...openItems.items, credit], totalOpenCents: 1378410 };
    const { el } = await view<HpStatementOpenItems>('hp-statement-open-items', statementRoutes({ 'GET /open-items': () => data }));
    await loaded(el);
    const row = $(el, '[data-item=o4]')!;
    expect([4, 5, 6, 7].map((i) => text(row.children[i]!))).to.deep.equal(['0', 'keine', '-42,50 €', '42,50 € Guthaben']);
    expect(row.querySelector('.balance.credit')).to.exist;
    expect(el.csv().split('\r\n')[4]).to.equal(`W2;2100417;${thisYear - 1}-10-15;BK-AB;BK-Abrechnung;${thisYear - 1}-06-30;0;keine;-42,50;-42,50`);
    await expect(el).to.be.accessible();
  });

  it('asks for the request of its unit and shows one payment per account', async () => {
    const log: string[] = [];
    const second = { ...openItems.payments[0]!, accountNo: '2100418', amountCents: 1500, remittance: 'Konto 2100418 Top W2' };
    const data = { ...openItems, payments: [...openItems.payments, second] };
    const { el } = await view<HpStatementOpenItems>('hp-statement-open-items', statementRoutes({ 'GET /open-items': () => data }, log));
    await loaded(el);
    expect(log).to.deep.equal(['GET /open-items?unit=unit-w2']);
    expect($$(el, '.payment').map((p) => [p.dataset.account, text(p.querySelector('h3')), text(p.querySelector('.amount'))])).to.deep.equal([
      ['2100417', 'Konto 2100417 per Überweisung bezahlen', '13.826,60 €'],
      ['2100418', 'Konto 2100418 per Überweisung bezahlen', '15,00 €'],
    ]);
    const codes = $$<HpStatementQr>(el, 'hp-statement-qr');
    expect(await decodeQr(codes[1]!)).to.equal(['BCD', '002', '1', 'SCT', 'BKAUATWW', 'ImmoPro Hausverwaltung GmbH', 'AT611904300234573201', 'EUR15.00', '', '', 'Konto 2100418 Top W2'].join('\n'));
  });

  it('fits 320 px without scrolling sideways', async () => {
    const { el } = await view<HpStatementOpenItems>('hp-statement-open-items', statementRoutes());
    el.style.width = '320px';
    await loaded(el);
    await $<HpStatementQr>(el, 'hp-statement-qr')!.drawn;
    expect(el.scrollWidth).to.be.at.most(320);
    expect($(el, '.payment')!.getBoundingClientRect().right).to.be.at.most(el.getBoundingClientRect().right + 0.5);
  });
});
