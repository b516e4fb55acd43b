// Charges, accounts and open items of the demo units, built like the reference server's money seed from the units'
// lines in stories/mocks/unit-data.ts: three years back from January Y-3 (or the contract start) to this month,
// earlier years lowered by each line's yearly rise, an account walked in date order (a carry-forward every January
// equal to the balance so far) that ends in the unit's balance today. Every total is summed from lines or entries.
import type { ChargeItem, ChargeLine, ChargePeriod, ChargeStatement, ChargeUnit, ExpenseAccount, ExpenseAccountList, ExpenseEntry, Ledger, LedgerEntry, Me, MoneyTotals, OpenItem, OpenItems, PaymentInstruction, Property, UnitDetail } from '@hausportal/api';
import { unitOf, unitsOf } from './unit-data.js';

const now = new Date();
const pad = (n: number) => String(n).padStart(2, '0');
export const Y = now.getFullYear();
export const thisMonth = `${Y}-${pad(now.getMonth() + 1)}`;
export const today = `${thisMonth}-${pad(now.getDate())}`;
/** The first month with figures: January of Y-3. */
export const firstMonth = `${Y - 3}-01`;

export const monthIndex = (period: string) => Number(period.slice(0, 4)) * 12 + Number(period.slice(5, 7)) - 1;
const periodAt = (index: number) => `${Math.floor(index / 12)}-${pad((index % 12) + 1)}`;
const addDays = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** Sums of net, VAT and gross. */
export const sumTotals = (items: MoneyTotals[]): MoneyTotals =>
  items.reduce((t, i) => ({ netCents: t.netCents + i.netCents, vatCents: t.vatCents + i.vatCents, grossCents: t.grossCents + i.grossCents }), { netCents: 0, vatCents: 0, grossCents: 0 });

export const banks: Record<string, { recipient: string; iban: string; bic: string }> = {
  immopro: { recipient: 'ImmoPro Hausverwaltung GmbH', iban: 'AT611904300234573201', bic: 'BKAUATWW' },
  krueger: { recipient: 'Hausverwaltung Krüger GmbH', iban: 'DE89370400440532013000', bic: 'COBADEFFXXX' },
};

/** Yearly rise of a line (index adjustment at each year boundary), as in the seed. */
const rise: Partial<Record<ChargeItem, number>> = { heating: 0.06, hot_water: 0.04, operating_costs: 0.035, main_rent: 0.05, reserve: 0.03 };

/** The unit's monthly lines in `year`: this year's as given, earlier years lowered by the rise (whole 10 cents). */
export function linesIn(unit: UnitDetail, year: number): ChargeLine[] {
  if (year >= Y) return unit.charges;
  return unit.charges.map((line) => {
    const netCents = Math.round(line.netCents / (1 + (rise[line.item] ?? 0.03)) ** (Y - year) / 10) * 10;
    const vatCents = Math.round((netCents * line.vatRateBp) / 10000);
    return { ...line, netCents, vatCents, grossCents: netCents + vatCents };
  });
}

/** The months of the contract with figures, clipped to [from, to] (YYYY-MM) and to this month. */
function contractPeriods(unit: UnitDetail, from = firstMonth, to = thisMonth): string[] {
  const ends = [to, thisMonth, ...(unit.contract.validTo ? [unit.contract.validTo.slice(0, 7)] : [])];
  const first = Math.max(monthIndex(from), monthIndex(firstMonth), monthIndex(unit.contract.validFrom.slice(0, 7)));
  const last = Math.min(...ends.map(monthIndex));
  const out: string[] = [];
  for (let i = first; i <= last; i++) out.push(periodAt(i));
  return out;
}

function chargeUnit(unit: UnitDetail, from: string, to: string): ChargeUnit {
  const periods: ChargePeriod[] = contractPeriods(unit, from, to).map((period) => {
    const lines = linesIn(unit, Number(period.slice(0, 4)));
    return { period, lines, totals: sumTotals(lines) };
  });
  return { unitId: unit.id, propertyId: unit.property.id, top: unit.top, role: unit.contract.role, periods, totals: sumTotals(periods.map((p) => p.totals)) };
}

