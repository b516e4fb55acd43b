// Mock API for sending forms: GET /forms (the demo forms; the Guthabensanforderung only for a unit with a credit),
// POST /tickets (multipart, numbers per year, a retried Idempotency-Key answers the ticket it created), GET
// /tickets/duplicates (the building-wide "Lift Stiege 2 steht" at the Naschmarkt) and POST /tickets/{id}/affected,
// scoped like the reference server. Plus story variants.
import { delay, http, HttpResponse, type HttpHandler } from 'msw';
import type { EmergencyNumber, FieldError, FormCatalog, Me, ReportUnit, TicketDetail } from '@hausportal/api';
import { demoCatalog, demoEmergencyNumbers, demoForms, liftTicket, ticketDetail, ticketSummary } from '@hausportal/message-form/testing.js';
import { API } from './handlers.js';
import { invalid, problem } from './problems.js';
import { sessionOf, tokenOf } from './sessions.js';
import { unitsOf } from './unit-data.js';

/** Hamburg's numbers for Krüger's tenants. */
const hamburg: EmergencyNumber[] = [
  { label: { de: 'Feuerwehr und Rettungsdienst', en: 'Fire brigade and ambulance' }, phone: '112' },
  { label: { de: 'Gas-Störung (Gasnetz Hamburg)', en: 'Gas fault (Gasnetz Hamburg)' }, phone: '+49 40 23 66 23 66' },
  { label: { de: 'Hausmeister Uwe Petersen', en: 'Caretaker Uwe Petersen' }, phone: '+49 171 552 0193' },
];

/** The catalog of `me` in the session's organization: their units today, credits from negative balances. */
export function catalogOf(me: Me): FormCatalog {
  const { items, properties } = unitsOf(me);
  const street = (id: string) => properties.find((p) => p.id === id)?.address.street ?? '';
  const units: ReportUnit[] = items.map((u) => ({ id: u.id, propertyId: u.propertyId, label: `${street(u.propertyId)}, Top ${u.top}`, role: u.contract.role }));
  const credits = items.filter((u) => u.balanceCents < 0).map((u) => ({ unitId: u.id, cents: -u.balanceCents }));
  return { ...demoCatalog(units, credits), emergencyNumbers: me.organization === 'krueger' ? hamburg : demoEmergencyNumbers };
}

/** A handler for a signed-in person: 401 without a valid token. */
function signedIn(method: 'get' | 'post', path: string, answer: (me: Me, request: Request, params: Record<string, string>) => Response | Promise<Response>): HttpHandler {
  return http[method](`${API}${path}`, ({ request, params }) => {
    const session = sessionOf(request);
    if (!session) return problem(tokenOf(request) ? 'invalid_token' : 'unauthenticated', { headers: { 'WWW-Authenticate': 'Bearer' } });
    return answer(session.user, request, params as Record<string, string>);
  });
}

const created = new Map<string, TicketDetail>();
let sequence = 41;
const addDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/** POST /tickets: the form and unit checked like the server (in brief), values as JSON, the subject from `subject`. */
async function createTicket(me: Me, request: Request): Promise<Response> {
  const key = request.headers.get('Idempotency-Key');
  const before = key && created.get(`${me.username}|${key}`);
  if (before) return HttpResponse.json(before, { status: 200 });
  const body = await request.formData().catch(() => null);
  const catalog = catalogOf(me);
  const form = catalog.items.find((f) => f.key === body?.get('form'));
  if (!body || !form) return invalid([{ field: '/form', code: 'enum', message: 'is not a form you may send' }]);
  const unit = body.get('unit');
  if (unit && !catalog.units.some((u) => u.id === unit)) return problem('not_found');
  let values: Record<string, unknown>;
  try {
    values = JSON.parse(String(body.get('values') ?? '{}')) as Record<string, unknown>;
  } catch {
    return invalid([{ field: '/values', code: 'json', message: 'is not a JSON object' }]);
  }
  const errors: FieldError[] = form.fields
    .filter((f) => f.required && !f.showIf && !f.prefill && f.type !== 'info' && values[f.key] === undefined)
    .map((f) => ({ field: `/values/${f.key}`, code: 'required', message: 'is required' }));
  // The form's unit field names the ticket's unit: both must agree, and a form that needs a unit needs one.
  const unitField = form.fields.find((f) => f.type === 'unit');
  if (unitField && values[unitField.key] !== undefined && values[unitField.key] !== unit) errors.push({ field: '/unit', code: 'mismatch', message: `differs from /values/${unitField.key}` });
  if (form.unitRequired && !unit) errors.push({ field: '/unit', code: 'required', message: 'is required' });
  if (errors.length) return invalid(errors);
  const number = `${new Date().getFullYear()}-${String(++sequence).padStart(5, '0')}`;
  const subject = typeof values.subject === 'string' ? values.subject : form.title.de;
  const ticket = ticketDetail(ticketSummary(`0190a6b2-7000-7000-8000-${String(sequence).padStart(12, '0')}`, number, subject, 'new', {
    form: { key: form.key, label: form.title },
    createdAt: new Date().toISOString(),
    changedAt: new Date().toISOString(),
    shared: false,
    affectedCount: 0,
  }), { firstAnswerBy: addDays(form.firstAnswerDays ?? 3) });
  if (key) created.set(`${me.username}|${key}`, ticket);
  return HttpResponse.json(ticket, { status: 201 });
}

