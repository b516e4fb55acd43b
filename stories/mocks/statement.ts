// Mock API for the statement: GET /charges, /ledger, /open-items, /expense-accounts, /expense-accounts/{id}/entries
// and /receipts/{id}, scoped like the reference server (someone else's unit, account or receipt answers 404 like an
// unknown id) and with its parameter checks (400 problem naming the field). Plus story variants per endpoint.
import { delay, http, HttpResponse, type HttpHandler } from 'msw';
import type { FieldError, Me } from '@hausportal/api';
import { API } from './handlers.js';
import { invalid, problem } from './problems.js';
import { sessionOf, tokenOf } from './sessions.js';
import { chargesOf, expenseAccountOf, expenseAccountsOf, ledgerOf, monthIndex, openItemsOf, receiptOf, thisMonth, unitsFor, Y } from './statement-data.js';

const idPattern = /^[0-9A-Za-z-]{8,64}$/;
const periodPattern = /^[0-9]{4}-(0[1-9]|1[0-2])$/;
const cursorPattern = /^[A-Za-z0-9_-]{1,512}$/;

/** Reads and checks query parameters like the contract's validator, collecting every failing field. */
class Query {
  readonly errors: FieldError[] = [];
  constructor(private readonly params: URLSearchParams) {}

  id(name: string, required = false): string | null {
    const value = this.params.get(name);
    if (value === null && required) this.errors.push({ field: name, code: 'required', message: 'is required' });
    else if (value !== null && !idPattern.test(value)) this.errors.push({ field: name, code: 'pattern', message: 'is not a valid id' });
    return value;
  }

  period(name: string, fallback: string): string {
    const value = this.params.get(name) ?? fallback;
    if (!periodPattern.test(value)) this.errors.push({ field: name, code: 'pattern', message: 'must be a month YYYY-MM' });
    return value;
  }

  /** `year` (default this year): an integer 2000–2100 by the schema, and not after this year. */
  year(): number {
    const raw = this.params.get('year') ?? String(Y);
    const year = Number(raw);
    if (!/^\d+$/.test(raw)) this.errors.push({ field: 'year', code: 'type', message: 'must be integer' });
    else if (year < 2000 || year > 2100) this.errors.push({ field: 'year', code: year < 2000 ? 'too_small' : 'too_large', message: 'must be between 2000 and 2100' });
    else if (year > Y) this.errors.push({ field: 'year', code: 'range', message: `The year must not be later than ${Y}.` });
    return year;
  }

  limit(): number {
    const raw = this.params.get('limit') ?? '100';
    const limit = Number(raw);
    if (!/^\d+$/.test(raw)) this.errors.push({ field: 'limit', code: 'type', message: 'must be integer' });
    else if (limit < 1 || limit > 200) this.errors.push({ field: 'limit', code: limit < 1 ? 'too_small' : 'too_large', message: 'must be between 1 and 200' });
    return limit;
  }

  /** The position a cursor of {@link cursorAt} stands for (0 without one). */
  cursor(): number {
    const raw = this.params.get('cursor');
    if (raw === null) return 0;
    if (!cursorPattern.test(raw)) {
      this.errors.push({ field: 'cursor', code: 'pattern', message: 'must match ^[A-Za-z0-9_-]+$' });
      return 0;
    }
    let position = NaN;
    try {
      position = Number(/^p(\d+)$/.exec(atob(raw.replaceAll('-', '+').replaceAll('_', '/')))?.[1]);
    } catch {
      // not base64: the check below reports it
    }
    if (!Number.isInteger(position)) this.errors.push({ field: 'cursor', code: 'invalid', message: 'Not a cursor of this list.' });
    return position;
  }
}

/** An opaque base64url cursor for a position. */
const cursorAt = (position: number) => btoa(`p${position}`).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');

type Checked = { me: Me; query: Query };

/** A GET handler for a signed-in person: 401 without a valid token, 400 when a parameter check failed. */
function get(path: string, answer: (c: Checked, params: Record<string, string>) => Response): HttpHandler {
  return http.get(`${API}${path}`, ({ request, params }) => {
    const session = sessionOf(request);
    if (!session) return problem(tokenOf(request) ? 'invalid_token' : 'unauthenticated', { headers: { 'WWW-Authenticate': 'Bearer' } });
    const query = new Query(new URL(request.url).searchParams);
    const response = answer({ me: session.user, query }, params as Record<string, string>);
    return query.errors.length ? invalid(query.errors) : response;
  });
}

/** 200 with `body`, or 404 when there is none (unknown or someone else's). */
const found = (body: object | undefined | false) => (body ? HttpResponse.json(body, { headers: { 'Cache-Control': 'private, no-store' } }) : problem('not_found'));