/** GET /charges over `units`: lines per month, totals per unit and overall, VAT by rate, all summed from the lines. */
export function chargesOf(units: UnitDetail[], from: string, to: string): ChargeStatement {
  const list = units.map((u) => chargeUnit(u, from, to)).filter((u) => u.periods.length > 0);
  const lines = list.flatMap((u) => u.periods.flatMap((p) => p.lines));
  const rates = [...new Set(lines.map((l) => l.vatRateBp))].sort((a, b) => a - b);
  return {
    from,
    to,
    units: list,
    totals: sumTotals(list.map((u) => u.totals)),
    vatByRate: rates.map((vatRateBp) => ({ vatRateBp, ...sumTotals(lines.filter((l) => l.vatRateBp === vatRateBp)) })),
  };
}

/** A posting of the account with what is still open of it today and its dunning level. */
interface Posting extends Omit<LedgerEntry, 'id' | 'balanceCents'> {
  openCents: number;
  dunningLevel: number;
}

const dunningFee = 1_500;
const paymentDay = { sepa_debit: [1, 'SEPA-Lastschrift'], standing_order: [3, 'Dauerauftrag'], transfer: [4, 'Überweisung'] } as const;

/**
 * One month of the account. Payments settle their own month's charge. A unit with a debit balance today is the late
 * payer: since last December paid weeks late (December's rent only in January), two months ago only in part (2nd reminder), last month in part with the fee of
 * the reminder (1st reminder), this month on time; the open rests add up to the balance. A credit balance comes from
 * last year's operating-cost settlement (June 28th, or today when that is still ahead).
 */
function month(unit: UnitDetail, period: string, gross: number): Posting[] {
  const { edvNo } = unit;
  const balance = unit.balanceCents;
  const back = monthIndex(thisMonth) - monthIndex(period);
  const day = (d: number) => `${period}-${pad(d)}`;
  // A payment due later this month has already arrived, so the balance today is the unit's balance.
  const paid = (d: number) => day(period === thisMonth ? Math.min(d, now.getDate()) : d);
  const posting = (bookedOn: string, kind: Posting['kind'], text: string, amountCents: number, docNo: string, dueOn: string | null = null, dunningLevel = 0): Posting =>
    ({ bookedOn, kind, text, amountCents, dueOn, docNo, openCents: kind === 'payment' ? 0 : amountCents, dunningLevel });
  const payment = (d: number, text: string, amount: number) => posting(paid(d), 'payment', text, -amount, `ZA-${paid(d)}-${edvNo}`);
  const charge = (open: number, level: number) => ({ ...posting(day(1), 'charge', `Vorschreibung ${period.slice(5)}/${period.slice(0, 4)}`, gross, `VS-${period}-${edvNo}`, day(5), level), openCents: open });
  const [payDay, payText] = paymentDay[unit.contract.paymentMethod];
  if (balance > 0 && back <= 2) {
    const fee = Math.min(dunningFee, Math.floor(balance / 3));
    const older = Math.round((balance - fee) * 0.6);
    if (back === 2) return [charge(older, 2), payment(20, 'Teilzahlung', gross - older)];
    if (back === 1) {
      const rest = balance - fee - older;
      return [charge(rest, 1), posting(day(15), 'dunning_fee', 'Mahnspesen 2. Mahnung', fee, `MS-${period}-${edvNo}`, addDays(day(15), 14)), payment(22, 'Teilzahlung', gross - rest)];
    }
  }
  const late = balance > 0 && period >= `${Y - 1}-12` && back > 2;
  const out = [charge(0, 0), late ? payment(12 + ((Number(period.slice(5)) * 5) % 9), 'Überweisung (verspätet)', gross) : payment(payDay, payText, gross)];
  // Last December's rent came only in January: the year starts with a debit carried forward.
  if (late && period.endsWith('-12')) out[1] = { ...payment(1, 'Überweisung (verspätet)', gross), bookedOn: `${Y}-01-08`, docNo: `ZA-${Y}-01-08-${edvNo}` };
  const settled = `${Y}-06-28` < today ? `${Y}-06-28` : today;
  if (balance < 0 && settled.startsWith(period)) out.push(posting(settled, 'settlement', `BK-Abrechnung ${Y - 1}: Guthaben`, balance, `BK-${Y - 1}-${edvNo}`));
  return out;
}