/** The duplicates of `me`: the lift ticket for a tenant of the Naschmarkt, only when location lift and category lift are chosen. */
const naschmarkt = 'nm-0190a6b2-7c1e';
const candidates = (me: Me, property: string, location: string, category: string) =>
  property === naschmarkt && unitsOf(me).items.some((u) => u.propertyId === naschmarkt) && location === 'lift' && category === 'lift' ? [liftTicket] : [];

export const formHandlers: HttpHandler[] = [
  signedIn('get', '/forms', (me) => HttpResponse.json(catalogOf(me))),
  signedIn('post', '/tickets', createTicket),
  signedIn('get', '/tickets/duplicates', (me, request) => {
    const query = new URL(request.url).searchParams;
    const [property, location, category] = ['property', 'location', 'category'].map((name) => query.get(name) ?? '');
    if (!property || !location || !category) return invalid([{ field: 'property', code: 'required', message: 'property, location and category are required' }]);
    if (!unitsOf(me).items.some((u) => u.propertyId === property)) return problem('not_found');
    return HttpResponse.json({ items: candidates(me, property!, location!, category!) });
  }),
  signedIn('post', '/tickets/:id/affected', (me, _request, { id }) =>
    id === liftTicket.id && candidates(me, naschmarkt, 'lift', 'lift').length
      ? HttpResponse.json(ticketDetail({ ...liftTicket, affected: true, affectedCount: liftTicket.affectedCount + 1 }, { fields: [], actions: { comment: true, withdraw: false, confirm: false, reopen: false, rate: false } }))
      : problem('not_found'),
  ),
];

/** GET /forms never answers (the loading state). */
export const formsPending = (): HttpHandler[] => [http.get(`${API}/forms`, () => delay('infinite'))];

/** GET /forms fails with 503. */
export const formsFail = (): HttpHandler[] => [http.get(`${API}/forms`, () => problem('database_unavailable'))];

/** No form is offered. */
export const noForms = (): HttpHandler[] => [signedIn('get', '/forms', (me) => HttpResponse.json({ ...catalogOf(me), items: [] }))];

/** POST /tickets objects to the description (400 at `/values/description`). */
export const descriptionRejected = (): HttpHandler[] => [
  http.post(`${API}/tickets`, () => invalid([{ field: '/values/description', code: 'too_short', message: 'says too little about the damage' }])),
];

/** GET /forms with no emergency numbers (the widget then offers 112). */
export const noEmergencyNumbers = (): HttpHandler[] => [signedIn('get', '/forms', (me) => HttpResponse.json({ ...catalogOf(me), emergencyNumbers: [] }))];

/** POST /tickets answers 429: ten tickets today. */
export const ticketLimit = (): HttpHandler[] => [
  http.post(`${API}/tickets`, () => problem('ticket_limit', { status: 429, detail: 'At most 10 tickets per day.' })),
];

/** POST /tickets waits `ms` before answering (the progress bars and the cancel button stay). */
export const slowTickets = (ms = 8000): HttpHandler[] => [
  http.post(`${API}/tickets`, async () => {
    await delay(ms);
  }),
];

export { demoForms };
