import { expect, html, waitUntil } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import type { ChargeLine, Ledger, OpenItems } from '@hausportal/api';
import { atWidth, layoutProblems, scrolledRegions } from '@hausportal/core/testing.js';
import type { HpStatement, HpStatementExpenses, StatementView } from '../src/index.js';
import { accounts, entry, ledger, mount, openItems, owned, statementRoutes, sum, thisYear, w2Charges } from './fixtures.js';

/** Long German line names, large amounts, a credit: what a commercial unit's statement looks like. */
const lines: ChargeLine[] = [
  { item: 'main_rent', label: 'Hauptmietzins Geschäftslokal inkl. Lagerfläche', key: 'area', keyValue: 1240.5, keyTotal: 12480.75, netCents: 12_840_000, vatRateBp: 2000, vatCents: 2_568_000, grossCents: 15_408_000 },
  { item: 'operating_costs', label: 'Betriebskostenakonto (Wasser, Kanal, Müllabfuhr)', key: 'shares', keyValue: 1200, keyTotal: 10000, netCents: 98_765, vatRateBp: 1000, vatCents: 9_877, grossCents: 108_642 },
  { item: 'heating', label: 'Heizkosten laut Wärmezähler', key: 'consumption', keyValue: 12345.67, keyTotal: null, netCents: 45_600, vatRateBp: 2000, vatCents: 9_120, grossCents: 54_720 },
  { item: 'elevator', label: 'Aufzug', key: 'persons', keyValue: 3, keyTotal: 148, netCents: 1_234, vatRateBp: 1000, vatCents: 123, grossCents: 1_357 },
  { item: 'reserve', label: 'Reparaturrücklage', key: 'fixed', keyValue: 0, keyTotal: null, netCents: 50_000, vatRateBp: 0, vatCents: 0, grossCents: 50_000 },
];

function bigCharges(months: number[]) {
  const base = w2Charges(months);
  const periods = base.units[0]!.periods.map((p) => ({ ...p, lines, totals: sum(lines) }));
  const totals = sum(periods.map((p) => p.totals));
  const rates = [0, 1000, 2000].map((r) => ({ vatRateBp: r, ...sum(periods.flatMap((p) => p.lines.filter((l) => l.vatRateBp === r))) }));
  return { ...base, units: [{ ...base.units[0]!, periods, totals }], totals, vatByRate: rates };
}

const bigLedger: Ledger = {
  ...ledger,
  entries: [
    ...ledger.entries,
    { id: 'e4', bookedOn: `${thisYear}-03-01`, docNo: `VS-${thisYear}-03-0048-0002`, kind: 'charge', text: 'Vorschreibung März inkl. Nachverrechnung Betriebskostenabrechnung', amountCents: 15_408_000, dueOn: `${thisYear}-03-05`, balanceCents: 16_308_580 },
    { id: 'e5', bookedOn: `${thisYear}-03-20`, docNo: `ZA-${thisYear}-03-20-0048-0002`, kind: 'credit_note', text: 'Gutschrift Heizkostenabrechnung', amountCents: -16_321_420, dueOn: null, balanceCents: -12_840 },
  ],
  closingBalanceCents: -12_840,
};

const bigOpenItems: OpenItems = {
  ...openItems,
  items: [
    ...openItems.items.map((i) => ({ ...i, amountCents: 12_840_000, openCents: 12_840_000, docNo: `${i.docNo.slice(0, 2)}-${thisYear - 1}-${i.docNo.slice(3)}-0048-0002` })),
    { ...openItems.items[0]!, id: 'o4', docNo: `BK-${thisYear - 1}-0048-0002`, kind: 'credit_note', text: 'Gutschrift Betriebskostenabrechnung', dunningLevel: 0, dueOn: null, amountCents: -12_840, openCents: -12_840 },
  ],
  payments: [{ ...openItems.payments[0]!, recipient: 'ImmoPro Hausverwaltung und Immobilientreuhand GmbH & Co KG', amountCents: 38_507_160, remittance: 'Konto 2100417 Top W2 Rückstand' }],
};

const longAccounts = accounts.map((a, i) => (i ? a : { ...a, name: 'Wasser/Abwasser inkl. Kanalgebühren und Zählermiete', totalCents: 12_840_000 }));
const longEntry = (i: number) => ({ ...entry(i), docNo: `ER-${thisYear}-0${i}-0048-00${i}`, text: `Wasserrechnung Quartal ${i} inkl. Nachzahlung`, vendor: 'Wiener Wasser – Magistratsabteilung 31', amountCents: 12_840_000 });

export const routes = statementRoutes({
  'GET /charges': ({ query }) => bigCharges([Number(query.get('from')!.slice(5)), Number(query.get('to')!.slice(5))].filter((m, i, all) => all.indexOf(m) === i)),
  'GET /ledger': () => bigLedger,
  'GET /open-items': () => bigOpenItems,
  'GET /expense-accounts': () => ({ year: thisYear, accounts: longAccounts, properties: [owned.property] }),
  'GET /expense-accounts/{id}/entries': ({ params }) => ({ account: longAccounts.find((a) => a.id === params.id)!, items: [longEntry(1), longEntry(2)], nextCursor: null }),
});

const widths = [320, 360, 768, 881, 993, 1050, 1440];

async function settled(el: HpStatement): Promise<StatementView> {
  await el.detail.taskComplete.catch(() => undefined);
  await el.updateComplete;
  await waitUntil(() => el.viewElement, 'the view did not load');
  const view = el.viewElement as StatementView & Record<string, { taskComplete?: Promise<unknown> } | undefined>;
  await view.updateComplete;
  for (const task of ['charges', 'ledger', 'openItems', 'accounts', 'entries']) await view[task]?.taskComplete?.catch(() => undefined);
  await view.updateComplete;
  return view;
}

/** Each view of the owner's statement, with the first expense account opened. */
async function eachView(el: HpStatement, check: (name: string) => Promise<void>): Promise<void> {
  for (const name of ['charges', 'ledger', 'open-items', 'expenses'] as const) {
    el.view = name;
    const view = await settled(el);
    if (name === 'expenses') {
      (view as HpStatementExpenses).account = longAccounts[0]!.id;
      await settled(el);
      await waitUntil(() => view.shadowRoot!.querySelector('[data-entries]'), 'the postings are shown');
    }
    await check(name);
  }
}

describe('<hp-statement> layout from 320 to 1,440 px', () => {
  after(() => setViewport({ width: 800, height: 600 }));

  for (const lang of ['de', 'en'] as const) {
    it(`breaks no word and clips no text in any view in ${lang === 'de' ? 'German' : 'English'}`, async () => {
      const { el } = await mount<HpStatement>(html`<hp-statement unit=${owned.id}></hp-statement>`, routes, { lang });
      const found: string[] = [];
      await eachView(el, async (name) => {
        for (const width of widths) {
          await atWidth(width, setViewport);
          for (const p of layoutProblems(el)) found.push(`${name} ${width}: ${p.kind} ${p.where} — ${p.what}`);
          // From a content column of about 1,000 px on, every table fits without scrolling.
          if (width >= 993) for (const region of scrolledRegions(el)) found.push(`${name} ${width}: scrolls ${region}`);
        }
        await expect(el).to.be.accessible();
      });
      expect(found).to.deep.equal([]);
    });
  }
});