const timelines = new Map<string, (Posting & { id: string })[]>();

/**
 * Every posting of the unit's contract in the window in date order, with a carry-forward on each January 1st after
 * the contract's start whose amount is the balance so far.
 */
function timeline(unit: UnitDetail): (Posting & { id: string })[] {
  const known = timelines.get(unit.id);
  if (known) return known;
  const periods = contractPeriods(unit);
  const postings = periods.flatMap((period) => month(unit, period, sumTotals(linesIn(unit, Number(period.slice(0, 4)))).grossCents));
  for (const period of periods.filter((p) => p.endsWith('-01') && unit.contract.validFrom < `${p.slice(0, 4)}-01-01`)) {
    const year = Number(period.slice(0, 4));
    postings.push({ bookedOn: `${year}-01-01`, kind: 'carry_forward', text: `Saldovortrag ${year - 1}`, amountCents: 0, dueOn: null, docNo: `SV-${year}-${unit.edvNo}`, openCents: 0, dunningLevel: 0 });
  }
  const rank = (p: Posting) => (p.kind === 'carry_forward' ? 0 : 1);
  postings.sort((a, b) => a.bookedOn.localeCompare(b.bookedOn) || rank(a) - rank(b));
  let balance = 0;
  const out = postings.map((p, i) => {
    if (p.kind === 'carry_forward') p.amountCents = balance;
    else balance += p.amountCents;
    return { ...p, id: `le-${unit.edvNo}-${String(i).padStart(5, '0')}` };
  });
  timelines.set(unit.id, out);
  return out;
}

/** GET /ledger: the year's entries with running balance from the carry-forward; sums and closing from the entries. */
export function ledgerOf(unit: UnitDetail, year: number): Ledger {
  const posted = timeline(unit).filter((p) => p.bookedOn.startsWith(`${year}-`));
  const carryForwardCents = posted[0]?.kind === 'carry_forward' ? posted[0].amountCents : 0;
  let balance = carryForwardCents;
  const entries: LedgerEntry[] = posted.map(({ openCents: _open, dunningLevel: _level, ...p }) => {
    if (p.kind !== 'carry_forward') balance += p.amountCents;
    return { ...p, balanceCents: balance };
  });
  const postings = entries.filter((e) => e.kind !== 'carry_forward').map((e) => e.amountCents);
  const debitCents = postings.filter((a) => a > 0).reduce((s, a) => s + a, 0);
  const creditCents = -postings.filter((a) => a < 0).reduce((s, a) => s + a, 0);
  return { unitId: unit.id, year, accountNo: unit.contract.accountNo, carryForwardCents, entries, debitCents, creditCents, closingBalanceCents: carryForwardCents + debitCents - creditCents };
}

/** GET /open-items over `units`: what is open today, oldest due first, and a transfer for every account in debit. */
export function openItemsOf(units: UnitDetail[]): OpenItems {
  const items: OpenItem[] = units
    .flatMap((unit) =>
      timeline(unit)
        .filter((p) => p.openCents !== 0)
        .map((p) => ({ id: p.id, unitId: unit.id, top: unit.top, accountNo: unit.contract.accountNo, docNo: p.docNo, kind: p.kind, text: p.text, bookedOn: p.bookedOn, dueOn: p.dueOn, amountCents: p.amountCents, openCents: p.openCents, dunningLevel: p.dunningLevel })),
    )
    .sort((a, b) => (a.dueOn ?? a.bookedOn).localeCompare(b.dueOn ?? b.bookedOn) || a.bookedOn.localeCompare(b.bookedOn));
  const payments: PaymentInstruction[] = units.flatMap((unit) => {
    const amountCents = items.filter((i) => i.unitId === unit.id).reduce((s, i) => s + i.openCents, 0);
    const bank = banks[unit.property.organization];
    if (amountCents <= 0 || !bank) return [];
    return [{ unitId: unit.id, accountNo: unit.contract.accountNo, amountCents, ...bank, remittance: `Konto ${unit.contract.accountNo} Top ${unit.top}`.slice(0, 140) }];
  });
  return { items, totalOpenCents: items.reduce((s, i) => s + i.openCents, 0), payments };
}

