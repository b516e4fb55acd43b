import { createHash } from 'node:crypto';
import { hashPassword } from '../src/auth/password.ts';
import type { Db } from '../src/db.ts';
import { newId } from '../src/ids.ts';
import { dayIn } from '../src/calendar.ts';
import { demo, login, type Session, type TestServer } from './helpers.ts';

// A small world of its own next to the demo seed: new people with logins, two properties, units, contracts,
// charges, ledgers and expense accounts, with figures the tests compute by hand.

export interface Line {
  item: string;
  label: string;
  key: string;
  net: number;
  bp: number;
}

export const vatOf = (net: number, bp: number): number => Math.round((net * bp) / 10000);

/** Monthly lines of the tenant's flat per year: the rent is raised at each year boundary. */
export const tenantLines = (year: number, y: number): Line[] => [
  { item: 'main_rent', label: 'Hauptmietzins', key: 'area', net: year === y ? 61250 : 59990, bp: 1000 },
  { item: 'operating_costs', label: 'Betriebskosten', key: 'area', net: year === y ? 12345 : 11990, bp: 1000 },
  { item: 'heating', label: 'Heizkosten', key: 'consumption', net: year === y ? 8765 : 8333, bp: 2000 },
];

export const monthlyGross = (lines: Line[]): number => lines.reduce((s, l) => s + l.net + vatOf(l.net, l.bp), 0);

const pad = (n: number) => String(n).padStart(2, '0');

/** Months from `from` to `to` (YYYY-MM), both included. */
export function months(from: string, to: string): string[] {
  const out: string[] = [];
  let [y, m] = from.split('-').map(Number) as [number, number];
  while (`${y}-${pad(m)}` <= to) {
    out.push(`${y}-${pad(m)}`);
    if (++m > 12) [y, m] = [y + 1, 1];
  }
  return out;
}

export class MoneyWorld {
  orgId = '';
  y = 0;
  today = '';
  /** Person ids by name. */
  persons = new Map<string, string>();
  ids = new Map<string, string>();
  constructor(readonly db: Db) {}

  id(name: string): string {
    const existing = this.ids.get(name);
    if (existing) return existing;
    const fresh = newId();
    this.ids.set(name, fresh);
    return fresh;
  }

  async person(name: string, login?: { email: string; password: string; role: string }): Promise<string> {
    const personId = this.id(`person:${name}`);
    const now = new Date().toISOString();
    await this.db('persons').insert({ id: personId, organization_id: this.orgId, name, country: 'AT', created_at: now });
    if (login) {
      const org = await this.db('organizations').where({ id: this.orgId }).first('terms_version');
      const userId = newId();
      await this.db('users').insert({
        id: userId, email: login.email, username: login.email, password_hash: await hashPassword(login.password), status: 'active',
        must_change_password: false, locale: 'de', notify_email: true, created_at: now, updated_at: now,
      });
      await this.db('memberships').insert({
        id: newId(), user_id: userId, organization_id: this.orgId, role: login.role, person_id: personId,
        terms_version: org.terms_version, terms_accepted_at: now, created_at: now,
      });
    }
    return personId;
  }

  async property(key: string, street: string, image: string | null): Promise<string> {
    const id = this.id(key);
    await this.db('properties').insert({ id, organization_id: this.orgId, name: `Haus ${key}`, street, postal_code: '1050', city: 'Wien', country: 'AT', image_url: image, created_at: new Date().toISOString() });
    const contacts = [
      { category: 'case_manager', name: `Betreuung ${key}`, visible_to: '["tenant","owner"]' },
      { category: 'accounting', name: `Mietenbuchhaltung ${key}`, visible_to: '["tenant"]' },
      { category: 'accounting', name: `WEG-Buchhaltung ${key}`, visible_to: '["owner"]' },
    ];
    await this.db('property_contacts').insert(contacts.map((c, position) => ({ id: newId(), property_id: id, phone: null, email: null, position, ...c })));
    return id;
  }

  async unit(property: string, top: string): Promise<string> {
    const id = this.id(`unit:${top}`);
    await this.db('units').insert({ id, property_id: this.id(property), top, edv_no: `T-${top}`, usage: 'apartment', area_m2: 61.5, share_num: 40, share_den: 1000 });
    return id;
  }

  async contract(key: string, top: string, person: string, role: string, from: string, to: string | null, account: string): Promise<string> {
    const id = this.id(key);
    await this.db('contracts').insert({ id, unit_id: this.id(`unit:${top}`), person_id: this.id(`person:${person}`), role, valid_from: from, valid_to: to, payment_method: 'sepa_debit', account_no: account });
    return id;
  }

