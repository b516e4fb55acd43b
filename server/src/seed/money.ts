import type { Knex } from 'knex';
import type { Clock } from '../clock.ts';
import { newId } from '../ids.ts';
import { demoBanks, demoPersonsWithoutLogin, demoProperties, type ContractSpec, type PropertySpec, type RelDate } from './money-data.ts';
import { chargeRows, ledgerRows, periodsBetween, seedClock, type ChargeRow, type LedgerRow, type SeedClock } from './money-ledger.ts';
import { expenseRows } from './money-receipts.ts';

// The demo's units and money: properties with contacts, units, contracts, three years of charges and ledgers,
// the owners' cost accounts with receipts, and the organizations' bank accounts. Runs inside the demo seed's
// transaction after the organizations and persons exist.

/**
 * Inserts rows in multi-row statements within every engine's limits (SQLite: 500 terms of a compound select,
 * which knex uses for multi-row inserts, and its bound-parameter limit).
 */
export async function insertAll(db: Knex, table: string, rows: readonly object[]): Promise<void> {
  if (rows.length === 0) return;
  const size = Math.max(1, Math.min(500, Math.floor(30000 / Object.keys(rows[0]!).length)));
  for (let i = 0; i < rows.length; i += size) await db(table).insert(rows.slice(i, i + size) as Record<string, unknown>[]);
}

/** A date relative to year Y; day 0 is the last day of the month before (like `Date.UTC`). */
export const relDate = (y: number, [offset, month, day]: RelDate): string => new Date(Date.UTC(y + offset, month - 1, day)).toISOString().slice(0, 10);

const minPeriod = (a: string, b: string): string => (a < b ? a : b);
const maxPeriod = (a: string, b: string): string => (a > b ? a : b);

/** The months a contract has charges: from January of Y-3 or its start, to this month or its end. */
export function chargeMonths(validFrom: string, validTo: string | null, clock: SeedClock): string[] {
  const from = maxPeriod(clock.firstMonth, validFrom.slice(0, 7));
  const to = validTo === null ? clock.thisMonth : minPeriod(clock.thisMonth, validTo.slice(0, 7));
  return from <= to ? periodsBetween(from, to) : [];
}

/** The monthly charge text as the manager's system prints it. */
const chargeText = (property: PropertySpec, c: ContractSpec): string =>
  property.country === 'AT' ? 'Vorschreibung' : c.role === 'owner' ? 'Hausgeld' : 'Sollstellung Miete';

interface Rows {
  contracts: Record<string, unknown>[];
  charges: ChargeRow[];
  ledger: LedgerRow[];
}

/** One contract's row, its charges and its ledger. */
function contractRows(property: PropertySpec, unitId: string, edvNo: string, personId: string, c: ContractSpec, clock: SeedClock, rows: Rows): void {
  const id = newId();
  const validFrom = relDate(clock.y, c.from);
  const validTo = c.to ? relDate(clock.y, c.to) : null;
  rows.contracts.push({ id, unit_id: unitId, person_id: personId, role: c.role, valid_from: validFrom, valid_to: validTo, payment_method: c.payment, account_no: c.accountNo });
  const gross = new Map<string, number>();
  for (const period of chargeMonths(validFrom, validTo, clock)) {
    const lines = chargeRows(id, c.lines, period, clock.y);
    rows.charges.push(...lines);
    gross.set(period, lines.reduce((sum, l) => sum + l.gross_cents, 0));
  }
  if (gross.size === 0) return;
  rows.ledger.push(...ledgerRows({ id, edvNo, validFrom, validTo, payment: c.payment, story: c.story ?? 'on_time', chargeText: chargeText(property, c) }, gross, clock));
}

export async function seedMoney(trx: Knex, clock: Clock): Promise<void> {
  const now = clock();
  const sc = seedClock(now);
  const createdAt = now.toISOString();
  const orgs = new Map<string, string>((await trx('organizations').select('id', 'slug')).map((o: { id: string; slug: string }) => [o.slug, o.id]));
  for (const [slug, bank] of Object.entries(demoBanks)) {
    await trx('organizations').where({ slug }).update({ bank_recipient: bank.recipient, bank_iban: bank.iban, bank_bic: bank.bic });
  }

  await insertAll(trx, 'persons', demoPersonsWithoutLogin.map((p) => ({
    id: newId(), organization_id: orgs.get(p.org)!, name: p.name, street: p.street, postal_code: p.postalCode, city: p.city, country: p.country, email: null, created_at: createdAt,
  })));
  const persons = new Map<string, string>();
  for (const p of (await trx('persons').select('id', 'organization_id', 'name')) as { id: string; organization_id: string; name: string }[]) {
    persons.set(`${p.organization_id}:${p.name}`, p.id);
  }

  const properties: Record<string, unknown>[] = [];
  const contacts: Record<string, unknown>[] = [];
  const units: Record<string, unknown>[] = [];
  const rows: Rows = { contracts: [], charges: [], ledger: [] };
  const expenses = { accounts: [] as Record<string, unknown>[], entries: [] as Record<string, unknown>[], files: [] as Record<string, unknown>[] };
  for (const p of demoProperties) {
    const organizationId = orgs.get(p.org)!;
    const propertyId = newId();
    properties.push({ id: propertyId, organization_id: organizationId, name: p.name, street: p.street, postal_code: p.postalCode, city: p.city, country: p.country, image_url: p.image, created_at: createdAt });
    p.contacts.forEach((c, position) =>
      contacts.push({ id: newId(), property_id: propertyId, category: c.category, name: c.name, phone: c.phone, email: c.email, office_hours: c.officeHours ?? null, visible_to: JSON.stringify(c.visibleTo), position }),
    );
    for (const u of p.units) {
      const unitId = newId();
      units.push({ id: unitId, property_id: propertyId, top: u.top, edv_no: u.edvNo, usage: u.usage, area_m2: u.area, share_num: u.share, share_den: u.share === null ? null : 300 });
      for (const c of u.contracts) {
        const personId = persons.get(`${organizationId}:${c.person}`);
        if (!personId) throw new Error(`demo seed: no person ${c.person} in ${p.org}`);
        contractRows(p, unitId, u.edvNo, personId, c, sc, rows);
      }
    }
    const e = expenseRows(p, propertyId, organizationId, sc, now);
    expenses.accounts.push(...e.accounts);
    expenses.entries.push(...e.entries);
    expenses.files.push(...e.files);
  }

  await insertAll(trx, 'properties', properties);
  await insertAll(trx, 'property_contacts', contacts);
  await insertAll(trx, 'units', units);
  await insertAll(trx, 'contracts', rows.contracts);
  await insertAll(trx, 'charges', rows.charges);
  await insertAll(trx, 'ledger_entries', rows.ledger);
  await insertAll(trx, 'files', expenses.files);
  await insertAll(trx, 'expense_accounts', expenses.accounts);
  await insertAll(trx, 'expense_entries', expenses.entries);
}
