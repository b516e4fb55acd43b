import { createHash } from 'node:crypto';
import { newId } from '../ids.ts';
import { textPdf } from './pdf.ts';
import type { ExpenseSpec, PropertySpec } from './money-data.ts';
import type { SeedClock } from './money-ledger.ts';

// The owners' cost accounts of a building with three years of postings, each with its receipt as a small PDF.

export interface ExpenseRows {
  accounts: Record<string, unknown>[];
  entries: Record<string, unknown>[];
  files: Record<string, unknown>[];
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** 1.842,50 (German digit grouping, no currency). */
export const euro = (cents: number): string => {
  const abs = Math.abs(cents);
  const whole = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${cents < 0 ? '-' : ''}${whole},${pad(abs % 100)}`;
};

/** A stable variation of ±8 % per account and month, so the demo looks the same on every start. */
function variation(key: string): number {
  const digest = createHash('sha256').update(key).digest();
  return 0.92 + (digest.readUInt16BE(0) / 0xffff) * 0.16;
}

const lastDay = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** The receipt of one posting: who issued it, for whom, what and how much. */
export function receiptPdf(spec: ExpenseSpec, property: PropertySpec, invoiceNo: string, day: string, cents: number, created: Date): Buffer {
  const date = `${day.slice(8, 10)}.${day.slice(5, 7)}.${day.slice(0, 4)}`;
  const kind = spec.receiptKind ?? 'Rechnung';
  const community = property.country === 'AT' ? 'Eigentümergemeinschaft' : 'WEG';
  const vat = property.country === 'AT' && spec.group === 'operating_costs' ? ' (inkl. USt.)' : '';
  return textPdf(
    [
      { text: spec.vendor, size: 16, bold: true },
      { text: kind === 'Umbuchung' ? 'Buchungsbeleg' : kind, size: 13, bold: true, gap: 18 },
      { text: `${kind === 'Rechnung' ? 'Rechnungsnummer' : 'Belegnummer'}: ${invoiceNo}`, gap: 6 },
      { text: `Datum: ${date}` },
      { text: `Empfänger: ${community} ${property.street}, ${property.postalCode} ${property.city}`, gap: 12 },
      { text: `Leistung: ${spec.text}` },
      { text: `Konto ${spec.accountNo} ${spec.name}` },
      { text: `Betrag${vat}: ${euro(cents)} EUR`, size: 12, bold: true, gap: 12 },
    ],
    { title: `${kind} ${invoiceNo}`, author: spec.vendor, created },
  );
}

/** Accounts, postings and receipt files of one property, up to today. */
export function expenseRows(property: PropertySpec, propertyId: string, organizationId: string, clock: SeedClock, created: Date): ExpenseRows {
  const out: ExpenseRows = { accounts: [], entries: [], files: [] };
  const postings: { accountId: string; spec: ExpenseSpec; day: string; cents: number }[] = [];
  for (const spec of property.expenses) {
    const accountId = newId();
    out.accounts.push({ id: accountId, property_id: propertyId, account_no: spec.accountNo, name: spec.name, account_group: spec.group });
    for (const offset of spec.years ?? [-2, -1, 0]) {
      const year = clock.y + offset;
      for (const month of spec.months) {
        const day = `${year}-${pad(month)}-${pad(Math.min(spec.day, lastDay(year, month)))}`;
        if (day > clock.today) continue;
        const indexed = spec.cents / 1.03 ** -offset;
        const cents = Math.round(indexed * (spec.months.length > 1 ? variation(`${spec.accountNo}:${property.name}:${day}`) : 1));
        postings.push({ accountId, spec, day, cents });
      }
    }
  }
  // Document numbers count per year in booking order, like the manager's incoming-invoice journal.
  postings.sort((a, b) => a.day.localeCompare(b.day) || a.spec.accountNo.localeCompare(b.spec.accountNo));
  const counters = new Map<string, number>();
  for (const p of postings) {
    const year = p.day.slice(0, 4);
    const n = (counters.get(year) ?? 0) + 1;
    counters.set(year, n);
    const invoiceNo = `${p.spec.invoicePrefix}-${year}-${pad(n * 7 + Number(p.spec.accountNo.slice(-3)), 5)}`;
    const bytes = receiptPdf(p.spec, property, invoiceNo, p.day, p.cents, created);
    const fileId = newId();
    const kind = p.spec.receiptKind ?? 'Rechnung';
    out.files.push({
      id: fileId, organization_id: organizationId, sha256: createHash('sha256').update(bytes).digest('hex'), size: bytes.length,
      mime: 'application/pdf', original_name: `${kind}-${p.spec.slug}-${p.day.slice(0, 7)}.pdf`, bytes, created_at: created.toISOString(),
    });
    out.entries.push({
      id: newId(), account_id: p.accountId, booked_on: p.day, doc_no: `ER-${year}-${pad(n, 4)}`, text: `${p.spec.text} ${p.day.slice(5, 7)}/${year}`,
      vendor: p.spec.vendor, amount_cents: p.cents, receipt_file_id: fileId,
    });
  }
  return out;
}
