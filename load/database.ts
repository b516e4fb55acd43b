// Prepares the SQLite file the load and fault tests run on: the demo seed plus N tenant users, each with a person, a
// membership (terms accepted) and a tenancy contract on an existing demo unit, with a copy of that unit's demo
// charges and ledger, so every client is its own user with its own statement of account. Each tenant also gets a
// session (a refresh-token family, made by the server's own startFamily), as a browser that signed in earlier holds
// one: a client can come back with that cookie instead of a login, whose scrypt check costs about 0.4 s of CPU.
import type { Knex } from 'knex';
import { migrate, openDb } from '../server/src/db.ts';
import { seedDemo } from '../server/src/seed/demo.ts';
import { insertAll } from '../server/src/seed/money.ts';
import { hashPassword } from '../server/src/auth/password.ts';
import { newId } from '../server/src/ids.ts';
import { startFamily } from '../server/src/auth/sessions.ts';
import type { Ctx } from '../server/src/context.ts';

/** The one password of every prepared tenant. */
export const loadPassword = 'Load-Tenant-2026!';

export interface Tenant {
  /** 0-based number of the tenant, also in its user name `load-tenant-0001`. */
  index: number;
  organization: string;
  username: string;
  password: string;
  /** The unit of the tenant's contract. */
  unitId: string;
  /** A refresh cookie of a session started when the database was prepared. */
  refreshCookie: string;
}

export interface PreparedDatabase {
  file: string;
  tenants: Tenant[];
  /** A year the tenants' contracts cover, for GET /api/ledger. */
  year: number;
}

interface TemplateContract {
  id: string;
  unit_id: string;
  valid_from: string;
  payment_method: string;
  account_no: string;
  organization_id: string;
  slug: string;
  terms_version: string;
}

/** Tenancy contracts of the demo that run today and for weeks to come: the ones the new tenants get a copy of. */
async function templates(db: Knex, today: string): Promise<TemplateContract[]> {
  return db('contracts as c')
    .join('units as u', 'u.id', 'c.unit_id')
    .join('properties as p', 'p.id', 'u.property_id')
    .join('organizations as o', 'o.id', 'p.organization_id')
    .where('c.role', 'tenant')
    .where('c.valid_from', '<', today)
    .where((q) => q.whereNull('c.valid_to').orWhere('c.valid_to', '>', today))
    .orderBy(['o.slug', 'p.street', 'u.top'])
    .select('c.id', 'c.unit_id', 'c.valid_from', 'c.payment_method', 'c.account_no', 'p.organization_id', 'o.slug', 'o.terms_version');
}

type Row = Record<string, unknown>;

/** The charges and ledger entries of each template contract, read once. */
async function moneyOf(db: Knex, sources: TemplateContract[]): Promise<Map<string, { charges: Row[]; ledger: Row[] }>> {
  const ids = sources.map((s) => s.id);
  const [charges, ledger] = (await Promise.all([db('charges').whereIn('contract_id', ids), db('ledger_entries').whereIn('contract_id', ids)])) as [Row[], Row[]];
  return new Map(ids.map((id) => [id, { charges: charges.filter((r) => r.contract_id === id), ledger: ledger.filter((r) => r.contract_id === id) }]));
}

/** Copies of template rows for another contract: new ids, the new contract's id. */
const copied = (rows: Row[], contractId: string): Row[] => rows.map((row) => ({ ...row, id: newId(), contract_id: contractId }));

/**
 * Creates `file` (a new SQLite file), migrates it, loads the demo and adds `count` tenants spread over the demo's
 * running tenancy contracts. The password is hashed once with the server's own function and shared by all.
 */
export async function prepareDatabase(file: string, count: number): Promise<PreparedDatabase> {
  const db = openDb(file);
  try {
    await migrate(db);
    await seedDemo(db);
    const now = new Date();
    const createdAt = now.toISOString();
    const today = createdAt.slice(0, 10);
    const year = now.getUTCFullYear();
    const passwordHash = await hashPassword(loadPassword);
    const tenants: Tenant[] = [];
    await db.transaction(async (trx) => {
      const sources = await templates(trx, today);
      if (sources.length === 0) throw new Error('the demo seed has no running tenancy contract to copy');
      const money = await moneyOf(trx, sources);
      const [users, persons, memberships, contracts, charges, ledger]: Row[][] = [[], [], [], [], [], []];
      for (let index = 0; index < count; index++) {
        const source = sources[index % sources.length]!;
        const name = `load-tenant-${String(index + 1).padStart(4, '0')}`;
        const email = `${name}@load.example`;
        const userId = newId();
        const personId = newId();
        const contractId = newId();
        users.push({ id: userId, email, username: name, password_hash: passwordHash, status: 'active', must_change_password: false, locale: 'de', notify_email: false, phone: null, birth_date: null, created_at: createdAt, updated_at: createdAt });
        persons.push({ id: personId, organization_id: source.organization_id, name: `Load Tenant ${index + 1}`, street: null, postal_code: null, city: null, country: null, email, created_at: createdAt });
        memberships.push({ id: newId(), user_id: userId, organization_id: source.organization_id, role: 'tenant', person_id: personId, terms_version: source.terms_version, terms_accepted_at: createdAt, created_at: createdAt });
        contracts.push({ id: contractId, unit_id: source.unit_id, person_id: personId, role: 'tenant', valid_from: source.valid_from, valid_to: null, payment_method: source.payment_method, account_no: `${source.account_no}-L${index + 1}` });
        charges.push(...copied(money.get(source.id)!.charges, contractId));
        ledger.push(...copied(money.get(source.id)!.ledger, contractId));
        tenants.push({ index, organization: source.slug, username: name, password: loadPassword, unitId: source.unit_id, refreshCookie: '' });
      }
      await insertAll(trx, 'users', users);
      await insertAll(trx, 'persons', persons);
      await insertAll(trx, 'memberships', memberships);
      await insertAll(trx, 'contracts', contracts);
      await insertAll(trx, 'charges', charges);
      await insertAll(trx, 'ledger_entries', ledger);
      // startFamily needs only the database and the clock of the server's context.
      const ctx: Pick<Ctx, 'db' | 'clock'> = { db: trx, clock: () => now };
      for (const [i, tenant] of tenants.entries()) {
        tenant.refreshCookie = (await startFamily(ctx as Ctx, users[i]!.id as string, memberships[i]!.organization_id as string)).token;
      }
    });
    return { file, tenants, year };
  } finally {
    await db.destroy();
  }
}