/** `me`'s units in the session's organization: all of them, or the one with `id` ([] when it is not theirs). */
export function unitsFor(me: Me, id: string | null): UnitDetail[] {
  const ids = id === null ? unitsOf(me).items.map((u) => u.id) : [id];
  return ids.map((i) => unitOf(me, i)).filter((u): u is UnitDetail => u !== undefined);
}

// Owners' cost accounts (Belegeinsicht) of the three demo buildings, postings over the last three years, each with
// a small PDF receipt. An account's total and count are summed from its postings.

interface ExpenseSpec {
  accountNo: string;
  name: string;
  group: ExpenseAccount['group'];
  vendor: string;
  slug: string;
  prefix: string;
  /** One posting in year Y; earlier years 3 % less per year. */
  cents: number;
  months: number[];
  day: number;
  text: string;
  /** Year offsets with postings (default the last three). */
  years?: number[];
  kind?: 'Rechnung' | 'Umbuchung' | 'Polizze';
}

const quarterly = [2, 5, 8, 11];
const everyMonth = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
const spec = (accountNo: string, name: string, vendor: string, prefix: string, cents: number, months: number[], day: number, text: string, more: Partial<ExpenseSpec> = {}): ExpenseSpec =>
  ({ accountNo, name, group: accountNo.startsWith('7') ? 'reserve' : 'operating_costs', vendor, slug: vendor.replace(/[^A-Za-z]+/g, '-'), prefix, cents, months, day, text, ...more });

const viennaExpenses = (scale: number, withdrawal: [text: string, vendor: string, cents: number, month: number, years: number[]]): ExpenseSpec[] => [
  spec('510100', 'Wasser/Abwasser', 'Wiener Wasser', 'WW', 184_250 * scale, quarterly, 14, 'Wasser- und Abwassergebühr'),
  spec('510200', 'Müllabfuhr', 'MA 48 – Abfallwirtschaft', 'MA48', 96_480 * scale, quarterly, 20, 'Müllabfuhr'),
  spec('510300', 'Hausbetreuung', 'Hausbetreuung Novak e.U.', 'HN', 68_900 * scale, everyMonth, 28, 'Hausbetreuung und Stiegenreinigung'),
  spec('510400', 'Gebäudeversicherung', 'Donau-Alpen Versicherung AG', 'POL', 612_300 * scale, [1], 15, 'Bündelversicherung Jahresprämie', { kind: 'Polizze' }),
  spec('510500', 'Allgemeinstrom', 'Wien Energie GmbH', 'WE', 41_760 * scale, quarterly, 9, 'Allgemeinstrom Stiegenhaus und Keller'),
  spec('710100', 'Zuführung Rücklage', 'ImmoPro Hausverwaltung GmbH', 'UB', 540_000 * scale, [3, 6, 9, 12], 30, 'Zuführung Reparaturrücklage', { kind: 'Umbuchung' }),
  spec('720100', `Entnahme Rücklage: ${withdrawal[0]}`, withdrawal[1], 'RE', withdrawal[2], [withdrawal[3]], 17, withdrawal[0], { years: withdrawal[4] }),
];

