import { html } from '@open-wc/testing';
import type { DocumentItem, Me } from '@hausportal/api';
import { createFakeApi, demoMe, problem, sessionFixture, dataValues, shadowQuery, signedIn, unreadCounts as heard, visibleText, type FakeRoutes } from '@hausportal/core/testing.js';
import { HpDocumentsUnreadEvent, type HpDocuments } from '../src/index.js';
import { demoCategories, documentItem, documentPage, newestFirst, place } from '../src/testing.js';
import '../src/define.js';

const naschmarkt = { id: 'prop-naschmarkt', name: 'Wohnhausanlage Naschmarkt', address: 'Linke Wienzeile 48, 1060 Wien' };
const top7 = { id: 'unit-top-7', top: '7' };
const read = (date: string) => ({ seenAt: `${date}T10:00:00Z` });

/** Seven documents of a tenant of Top 7: four of the unit, two of the property, one personal; three unread. */
export const documents: DocumentItem[] = [
  documentItem('doc-bk-2025', 'Betriebskostenabrechnung 2025', 'cat-bk-abrechnung', '2026-03-15', place(naschmarkt, top7), { periodLabel: '2025', size: 120_500 }),
  documentItem('doc-vorschreibung', 'Vorschreibung 2026', 'cat-vorschreibung', '2026-01-02', place(naschmarkt, top7), read('2026-01-03')),
  documentItem('doc-mietvertrag', 'Mietvertrag Top 7', 'cat-mietvertrag', '2024-03-01', place(naschmarkt, top7), read('2024-03-02')),
  documentItem('doc-energie', 'Energieausweis', 'cat-energieausweis', '2022-08-01', place(naschmarkt, top7), {
    ...read('2022-08-02'),
    fileName: 'Energieausweis Top 7 – Müller & Söhne.pdf',
    size: 2_400_000,
  }),
  documentItem('doc-hausordnung', 'Hausordnung', 'cat-hausordnung', '2023-05-10', place(naschmarkt)),
  documentItem('doc-protokoll', 'Protokoll der Eigentümerversammlung 2025', 'cat-versammlung', '2025-11-20', place(naschmarkt), read('2025-11-21')),
  documentItem('doc-mahnung', 'Zahlungserinnerung März', 'cat-mahnungen', '2026-03-20', place()),
];

export interface DocumentServer {
  items: DocumentItem[];
  /** limit and cursor of every GET /documents. */
  pages: { limit: string | null; cursor: string | null }[];
  /** The `ids` query of every archive download. */
  archives: string[];
  /** Units GET /units answers with (one by default). */
  units: number;
  /** The body of every POST /documents/read. */
  markAll: unknown[];
  /** The id of every POST /documents/{id}/read, in the order they came. */
  marked: string[];
}

