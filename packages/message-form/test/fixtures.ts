import { html } from '@open-wc/testing';
import { createApiClient, type Form, type FormCatalog, type FormField, type TicketDetail, type TicketSummary } from '@hausportal/api';
import { createFakeApi, demoMe, problem, sessionFixture, type FakeHandler, type FakeRoutes } from '@hausportal/core/testing.js';
import { fakeXhrs } from '../../api/test/fake-xhr.js';
import { HpTicketCreatedEvent, HpTicketJoinedEvent, type HpMessageForm, type TicketRef } from '../src/index.js';
import { demoCatalog, liftTicket, ticketDetail, ticketSummary, top7 } from '../src/testing.js';
import '../src/define.js';

const t = (de: string, en: string) => ({ de, en });

/** A form with every field type, for the field tests. */
export const allFields: Form = {
  id: '0190a6b2-f001-7000-8000-0000000000ff',
  version: 4,
  key: 'alle-felder',
  title: t('Alle Felder', 'All fields'),
  description: t('Jeder Feldtyp einmal.', 'Every field type once.'),
  audience: { roles: ['tenant'] },
  unitRequired: false,
  offer: 'always',
  sort: 9,
  attachments: { maxFiles: 2, maxBytes: 1000 },
  privacy: { notice: t('Wir verarbeiten Ihre Angaben.', 'We process your details.'), consentRequired: false, version: '1' },
  fields: (
    [
      { key: 'subject', type: 'text', label: t('Betreff', 'Subject'), required: true, maxLength: 20, help: t('Kurz und klar.', 'Short and clear.') },
      { key: 'message', type: 'textarea', label: t('Nachricht', 'Message'), maxLength: 50 },
      { key: 'count', type: 'number', label: t('Anzahl', 'Count'), min: 1, max: 10, decimals: 0 },
      { key: 'amount', type: 'amount', label: t('Betrag', 'Amount'), min: 0 },
      { key: 'day', type: 'date', label: t('Datum', 'Date') },
      { key: 'kind', type: 'select', label: t('Art', 'Kind'), required: true, options: [{ value: 'a', label: t('Erste', 'First') }, { value: 'b', label: t('Zweite', 'Second') }] },
      { key: 'docs', type: 'multiselect', label: t('Dokumente', 'Documents'), required: true, options: [{ value: 'bk', label: t('BK-Abrechnung', 'Statement') }, { value: 'vs', label: t('Vorschreibung', 'Charges') }] },
      { key: 'agree', type: 'yesno', label: t('Einverstanden', 'Agreed'), required: true },
      { key: 'mail', type: 'email', label: t('E-Mail', 'Email') },
      { key: 'tel', type: 'phone', label: t('Telefon', 'Phone') },
      { key: 'iban', type: 'iban', label: t('IBAN', 'IBAN') },
      { key: 'where', type: 'unit', label: t('Welche Einheit?', 'Which unit?') },
      { key: 'note', type: 'info', label: t('Hinweis', 'Note'), text: t('Nur zur Information.', 'For your information only.') },
      { key: 'slots', type: 'timeslots', label: t('Zeitfenster', 'Time windows'), minSlots: 1, maxSlots: 2 },
    ] as Omit<FormField, 'required'>[]
  ).map((f) => ({ required: false, ...f })),
};

export interface FormServer {
  /** Every POST /tickets: its multipart fields and Idempotency-Key. */
  posts: { fields: Record<string, string>; files: File[]; key: string | null }[];
  /** The query of every GET /tickets/duplicates. */
  lookups: string[];
  /** Ids joined. */
  joined: string[];
  /** Tickets created, by Idempotency-Key. */
  created: Map<string, TicketDetail>;
}

/** A fake tickets API: GET /forms with `catalog`, POST /tickets (idempotent by key), duplicates and joining. */
export function formRoutes(catalog: FormCatalog = demoCatalog([top7]), overrides: FakeRoutes = {}, duplicates: TicketSummary[] = [liftTicket]) {
  const server: FormServer = { posts: [], lookups: [], joined: [], created: new Map() };
  const signedIn = (handler: FakeHandler): FakeHandler => (request) => (request.user ? handler(request) : problem(401, 'unauthenticated'));
  const routes: FakeRoutes = {
    'GET /forms': signedIn(() => catalog),
    'POST /tickets': signedIn(({ body, headers }) => {
      const form = body as FormData;
      const fields = Object.fromEntries([...form].filter(([, v]) => typeof v === 'string')) as Record<string, string>;
      const key = headers.get('Idempotency-Key');
      server.posts.push({ fields, files: form.getAll('files') as File[], key });
      const before = key && server.created.get(key);
      if (before) return before;
      const number = `2026-${String(42 + server.created.size).padStart(5, '0')}`;
      const ticket = ticketDetail(ticketSummary(`t-${number}`, number, JSON.parse(fields.values ?? '{}').subject ?? 'Schadensmeldung', 'new'), { firstAnswerBy: '2026-03-13' });
      server.created.set(key ?? number, ticket);
      return { status: 201, body: ticket };
    }),
    'GET /tickets/duplicates': signedIn(({ query }) => {
      server.lookups.push(query.toString());
      return { items: query.get('location') === 'lift' && query.get('category') === 'lift' ? duplicates : [] };
    }),
    'POST /tickets/{id}/affected': signedIn(({ params }) => {
      server.joined.push(params.id!);
      const found = duplicates.find((d) => d.id === params.id);
      return found ? ticketDetail({ ...found, affected: true }) : problem(404, 'not_found');
    }),
    ...overrides,
  };
  return { routes, server };
}

