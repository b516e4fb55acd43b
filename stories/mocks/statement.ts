// Mock API for the statement: charges, ledger, open items, expense accounts and receipts, scoped like the server
// (someone else's unit, account or receipt answers 404) and with the server's parameter checks.
import { delay, http, HttpResponse, type HttpHandler } from 'msw';
import type { FieldError, Me } from '@hausportal/api';
import { API } from './handlers.js';
import { invalid, problem } from './problems.js';
import { sessionOf, tokenOf } from './sessions.js';
import { chargesOf, expenseAccountsOf, expenseEntriesOf, ledgerOf, openItemsOf, unitOf } from './statement-data.js';

const periodPattern = /^\d{4}-(0[1-9]|1[0-2])$/;
const thisYear = new Date().getFullYear();

/** The signed-in person and the query, or the 401/400 answer. */
function guard(request: Request): { me: Me; query: URLSearchParams } | Response {
  const session = sessionOf(request);
  if (!session) return problem(tokenOf(request) ? 'invalid_token' : 'unauthenticated', { headers: { 'WWW-Authenticate': 'Bearer' } });
  return { me: session.user, query: new URL(request.url).searchParams };
}

function yearOf(query: URLSearchParams, errors: FieldError[]): number {
  const year = Number(query.get('year') ?? thisYear);
  if (!Number.isInteger(year) || year < 2000 || year > thisYear) errors.push({ field: 'year', code: 'range', message: `must be between 2000 and ${thisYear}` });
  return year;
}

/** A tiny valid PDF naming the receipt. */
function receiptPdf(title: string): Blob {
  const text = `BT /F1 14 Tf 72 760 Td (${title.replace(/[()\\]/g, '')}) Tj ET`;
  const objects = ['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [3 0 R] /Count 1 >>', '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>', `<< /Length ${text.length} >>\nstream\n${text}\nendstream`, '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>'];
  let pdf = '%PDF-1.4\n';
  const offsets = objects.map((body, i) => {
    const offset = pdf.length;
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
    return offset;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Blob([pdf], { type: 'application/pdf' });
}

export const statementHandlers: HttpHandler[] = [
  http.get(`${API}/charges`, ({ request }) => {
    const g = guard(request);
    if (g instanceof Response) return g;
    const errors: FieldError[] = [];
    const from = g.query.get('from') ?? `${thisYear}-01`;
    const to = g.query.get('to') ?? `${thisYear}-${String(new Date().getMonth() + 1).padStart(2, '0')}`;
    if (!periodPattern.test(from)) errors.push({ field: 'from', code: 'pattern', message: 'must be YYYY-MM' });
    if (!periodPattern.test(to)) errors.push({ field: 'to', code: 'pattern', message: 'must be YYYY-MM' });
    if (!errors.length && from > to) errors.push({ field: 'from', code: 'range', message: 'must not be after to' });
    if (errors.length) return invalid(errors);
    const unit = unitOf(g.me, g.query.get('unit') ?? '');
    return unit ? HttpResponse.json(chargesOf(unit, from, to)) : problem('not_found');
  }),
  http.get(`${API}/ledger`, ({ request }) => {
    const g = guard(request);
    if (g instanceof Response) return g;
    const errors: FieldError[] = [];
    const year = yearOf(g.query, errors);
    if (errors.length) return invalid(errors);
    const unit = unitOf(g.me, g.query.get('unit') ?? '');
    return unit ? HttpResponse.json(ledgerOf(unit, year)) : problem('not_found');
  }),
  http.get(`${API}/open-items`, ({ request }) => {
    const g = guard(request);
    if (g instanceof Response) return g;
    const unit = unitOf(g.me, g.query.get('unit') ?? '');
    return unit ? HttpResponse.json(openItemsOf(unit)) : problem('not_found');
  }),
  http.get(`${API}/expense-accounts`, ({ request }) => {
    const g = guard(request);
    if (g instanceof Response) return g;
    const errors: FieldError[] = [];
    const year = yearOf(g.query, errors);
    if (errors.length) return invalid(errors);
    const accounts = expenseAccountsOf(g.me, g.query.get('property') ?? '', year);
    return accounts ? HttpResponse.json({ year, accounts, properties: [] }) : problem('not_found');
  }),
  http.get(`${API}/expense-accounts/:id/entries`, ({ request, params }) => {
    const g = guard(request);
    if (g instanceof Response) return g;
    const errors: FieldError[] = [];
    const year = yearOf(g.query, errors);
    if (errors.length) return invalid(errors);
    const propertyId = String(params.id).replace(/^acc-/, '').replace(/-\d{6}$/, '');
    const account = expenseAccountsOf(g.me, propertyId, year)?.find((a) => a.id === params.id);
    return account ? HttpResponse.json({ account, items: expenseEntriesOf(account), nextCursor: null }) : problem('not_found');
  }),
  http.get(`${API}/receipts/:id`, ({ request, params }) => {
    const g = guard(request);
    if (g instanceof Response) return g;
    const match = /^rc-(acc-(.+)-(\d{6}))-(\d)$/.exec(String(params.id));
    const account = match && expenseAccountsOf(g.me, match[2]!, thisYear)?.find((a) => a.id === match[1]);
    if (!match || !account) return problem('not_found');
    const name = `beleg-${match[3]}-${match[4]}.pdf`;
    return new HttpResponse(receiptPdf(`${account.name} ${match[4]}. Quartal`), {
      headers: { 'Content-Type': 'application/pdf', 'Content-Disposition': `attachment; filename="${name}"` },
    });
  }),
];

/** Every statement request fails with 500. */
export function statementFails(): HttpHandler[] {
  return ['charges', 'ledger', 'open-items', 'expense-accounts'].map((path) => http.get(`${API}/${path}`, () => problem('internal_error')));
}

/** Statement requests never answer (the loading state). */
export function statementPending(): HttpHandler[] {
  return ['charges', 'ledger', 'open-items', 'expense-accounts'].map((path) => http.get(`${API}/${path}`, () => delay('infinite')));
}

/** Nothing in the chosen range or year, nothing open, no expense accounts. */
export function statementEmpty(): HttpHandler[] {
  return [
    http.get(`${API}/charges`, ({ request }) => {
      const q = new URL(request.url).searchParams;
      return HttpResponse.json({ from: q.get('from'), to: q.get('to'), units: [], totals: { netCents: 0, vatCents: 0, grossCents: 0 }, vatByRate: [] });
    }),
    http.get(`${API}/ledger`, ({ request }) => {
      const q = new URL(request.url).searchParams;
      return HttpResponse.json({ unitId: q.get('unit'), year: Number(q.get('year')), accountNo: '2100533', carryForwardCents: 0, entries: [], debitCents: 0, creditCents: 0, closingBalanceCents: 0 });
    }),
    http.get(`${API}/open-items`, () => HttpResponse.json({ items: [], totalOpenCents: 0, payments: [] })),
    http.get(`${API}/expense-accounts`, () => HttpResponse.json({ year: thisYear, accounts: [], properties: [] })),
  ];
}
