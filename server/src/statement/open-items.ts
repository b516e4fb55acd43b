import type { OpenItem, OpenItems, PaymentInstruction } from '@hausportal/api';
import type { Auth } from '../auth/middleware.ts';
import type { Db } from '../db.ts';
import { whereInContractPeriod } from '../access/periods.ts';
import type { ContractRow } from '../access/contracts.ts';
import type { LedgerRow } from './account.ts';

interface Bank {
  bank_recipient: string | null;
  bank_iban: string | null;
  bank_bic: string | null;
}

/** Open entries of the contracts booked up to `day`, oldest due first, and how to pay each account's open sum. */
export async function openItems(db: Db, auth: Auth, contracts: ContractRow[], day: string): Promise<OpenItems> {
  if (contracts.length === 0) return { items: [], totalOpenCents: 0, payments: [] };
  const byId = new Map(contracts.map((c) => [c.id, c]));
  const [rows, bank] = await Promise.all([
    db('ledger_entries as l')
      .join('contracts as c', 'c.id', 'l.contract_id')
      .whereIn('l.contract_id', [...byId.keys()])
      .whereNot('l.open_cents', 0)
      .where('l.booked_on', '<=', day)
      .modify(whereInContractPeriod, 'l.booked_on', 'c')
      .orderByRaw('coalesce(l.due_on, l.booked_on)')
      .orderBy('l.booked_on')
      .orderBy('l.seq')
      .orderBy('l.id')
      .select('l.*') as Promise<LedgerRow[]>,
    db('organizations').where('id', auth.org.id).first('bank_recipient', 'bank_iban', 'bank_bic') as Promise<Bank | undefined>,
  ]);

  const openByContract = new Map<string, number>();
  const items = rows.map((r): OpenItem => {
    const c = byId.get(r.contract_id)!;
    const open = Number(r.open_cents);
    openByContract.set(c.id, (openByContract.get(c.id) ?? 0) + open);
    return {
      id: r.id,
      unitId: c.unit_id,
      top: c.top,
      accountNo: c.account_no,
      docNo: r.doc_no,
      kind: r.kind,
      text: r.text,
      bookedOn: r.booked_on,
      dueOn: r.due_on ?? null,
      amountCents: Number(r.amount_cents),
      openCents: open,
      dunningLevel: Math.min(3, Math.max(0, Number(r.dunning_level))),
    };
  });

  const payments: PaymentInstruction[] = [];
  if (bank?.bank_iban) {
    for (const c of contracts) {
      const amount = openByContract.get(c.id) ?? 0;
      if (amount <= 0) continue;
      payments.push({
        unitId: c.unit_id,
        accountNo: c.account_no,
        amountCents: amount,
        recipient: (bank.bank_recipient || auth.org.name).slice(0, 70),
        iban: bank.bank_iban.replace(/\s+/g, ''),
        bic: bank.bank_bic || null,
        remittance: `Konto ${c.account_no} Top ${c.top}`.slice(0, 140),
      });
    }
  }
  return { items, totalOpenCents: items.reduce((sum, i) => sum + i.openCents, 0), payments };
}