export interface WidgetOptions {
  lang?: 'de' | 'en';
  form?: string;
  signedOut?: boolean;
  /** Answer every upload at once (default); false: the test drives progress and the answer. */
  auto?: boolean;
  /** Return before the catalog has loaded. */
  pending?: boolean;
}

/** `<hp-message-form>` in a session of the demo tenant; its client uploads through fake XHRs over the fake API. */
export async function formWidget(routes: FakeRoutes, options: WidgetOptions = {}) {
  const fake = createFakeApi(routes, { user: options.signedOut ? null : demoMe });
  const xhrs = fakeXhrs(fake.fetch, { auto: options.auto ?? true });
  const client = createApiClient({ baseUrl: fake.client.baseUrl, organization: fake.client.organization, fetch: fake.fetch, shareAcrossTabs: false, xhr: xhrs.xhr });
  const el = await sessionFixture<HpMessageForm>(html`<hp-message-form form=${options.form ?? ''}></hp-message-form>`, { client, lang: options.lang ?? 'de' });
  if (!options.pending) await loaded(el);
  return { el, fake, xhrs };
}

export const root = (el: HpMessageForm) => el.shadowRoot!;
export const $ = <T extends Element = HTMLElement>(el: HpMessageForm, selector: string) => root(el).querySelector<T>(selector)!;
export const $$ = <T extends Element = HTMLElement>(el: HpMessageForm, selector: string) => [...root(el).querySelectorAll<T>(selector)];

/** Visible text, whitespace collapsed. */
export const text = (el: Element) => (el.shadowRoot ?? el).textContent!.replace(/\s+/g, ' ').trim();

/** The catalog has loaded and, when the `form` attribute names one, that form is shown (its part loaded). */
export async function loaded(el: HpMessageForm): Promise<void> {
  await el.catalog.loaded;
  await el.updateComplete;
  await el.formReady;
  await el.updateComplete;
}

/** Opens the form `key` from the list and waits until it is shown (the form-filling part loads on first use). */
export async function pick(el: HpMessageForm, key: string): Promise<void> {
  $(el, `[data-form="${key}"]`).click();
  await el.formReady;
  await el.updateComplete;
}

/** Sets a control's value as typing or choosing does (input and change), optionally leaving it (blur). */
export async function enter(el: HpMessageForm, selector: string, value: string | boolean, leave = false): Promise<void> {
  const control = $<HTMLInputElement>(el, selector);
  if (typeof value === 'boolean') control.checked = value;
  else control.value = value;
  control.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  control.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  if (leave) control.dispatchEvent(new FocusEvent('focusout', { bubbles: true, composed: true }));
  await el.updateComplete;
}

/** Clicks send. */
export async function send(el: HpMessageForm): Promise<void> {
  $(el, '[part=submit]').click();
  await el.updateComplete;
}

/** The error shown at field `key`. */
export const errorAt = (el: HpMessageForm, key: string) => root(el).querySelector(`#e-${key}`)?.textContent?.trim() ?? '';

/** Chooses files in the file input. */
export async function attach(el: HpMessageForm, files: File[]): Promise<void> {
  const input = $<HTMLInputElement>(el, '[data-files]');
  const list = new DataTransfer();
  files.forEach((f) => list.items.add(f));
  input.files = list.files;
  input.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  await el.updateComplete;
}

/** A file of `size` bytes. */
export const file = (name: string, size: number, type = 'image/jpeg') => new File([new Uint8Array(size)], name, { type });

/** The details of every hp-ticket-created and hp-ticket-joined heard on the document, per test. */
export function heard(): { created: TicketRef[]; joined: TicketRef[] } {
  const events = { created: [] as TicketRef[], joined: [] as TicketRef[] };
  const created = (e: Event) => events.created.push((e as HpTicketCreatedEvent).detail);
  const joined = (e: Event) => events.joined.push((e as HpTicketJoinedEvent).detail);
  beforeEach(() => {
    events.created.length = 0;
    events.joined.length = 0;
    document.addEventListener(HpTicketCreatedEvent.eventName, created);
    document.addEventListener(HpTicketJoinedEvent.eventName, joined);
  });
  afterEach(() => {
    document.removeEventListener(HpTicketCreatedEvent.eventName, created);
    document.removeEventListener(HpTicketJoinedEvent.eventName, joined);
  });
  return events;
}

/** Sessions keep drafts: each test starts without. */
export function freshDrafts(): void {
  beforeEach(() => sessionStorage.clear());
}

/** A gate a fake route waits at until the test opens it. */
export function gate(): { wait: Promise<void>; open: () => void } {
  let open = () => {};
  return { wait: new Promise<void>((r) => (open = r)), open: () => open() };
}