  /** Charges for every month, and a ledger: carry-forward each January, a charge on the 1st, a payment on the 3rd. */
  async book(contract: string, from: string, to: string, lines: (year: number) => Line[], unpaid: Set<string>): Promise<void> {
    const contractId = this.id(contract);
    const charges: Record<string, unknown>[] = [];
    const ledger: Record<string, unknown>[] = [];
    let balance = 0;
    let seq = 0;
    for (const period of months(from, to)) {
      const year = Number(period.slice(0, 4));
      const ls = lines(year);
      if (period.endsWith('-01') && period !== from) ledger.push(this.entry(contractId, `${period}-01`, seq++, 'carry_forward', 'Saldovortrag', balance, null, 0, 0));
      ls.forEach((l, position) =>
        charges.push({ id: newId(), contract_id: contractId, period, item: l.item, label: l.label, key: l.key, key_value: 61.5, key_total: 1240, net_cents: l.net, vat_rate_bp: l.bp, vat_cents: vatOf(l.net, l.bp), gross_cents: l.net + vatOf(l.net, l.bp), position }),
      );
      const gross = monthlyGross(ls);
      const open = unpaid.has(period);
      ledger.push(this.entry(contractId, `${period}-01`, seq++, 'charge', `Vorschreibung ${period}`, gross, `${period}-05`, open ? gross : 0, open ? 1 : 0));
      balance += gross;
      if (!open) {
        ledger.push(this.entry(contractId, `${period}-01`, seq++, 'payment', 'Zahlung', -gross, null, 0, 0));
        balance -= gross;
      }
    }
    await this.db.batchInsert('charges', charges, 200);
    await this.db.batchInsert('ledger_entries', ledger, 200);
  }

  private entry(contractId: string, day: string, seq: number, kind: string, text: string, amount: number, due: string | null, open: number, dunning: number) {
    return { id: newId(), contract_id: contractId, booked_on: day, seq, doc_no: `D${seq}`, kind, text, amount_cents: amount, due_on: due, open_cents: open, dunning_level: dunning };
  }

  async expenseAccount(property: string, accountNo: string, name: string, group: string, entries: { day: string; amount: number; file?: string }[]): Promise<string> {
    const id = this.id(`account:${property}:${accountNo}`);
    await this.db('expense_accounts').insert({ id, property_id: this.id(property), account_no: accountNo, name, account_group: group });
    for (const [i, e] of entries.entries()) {
      let fileId: string | null = null;
      if (e.file) {
        fileId = this.id(`file:${e.file}`);
        const bytes = Buffer.from(`%PDF-1.4\n% ${e.file}\n%%EOF\n`, 'utf8');
        await this.db('files').insert({ id: fileId, organization_id: this.orgId, sha256: createHash('sha256').update(bytes).digest('hex'), size: bytes.length, mime: 'application/pdf', original_name: e.file, bytes, created_at: new Date().toISOString() });
      }
      await this.db('expense_entries').insert({ id: this.id(`entry:${property}:${accountNo}:${i}`), account_id: id, booked_on: e.day, doc_no: `B${i}`, text: `Buchung ${i}`, vendor: i % 2 ? null : 'Firma GmbH', amount_cents: e.amount, receipt_file_id: fileId });
    }
    return id;
  }
}

export interface Fixture {
  w: MoneyWorld;
  tenant: Session;
  owner: Session;
  neighbour: Session;
}

export const lastMonth = (w: MoneyWorld): string => w.today.slice(0, 7);

/**
 * The world used by the money tests, in organization immopro:
 * - "Testgasse 1" (property A) units T1, T2, T3; "Zweigasse 2" (property B) unit B1.
 * - Tina Test rents T1 since March of last year; before her Paul Vormieter (no login) from January three years ago
 *   to the end of February last year. July of last year and the current month are unpaid (open, dunning level 1).
 * - Otto Owner owns T2 and T3 (property A only); expense accounts with receipts exist for A and B.
 * - Nina Nachbar rents B1.
 */