/** Cost accounts by property id (the ids of stories/mocks/unit-data.ts). */
const expenseSpecs: Record<string, ExpenseSpec[]> = {
  'nm-0190a6b2-7c1e': viennaExpenses(1, ['Dachreparatur', 'Dachdeckerei Wimmer GmbH', 1_284_000, 6, [-2, -1]]),
  'kb-0190a6b2-7c1f': viennaExpenses(0.6, ['Fenstertausch Stiegenhaus', 'Tischlerei Holzer & Söhne', 876_500, 4, [-1, 0]]),
  'fm-0190a6b2-7c20': [
    spec('510100', 'Wasser/Abwasser', 'HAMBURG WASSER', 'HW', 231_400, quarterly, 12, 'Frischwasser und Sielbenutzung'),
    spec('510200', 'Müllabfuhr', 'Stadtreinigung Hamburg', 'SRH', 118_750, quarterly, 18, 'Abfallgebühren'),
    spec('510300', 'Hauswart', 'Hausmeisterservice Petersen', 'HP', 82_110, everyMonth, 27, 'Hauswart und Treppenhausreinigung'),
    spec('510400', 'Gebäudeversicherung', 'Hanseatische Gebäudeversicherung AG', 'HGV', 734_800, [1], 10, 'Verbundene Gebäudeversicherung Jahresbeitrag', { kind: 'Polizze' }),
    spec('510500', 'Allgemeinstrom', 'Hamburger Energiewerke GmbH', 'HEW', 53_920, quarterly, 6, 'Allgemeinstrom Treppenhaus, Keller, Außenbeleuchtung'),
    spec('710100', 'Zuführung Erhaltungsrücklage', 'Hausverwaltung Krüger GmbH', 'UB', 690_000, [3, 6, 9, 12], 30, 'Zuführung Erhaltungsrücklage', { kind: 'Umbuchung' }),
    spec('720100', 'Entnahme Erhaltungsrücklage: Treppenhausanstrich', 'Malerbetrieb Jürgensen GmbH', 'MJ', 1_562_000, [9], 22, 'Treppenhausanstrich Haus A und B', { years: [-1] }),
  ],
};

/** A stable ±8 % per account and month, so the demo looks the same on every start. */
function variation(key: string): number {
  let hash = 2166136261;
  for (const c of key) hash = Math.imul(hash ^ c.charCodeAt(0), 16777619) >>> 0;
  return 0.92 + ((hash % 10_000) / 10_000) * 0.16;
}

