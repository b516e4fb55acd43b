import type { ExpenseAccount, ExpenseEntry } from '@hausportal/api';
import type { Auth } from '../auth/middleware.ts';
import type { Db } from '../db.ts';
import { after, notFound } from '../http/params.ts';
import { ownerPeriods, propertiesOpenIn } from '../access/contracts.ts';
import { covers } from '../access/periods.ts';

// The owners' view of the building's cost accounts (Belegeinsicht): only properties where I own a unit, and only
// the years my ownership there overlaps (access/periods.ts). Everything else answers 404.

export interface AccountRow {
  id: string;
  property_id: string;
  account_no: string;
  name: string;
  account_group: ExpenseAccount['group'];
}

const yearBounds = (year: number): [string, string] => [`${year}-01-01`, `${year}-12-31`];

/**
 * Accounts of the properties whose `year` my ownership opens (or of one of them; 404 when it does not), by property,
 * then number. `today` is the organization's day (YYYY-MM-DD).
 */
export async function ownedAccounts(db: Db, auth: Auth, propertyId: string | undefined, year: number, today: string): Promise<{ propertyIds: string[]; accounts: AccountRow[] }> {
  let propertyIds = propertiesOpenIn(await ownerPeriods(db, auth, today), year);
  if (propertyId !== undefined) {
    if (!propertyIds.includes(propertyId)) throw notFound();
    propertyIds = [propertyId];
  }
  if (propertyIds.length === 0) return { propertyIds, accounts: [] };
  const accounts = (await db('expense_accounts as a')
    .join('properties as p', 'p.id', 'a.property_id')
    .whereIn('a.property_id', propertyIds)
    .orderBy('p.street')
    .orderBy('p.id')
    .orderBy('a.account_no')
    .select('a.id', 'a.property_id', 'a.account_no', 'a.name', 'a.account_group', 'p.street')) as AccountRow[];
  const order = [...new Set(accounts.map((a) => a.property_id)), ...propertyIds];
  return { propertyIds: [...new Set(order)], accounts };
}

/** One account of a property whose `year` my ownership opens, or 404. */
export async function ownedAccount(db: Db, auth: Auth, accountId: string, year: number, today: string): Promise<AccountRow> {
  const account = (await db('expense_accounts').where('id', accountId).first()) as AccountRow | undefined;
  if (!account || !propertiesOpenIn(await ownerPeriods(db, auth, today), year).includes(account.property_id)) throw notFound();
  return account;
}

/** The year's totals of the accounts: one grouped query. */
export async function accountsWithTotals(db: Db, accounts: AccountRow[], year: number): Promise<ExpenseAccount[]> {
  const totals = new Map<string, { total: number; count: number }>();
  if (accounts.length > 0) {
    const rows = (await db('expense_entries')
      .whereIn('account_id', accounts.map((a) => a.id))
      .whereBetween('booked_on', yearBounds(year))
      .groupBy('account_id')
      .select('account_id')
      .sum({ total: 'amount_cents' })
      .count({ count: '*' })) as { account_id: string; total: unknown; count: unknown }[];
    for (const r of rows) totals.set(r.account_id, { total: Number(r.total), count: Number(r.count) });
  }
  return accounts.map((a) => ({
    id: a.id,
    propertyId: a.property_id,
    accountNo: a.account_no,
    name: a.name,
    group: a.account_group,
    year,
    totalCents: totals.get(a.id)?.total ?? 0,
    entryCount: totals.get(a.id)?.count ?? 0,
  }));
}

interface EntryRow {
  id: string;
  booked_on: string;
  doc_no: string;
  text: string;
  vendor: string | null;
  amount_cents: number;
  file_id: string | null;
  file_name: string | null;
  file_size: number | null;
  file_mime: string | null;
}

export const entryOrder = ['e.booked_on', 'e.id'];

/** A page of the account's postings in the year, oldest first, with their receipts (keyset on booked_on, id). */
export async function entryPage(db: Db, accountId: string, year: number, limit: number, cursor: (string | number)[] | null): Promise<{ items: ExpenseEntry[]; last: EntryRow | null; more: boolean }> {
  const q = db('expense_entries as e')
    .leftJoin('files as f', 'f.id', 'e.receipt_file_id')
    .where('e.account_id', accountId)
    .whereBetween('e.booked_on', yearBounds(year))
    .orderBy('e.booked_on')
    .orderBy('e.id')
    .limit(limit + 1)
    .select('e.id', 'e.booked_on', 'e.doc_no', 'e.text', 'e.vendor', 'e.amount_cents', 'f.id as file_id', 'f.original_name as file_name', 'f.size as file_size', 'f.mime as file_mime');
  if (cursor) after(q, entryOrder, cursor);
  const rows = (await q) as EntryRow[];
  const page = rows.slice(0, limit);
  const items = page.map((r): ExpenseEntry => ({
    id: r.id,
    bookedOn: r.booked_on,
    docNo: r.doc_no,
    text: r.text,
    vendor: r.vendor ?? null,
    amountCents: Number(r.amount_cents),
    receipt: r.file_id ? { id: r.file_id, name: r.file_name!, size: Number(r.file_size), mime: r.file_mime! } : null,
  }));
  return { items, last: page.at(-1) ?? null, more: rows.length > limit };
}

export interface ReceiptFile {
  mime: string;
  original_name: string;
  bytes: Buffer;
}

/**
 * A receipt file of an expense posting on a property I own, booked inside a period my ownership opens there, or
 * 404. The postings are looked up among the accounts of my properties only (index account_id), so foreign and
 * unknown ids cost and answer the same.
 */
export async function ownedReceipt(db: Db, auth: Auth, fileId: string, today: string): Promise<ReceiptFile> {
  const periods = await ownerPeriods(db, auth, today);
  if (periods.size === 0) throw notFound();
  const postings = (await db('expense_entries as e')
    .join('expense_accounts as a', 'a.id', 'e.account_id')
    .whereIn('a.property_id', [...periods.keys()])
    .where('e.receipt_file_id', fileId)
    .select('a.property_id', 'e.booked_on')) as { property_id: string; booked_on: string }[];
  if (!postings.some((e) => periods.get(e.property_id)!.some((p) => covers(p, e.booked_on)))) throw notFound();
  const file = (await db('files').where({ id: fileId, organization_id: auth.org.id }).first('mime', 'original_name', 'bytes')) as ReceiptFile | undefined;
  if (!file) throw notFound();
  return file;
}
