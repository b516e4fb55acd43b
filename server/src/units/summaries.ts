import type { ChargeLine, MonthlyCharges, UnitSummary } from '@hausportal/api';
import type { Db } from '../db.ts';
import { whereInContractPeriod } from '../access/periods.ts';
import { minDate, periodOf } from '../calendar.ts';
import { activeOn, type ContractRow } from '../access/contracts.ts';
import { chargeLine, type ChargeRow } from '../statement/totals.ts';

/**
 * The month whose charges a unit row shows: the month of `day` (the organization's today), or the last month of an
 * ended contract.
 */
export const monthlyPeriod = (c: ContractRow, day: string): string => minDate(periodOf(day), c.valid_to === null ? null : periodOf(c.valid_to));

/** Totals of each contract's shown month, one grouped query for the whole page. */
async function monthlyTotals(db: Db, contracts: ContractRow[], day: string): Promise<Map<string, MonthlyCharges>> {
  const wanted = new Map(contracts.map((c) => [c.id, monthlyPeriod(c, day)]));
  const result = new Map<string, MonthlyCharges>();
  if (contracts.length === 0) return result;
  const rows = (await db('charges')
    .whereIn('contract_id', [...wanted.keys()])
    .whereIn('period', [...new Set(wanted.values())])
    .groupBy('contract_id', 'period')
    .select('contract_id', 'period')
    .sum({ net: 'net_cents', vat: 'vat_cents', gross: 'gross_cents' })) as { contract_id: string; period: string; net: unknown; vat: unknown; gross: unknown }[];
  const byId = new Map(contracts.map((c) => [c.id, c]));
  for (const r of rows) {
    const c = byId.get(r.contract_id)!;
    if (wanted.get(r.contract_id) !== r.period || r.period < periodOf(c.valid_from)) continue;
    result.set(r.contract_id, { period: r.period, netCents: Number(r.net), vatCents: Number(r.vat), grossCents: Number(r.gross) });
  }
  return result;
}

/**
 * Each contract's balance on `day`: its latest carry-forward booked on or before that day plus every later posting
 * up to the day, inside the contract period. One grouped query for the whole page (index contract_id, booked_on).
 */
export async function balancesOn(db: Db, contractIds: string[], day: string): Promise<Map<string, number>> {
  const result = new Map<string, number>(contractIds.map((id) => [id, 0]));
  if (contractIds.length === 0) return result;
  const rows = (await db('ledger_entries as l')
    .join('contracts as c', 'c.id', 'l.contract_id')
    .whereIn('l.contract_id', contractIds)
    .where('l.booked_on', '<=', day)
    .modify(whereInContractPeriod, 'l.booked_on', 'c')
    .whereRaw(
      `l.booked_on >= coalesce((select max(f.booked_on) from ledger_entries f
         where f.contract_id = l.contract_id and f.kind = 'carry_forward' and f.booked_on <= ?), '')`,
      [day],
    )
    .groupBy('l.contract_id')
    .select('l.contract_id')
    .sum({ balance: 'l.amount_cents' })) as { contract_id: string; balance: unknown }[];
  for (const r of rows) result.set(r.contract_id, Number(r.balance));
  return result;
}

/** Unit rows for a page of contracts on `day` (the organization's today): two queries whatever the page size. */
export async function unitSummaries(db: Db, contracts: ContractRow[], day: string): Promise<UnitSummary[]> {
  const ids = contracts.map((c) => c.id);
  const [monthly, balances] = await Promise.all([monthlyTotals(db, contracts, day), balancesOn(db, ids, day)]);
  return contracts.map((c) => ({
    id: c.unit_id,
    propertyId: c.property_id,
    top: c.top,
    edvNo: c.edv_no,
    usage: c.usage,
    areaM2: Number(c.area_m2),
    share: c.share_num !== null && c.share_den ? { num: Number(c.share_num), den: Number(c.share_den) } : null,
    contract: {
      id: c.id,
      role: c.role,
      validFrom: c.valid_from,
      validTo: c.valid_to,
      paymentMethod: c.payment_method,
      accountNo: c.account_no,
    },
    active: activeOn(c, day),
    monthly: monthly.get(c.id) ?? null,
    balanceCents: balances.get(c.id) ?? 0,
  }));
}

/** The charge lines of one contract's month, in the manager's order. */
export async function chargeLinesOf(db: Db, contract: ContractRow, period: string): Promise<ChargeLine[]> {
  if (period < periodOf(contract.valid_from)) return [];
  const rows = (await db('charges').where({ contract_id: contract.id, period }).orderBy('position').orderBy('id')) as ChargeRow[];
  return rows.map(chargeLine);
}