/** A one-page PDF with `lines` in Helvetica (Latin-1 text). */
export function textPdf(lines: string[], title: string): Uint8Array {
  const esc = (t: string) => t.replace(/[–—]/g, '-').replace(/[^\x20-\xff]/g, '?').replace(/[()\\]/g, '\\$&');
  const stream = `BT /F1 11 Tf 15 TL 60 780 Td ${lines.map((l) => `(${esc(l)}) '`).join(' ')} ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    `<< /Title (${esc(title)}) /Producer (Hausportal) >>`,
  ];
  let pdf = '%PDF-1.4\n';
  const offsets = objects.map((body, i) => {
    const offset = pdf.length;
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
    return offset;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info 6 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Uint8Array.from(pdf, (c) => c.charCodeAt(0));
}

interface Posted extends ExpenseEntry {
  accountId: string;
  file: Uint8Array | null;
}

const euro = (cents: number) => `${String(Math.floor(cents / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, '.')},${pad(cents % 100)}`;
const postedBy = new Map<string, Posted[]>();

/** Every posting of a property up to today, document numbers counted per year in booking order. */
function postingsOf(property: Property): Posted[] {
  const known = postedBy.get(property.id);
  if (known) return known;
  const raw = (expenseSpecs[property.id] ?? []).flatMap((s) =>
    (s.years ?? [-2, -1, 0]).flatMap((offset) =>
      s.months.map((m) => {
        const day = `${Y + offset}-${pad(m)}-${pad(Math.min(s.day, new Date(Date.UTC(Y + offset, m, 0)).getUTCDate()))}`;
        const cents = Math.round((s.cents / 1.03 ** -offset) * (s.months.length > 1 ? variation(`${s.accountNo}:${property.name}:${day}`) : 1));
        return { s, day, cents };
      }),
    ),
  );
  raw.sort((a, b) => a.day.localeCompare(b.day) || a.s.accountNo.localeCompare(b.s.accountNo));
  const counters = new Map<string, number>();
  const posted = raw
    .filter((p) => p.day <= today)
    .map(({ s, day, cents }): Posted => {
      const year = day.slice(0, 4);
      const n = (counters.get(year) ?? 0) + 1;
      counters.set(year, n);
      const kind = s.kind ?? 'Rechnung';
      const invoiceNo = `${s.prefix}-${year}-${String(n * 7 + Number(s.accountNo.slice(-3))).padStart(5, '0')}`;
      const file = textPdf(
        [s.vendor, kind === 'Umbuchung' ? 'Buchungsbeleg' : kind, `${kind === 'Rechnung' ? 'Rechnungsnummer' : 'Belegnummer'}: ${invoiceNo}`, `Datum: ${day.split('-').reverse().join('.')}`,
          `Empfänger: Eigentümergemeinschaft ${property.address.street}, ${property.address.postalCode} ${property.address.city}`, `Leistung: ${s.text}`, `Konto ${s.accountNo} ${s.name}`, `Betrag: ${euro(cents)} EUR`],
        `${kind} ${invoiceNo}`,
      );
      const accountId = `ea-${property.id}-${s.accountNo}`;
      const id = `${property.id}-${s.accountNo}-${day}`;
      return {
        accountId, file, id: `ee-${id}`, bookedOn: day, docNo: `ER-${year}-${String(n).padStart(4, '0')}`, text: `${s.text} ${day.slice(5, 7)}/${year}`, vendor: s.vendor, amountCents: cents,
        receipt: { id: `rc-${id}`, name: `${kind}-${s.slug}-${day.slice(0, 7)}.pdf`, size: file.length, mime: 'application/pdf' },
      };
    });
  postedBy.set(property.id, posted);
  return posted;
}

/** The properties in the session's organization where `me` owns a unit, by street. */
function ownedProperties(me: Me): Property[] {
  const { items, properties } = unitsOf(me);
  const owned = new Set(items.filter((u) => u.contract.role === 'owner').map((u) => u.propertyId));
  return properties.filter((p) => owned.has(p.id)).sort((a, b) => a.address.street.localeCompare(b.address.street, 'de'));
}

function account(property: Property, s: ExpenseSpec, year: number): ExpenseAccount {
  const id = `ea-${property.id}-${s.accountNo}`;
  const posted = postingsOf(property).filter((p) => p.accountId === id && p.bookedOn.startsWith(`${year}-`));
  return { id, propertyId: property.id, accountNo: s.accountNo, name: s.name, group: s.group, year, totalCents: posted.reduce((t, p) => t + p.amountCents, 0), entryCount: posted.length };
}

/** GET /expense-accounts: all owned properties or one (undefined = 404: not a property `me` owns a unit in). */
export function expenseAccountsOf(me: Me, propertyId: string | null, year: number): ExpenseAccountList | undefined {
  const owned = ownedProperties(me);
  const properties = propertyId === null ? owned : owned.filter((p) => p.id === propertyId);
  if (propertyId !== null && properties.length === 0) return undefined;
  return { year, accounts: properties.flatMap((p) => (expenseSpecs[p.id] ?? []).map((s) => account(p, s, year))), properties };
}

/** One account of an owned property with its postings in `year`, oldest first (undefined = 404). */
export function expenseAccountOf(me: Me, id: string, year: number): { account: ExpenseAccount; entries: ExpenseEntry[] } | undefined {
  for (const property of ownedProperties(me)) {
    const s = expenseSpecs[property.id]?.find((x) => `ea-${property.id}-${x.accountNo}` === id);
    if (!s) continue;
    const entries = postingsOf(property)
      .filter((p) => p.accountId === id && p.bookedOn.startsWith(`${year}-`))
      .map(({ accountId: _a, file: _f, ...entry }) => entry);
    return { account: account(property, s, year), entries };
  }
  return undefined;
}

/** A receipt of a posting on a property `me` owns a unit in (undefined = 404, also for someone else's). */
export function receiptOf(me: Me, id: string): { name: string; bytes: Uint8Array } | undefined {
  for (const property of ownedProperties(me)) {
    const found = postingsOf(property).find((p) => p.receipt?.id === id);
    if (found?.receipt && found.file) return { name: found.receipt.name, bytes: found.file };
  }
  return undefined;
}