export async function moneyFixture(s: TestServer): Promise<Fixture> {
  const w = new MoneyWorld(s.db);
  // The organization's day (Europe/Vienna), as the server counts it: between 23:00 and midnight UTC it is already tomorrow there.
  w.today = dayIn(s.clock.now().getTime(), 'Europe/Vienna');
  w.y = Number(w.today.slice(0, 4));
  const y = w.y;
  const org = await s.db('organizations').where({ slug: 'immopro' }).first('id', 'bank_iban');
  w.orgId = org.id;
  if (!org.bank_iban) await s.db('organizations').where({ id: org.id }).update({ bank_recipient: 'ImmoPro Hausverwaltung GmbH', bank_iban: 'AT611904300234573201', bank_bic: 'BKAUATWW' });

  await Promise.all([
    w.person('Tina Test', { email: 'tina.test@example.test', password: 'Tina-Test-2026', role: 'tenant' }),
    w.person('Otto Owner', { email: 'otto.owner@example.test', password: 'Otto-Owner-2026', role: 'owner' }),
    w.person('Nina Nachbar', { email: 'nina.nachbar@example.test', password: 'Nina-Nachbar-2026', role: 'tenant' }),
    w.person('Paul Vormieter'),
  ]);
  await w.property('A', 'Testgasse 1', '/media/properties/test.svg');
  await w.property('B', 'Zweigasse 2', null);
  for (const top of ['T1', 'T2', 'T3']) await w.unit('A', top);
  await w.unit('B', 'B1');

  const now = lastMonth(w);
  await w.contract('c:paul', 'T1', 'Paul Vormieter', 'tenant', `${y - 3}-01-01`, `${y - 1}-02-28`, 'P-0001');
  await w.book('c:paul', `${y - 3}-01`, `${y - 1}-02`, () => [{ item: 'main_rent', label: 'Hauptmietzins alt', key: 'area', net: 99999, bp: 1000 }], new Set([`${y - 1}-02`]));
  await w.contract('c:tina', 'T1', 'Tina Test', 'tenant', `${y - 1}-03-01`, null, 'T-0001');
  await w.book('c:tina', `${y - 1}-03`, now, (year) => tenantLines(year, y), new Set([`${y - 1}-07`, now]));
  await w.contract('c:otto2', 'T2', 'Otto Owner', 'owner', `${y - 5}-01-01`, null, 'O-0002');
  await w.contract('c:otto3', 'T3', 'Otto Owner', 'owner', `${y - 5}-01-01`, null, 'O-0003');
  await w.contract('c:nina', 'B1', 'Nina Nachbar', 'tenant', `${y - 2}-01-01`, null, 'N-0001');
  await w.book('c:nina', `${y}-01`, now, (year) => tenantLines(year, y), new Set());

  await w.expenseAccount('A', '510100', 'Wasser/Abwasser', 'operating_costs', [
    { day: `${y - 1}-12-15`, amount: 11111, file: 'Vorjahr.pdf' },
    { day: `${y}-01-10`, amount: 23456, file: 'Rechnung Jänner €.pdf' },
    { day: `${y}-01-10`, amount: 10000 },
    { day: `${y}-01-20`, amount: -2500, file: 'Gutschrift.pdf' },
  ]);
  await w.expenseAccount('A', '710100', 'Zuführung Rücklage', 'reserve', [{ day: `${y}-01-02`, amount: 50000 }]);
  await w.expenseAccount('B', '510100', 'Wasser B', 'operating_costs', [{ day: `${y}-01-05`, amount: 777, file: 'Fremd.pdf' }]);

  const [tenant, owner, neighbour] = await Promise.all([
    login(s.url, 'tina.test@example.test', 'Tina-Test-2026', 'immopro'),
    login(s.url, 'otto.owner@example.test', 'Otto-Owner-2026', 'immopro'),
    login(s.url, 'nina.nachbar@example.test', 'Nina-Nachbar-2026', 'immopro'),
  ]);
  return { w, tenant, owner, neighbour };
}

/** True when the demo seed brought its properties (the money part of the seed is loaded). */
export async function hasMoneySeed(s: TestServer): Promise<boolean> {
  return Boolean(await s.db('properties').where({ name: 'Wohnhausanlage Naschmarkt' }).first('id'));
}

/** The id of the unit with this Top in a property of the given name. */
export async function unitIdOf(s: TestServer, property: string, top: string): Promise<string> {
  const row = await s.db('units as u').join('properties as p', 'p.id', 'u.property_id').where({ 'p.name': property, 'u.top': top }).first('u.id');
  if (!row) throw new Error(`no unit ${top} in ${property}`);
  return row.id;
}

export type DemoName = 'huber' | 'lehner' | 'wagner';

/** Logs the demo tenant and owners in when the seed has its money data; null otherwise (those tests skip). */
export async function demoSessions(s: TestServer): Promise<Record<DemoName, Session> | null> {
  if (!(await hasMoneySeed(s))) return null;
  const names: DemoName[] = ['huber', 'lehner', 'wagner'];
  const sessions = await Promise.all(names.map((n) => login(s.url, demo[n].username, demo[n].password, demo[n].org)));
  return Object.fromEntries(names.map((n, i) => [n, sessions[i]!])) as Record<DemoName, Session>;
}