/** `attachment` with an ASCII fallback name and the UTF-8 name (RFC 6266). */
const attachment = (name: string) => `attachment; filename="${name.replace(/[^\x20-\x7e]|["\\%;]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(name)}`;

export const statementHandlers: HttpHandler[] = [
  get('/charges', ({ me, query }) => {
    const unit = query.id('unit');
    const from = query.period('from', `${Y}-01`);
    const to = query.period('to', thisMonth);
    if (query.errors.length) return invalid(query.errors);
    if (from > to) query.errors.push({ field: 'from', code: 'range', message: 'The first month must not be after the last month.' });
    else if (monthIndex(to) - monthIndex(from) + 1 > 36) query.errors.push({ field: 'to', code: 'range', message: 'At most 36 months at once.' });
    const units = unitsFor(me, unit);
    return found((unit === null || units.length > 0) && chargesOf(units, from, to));
  }),
  get('/ledger', ({ me, query }) => {
    const [unit] = unitsFor(me, query.id('unit', true) ?? '');
    const year = query.year();
    return found(unit && ledgerOf(unit, year));
  }),
  get('/open-items', ({ me, query }) => {
    const id = query.id('unit');
    const units = unitsFor(me, id);
    return found((id === null || units.length > 0) && openItemsOf(units));
  }),
  get('/expense-accounts', ({ me, query }) => found(expenseAccountsOf(me, query.id('property'), query.year()))),
  get('/expense-accounts/:id/entries', ({ me, query }, params) => {
    const id = String(params.id);
    if (!idPattern.test(id)) query.errors.push({ field: 'id', code: 'pattern', message: 'is not a valid id' });
    const year = query.year();
    const limit = query.limit();
    const position = query.cursor();
    const account = expenseAccountOf(me, id, year);
    if (!account) return problem('not_found');
    const items = account.entries.slice(position, position + limit);
    return found({ account: account.account, items, nextCursor: position + limit < account.entries.length ? cursorAt(position + limit) : null });
  }),
  get('/receipts/:id', ({ me, query }, params) => {
    const id = String(params.id);
    if (!idPattern.test(id)) query.errors.push({ field: 'id', code: 'pattern', message: 'is not a valid id' });
    const receipt = receiptOf(me, id);
    if (!receipt) return problem('not_found');
    return new HttpResponse(new Blob([receipt.bytes as BlobPart], { type: 'application/pdf' }), {
      headers: {
        'Content-Type': 'application/pdf',
        'Content-Length': String(receipt.bytes.length),
        'Content-Disposition': attachment(receipt.name),
        'Cache-Control': 'private, no-store',
      },
    });
  }),
];

/** What each view of <hp-statement> loads. */
export type StatementEndpoint = 'charges' | 'ledger' | 'open-items' | 'expense-accounts';
const endpoints: StatementEndpoint[] = ['charges', 'ledger', 'open-items', 'expense-accounts'];

/** The view's request (default: every statement request) fails with 500. */
export function statementFails(only: StatementEndpoint[] = endpoints): HttpHandler[] {
  return only.map((path) => http.get(`${API}/${path}`, () => problem('internal_error')));
}

/** The view's request (default: every statement request) never answers: the loading state. */
export function statementPending(only: StatementEndpoint[] = endpoints): HttpHandler[] {
  return only.map((path) => http.get(`${API}/${path}`, () => delay('infinite')));
}

/** Nothing in the chosen months or year, nothing open, no expense accounts (answers still checked and scoped). */
export function statementEmpty(): HttpHandler[] {
  return [
    get('/charges', ({ query }) => HttpResponse.json({ from: query.period('from', `${Y}-01`), to: query.period('to', thisMonth), units: [], totals: { netCents: 0, vatCents: 0, grossCents: 0 }, vatByRate: [] })),
    get('/ledger', ({ me, query }) => {
      const [unit] = unitsFor(me, query.id('unit', true) ?? '');
      const year = query.year();
      return found(unit && { unitId: unit.id, year, accountNo: unit.contract.accountNo, carryForwardCents: 0, entries: [], debitCents: 0, creditCents: 0, closingBalanceCents: 0 });
    }),
    get('/open-items', () => HttpResponse.json({ items: [], totalOpenCents: 0, payments: [] })),
    get('/expense-accounts', ({ query }) => HttpResponse.json({ year: query.year(), accounts: [], properties: [] })),
  ];
}

/** Receipts cannot be downloaded (500), the expense accounts load. */
export function receiptsFail(): HttpHandler[] {
  return [http.get(`${API}/receipts/:id`, () => problem('internal_error'))];
}