/** A fake documents API over `items`: list, categories, mark read, file and ZIP downloads (which mark read). */
export function documentRoutes(items: DocumentItem[] = documents, overrides: FakeRoutes = {}): { routes: FakeRoutes; server: DocumentServer } {
  const server: DocumentServer = { items: items.map((d) => ({ ...d })), pages: [], archives: [], units: 1, markAll: [], marked: [] };
  const open = (ids: string[]) => {
    server.items = server.items.map((d) => (ids.includes(d.id) ? { ...d, seenAt: d.seenAt ?? '2026-04-01T09:00:00Z', openedAt: '2026-04-01T09:00:00Z' } : d));
  };
  const unread = () => server.items.filter((d) => !d.seenAt).length;
  const routes: FakeRoutes = {
    'GET /document-categories': signedIn(() => ({ items: demoCategories })),
    'GET /documents': signedIn(({ query }) => {
      server.pages.push({ limit: query.get('limit'), cursor: query.get('cursor') });
      return documentPage(newestFirst(server.items), Number(query.get('limit') ?? 100), query.get('cursor'));
    }),
    'GET /units': signedIn(() => ({ items: Array.from({ length: server.units }, (_, i) => ({ id: `unit-${i}` })), properties: [], nextCursor: null })),
    'POST /documents/read': signedIn(({ body }) => {
      server.markAll.push(body);
      const category = (body as { category?: string }).category;
      const inCategory = (id: string): boolean => !category || id === category || demoCategories.some((c) => c.id === id && !!c.parentId && inCategory(c.parentId));
      const before = unread();
      server.items = server.items.map((d) => (inCategory(d.categoryId) ? { ...d, seenAt: d.seenAt ?? '2026-04-01T09:00:00Z' } : d));
      return { marked: before - unread(), unreadCount: unread() };
    }),
    'POST /documents/{id}/read': signedIn(({ params }) => {
      server.marked.push(params.id!);
      const doc = server.items.find((d) => d.id === params.id);
      if (!doc) return problem(404, 'not_found');
      server.items = server.items.map((d) => (d === doc ? { ...d, seenAt: d.seenAt ?? '2026-04-01T09:00:00Z' } : d));
      return { id: doc.id, seenAt: '2026-04-01T09:00:00Z', openedAt: doc.openedAt, unreadCount: unread() };
    }),
    'GET /documents/{id}/file': signedIn(({ params }) => {
      const doc = server.items.find((d) => d.id === params.id);
      if (!doc) return problem(404, 'not_found');
      open([doc.id]);
      return { status: 200, body: new Blob([`%PDF-1.4 ${doc.title}`], { type: 'application/pdf' }) };
    }),
    'GET /documents/archive': signedIn(({ query }) => {
      const ids = query.get('ids') ?? '';
      server.archives.push(ids);
      // Like the server: one id that is not (or no longer) mine and nothing is sent.
      if (!ids.split(',').every((id) => server.items.some((d) => d.id === id))) return problem(404, 'not_found');
      open(ids.split(','));
      return { status: 200, body: new Blob(['PK\u0005\u0006'], { type: 'application/zip' }) };
    }),
    ...overrides,
  };
  return { routes, server };
}

/** `<hp-documents>` in a session of `user` (the demo tenant unless given) on the given routes. */
export async function documentsWidget(routes: FakeRoutes, options: { user?: Me | null; lang?: 'de' | 'en'; attrs?: Record<string, string> } = {}) {
  const fake = createFakeApi(routes, { user: options.user === undefined ? demoMe : options.user });
  const el = await sessionFixture<HpDocuments>(html`<hp-documents></hp-documents>`, { client: fake.client, lang: options.lang ?? 'de' });
  return { el, fake };
}

export const root = (el: HpDocuments) => el.shadowRoot!;

/** Visible text of the element, whitespace collapsed. */
export const text = visibleText;

/** Ids of the document rows in the order shown. */
export const rowIds = (el: HpDocuments) => dataValues(el, 'document');

export const row = (el: HpDocuments, id: string) => shadowQuery(el, `[data-document="${id}"]`);

/** The headings of the list with their level: "3 Wohnhausanlage Naschmarkt". */
export const headings = (el: HpDocuments) =>
  [...root(el).querySelectorAll<HTMLElement>('[part=list] h3, [part=list] [role=heading]')].map((h) => `${h.getAttribute('aria-level') ?? '3'} ${text(h)}`);

/** Resolves once the first page (or a final state) is shown. */
export async function loaded(el: HpDocuments): Promise<void> {
  await el.store.loaded;
  await el.updateComplete;
}

/** The select of the toolbar whose label contains `label`. */
export const select = (el: HpDocuments, label: string) =>
  [...root(el).querySelectorAll('[part=toolbar] label')].find((l) => l.textContent!.includes(label))!.querySelector('select')!;

/** Chooses `value` in the toolbar's select labelled `label`. */
export async function choose(el: HpDocuments, label: string, value: string): Promise<void> {
  const box = select(el, label);
  box.value = value;
  box.dispatchEvent(new Event('change'));
  await el.updateComplete;
}

/** Types `words` into the search. */
export async function search(el: HpDocuments, words: string): Promise<void> {
  const input = root(el).querySelector<HTMLInputElement>('#search')!;
  input.value = words;
  input.dispatchEvent(new Event('input'));
  await el.updateComplete;
}

/** The counts of every `hp-documents-unread` heard on the document (it bubbles and is composed), per test. */
export const unreadCounts = () => heard(HpDocumentsUnreadEvent.eventName);

export { gate } from '@hausportal/core/testing.js';

export const button = (el: HpDocuments, selector: string) => root(el).querySelector<HTMLButtonElement>(selector)!;

/** Ids of the rows marked unread. */
export const unreadRows = (el: HpDocuments) => [...root(el).querySelectorAll<HTMLElement>('.document.unread')].map((r) => r.dataset.document);
