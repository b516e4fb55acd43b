import type { DocumentCategory, DocumentItem, DocumentPage, DocumentPlace } from '@hausportal/api';

export { yearOf } from './model.js';

// No DOM and no element here: Node scripts (the bench, the mock API) import this file as
// `@hausportal/documents/testing.js`.

const category = (id: string, de: string, en: string, sort: number, parentId: string | null = null, sensitive = false): DocumentCategory => ({
  id,
  parentId,
  name: { de, en },
  sort,
  depth: parentId ? 2 : 1,
  defaultRoles: 'both',
  defaultNotify: 'immediate',
  mandatory: false,
  sensitive,
});

/**
 * The demo organization's categories with the seed's names (server/src/seed/documents-data.ts): "Verträge" and
 * "Protokolle und Beschlüsse" with two subcategories each.
 */
export const demoCategories: DocumentCategory[] = [
  category('cat-bk-abrechnung', 'BK-Abrechnung', 'Operating-cost statement', 1),
  category('cat-vorschreibung', 'Vorschreibung', 'Charges', 2),
  category('cat-vertraege', 'Verträge', 'Contracts', 3),
  category('cat-protokolle', 'Protokolle und Beschlüsse', 'Minutes and resolutions', 4),
  category('cat-hausordnung', 'Hausordnung', 'House rules', 5),
  category('cat-plaene', 'Pläne', 'Plans', 6),
  category('cat-energieausweis', 'Energieausweis', 'Energy certificate', 7),
  category('cat-versicherung', 'Versicherung', 'Insurance', 8),
  category('cat-mahnungen', 'Mahnungen', 'Payment reminders', 9, null, true),
  category('cat-sonstiges', 'Sonstiges', 'Other', 10),
  category('cat-mietvertrag', 'Mietverträge', 'Leases', 1, 'cat-vertraege'),
  category('cat-we-vertrag', 'Wohnungseigentumsverträge', 'Condominium agreements', 2, 'cat-vertraege'),
  category('cat-versammlung', 'Eigentümerversammlung', "Owners' meeting", 1, 'cat-protokolle'),
  category('cat-umlauf', 'Umlaufbeschlüsse', 'Circular resolutions', 2, 'cat-protokolle'),
];

/** A place of a document: a unit (with `top`), a whole property, or personal (no property). */
export function place(property?: { id: string; name: string; address: string }, unit?: { id: string; top: string }): DocumentPlace {
  return {
    propertyId: property?.id ?? null,
    propertyName: property?.name ?? null,
    address: property?.address ?? null,
    unitId: unit?.id ?? null,
    top: unit?.top ?? null,
  };
}

/** A document as GET /documents lists it; unread unless `seenAt` is given. */
export function documentItem(id: string, title: string, categoryId: string, documentDate: string, where: DocumentPlace, extra: Partial<DocumentItem> = {}): DocumentItem {
  return {
    id,
    title,
    categoryId,
    documentDate,
    periodLabel: null,
    fileName: `${title}.pdf`,
    mimeType: 'application/pdf',
    size: 48_200,
    releasedAt: `${documentDate}T08:00:00Z`,
    place: where,
    seenAt: null,
    openedAt: null,
    ...extra,
  };
}

const kinds: [categoryId: string, title: string, level: 'unit' | 'property' | 'personal'][] = [
  ['cat-bk-abrechnung', 'Betriebskostenabrechnung', 'unit'],
  ['cat-vorschreibung', 'Vorschreibung', 'unit'],
  ['cat-mietvertrag', 'Mietvertrag', 'unit'],
  ['cat-energieausweis', 'Energieausweis', 'unit'],
  ['cat-hausordnung', 'Hausordnung', 'property'],
  ['cat-versammlung', 'Protokoll der Eigentümerversammlung', 'property'],
  ['cat-umlauf', 'Umlaufbeschluss Fassadensanierung', 'property'],
  ['cat-versicherung', 'Gebäudeversicherung Polizze', 'property'],
  ['cat-plaene', 'Einreichplan', 'property'],
  ['cat-mahnungen', 'Zahlungserinnerung', 'personal'],
  ['cat-sonstiges', 'Schreiben der Hausverwaltung', 'personal'],
];

/**
 * `n` made-up documents of one person across 20 units in 5 properties, every kind of place and category, dates over
 * ten years, one in three unread; newest first, as the server lists them. Deterministic, for tests, stories and the
 * bench.
 */
export function generateDocuments(n: number): DocumentItem[] {
  const items: DocumentItem[] = [];
  for (let i = 0; i < n; i++) {
    const [categoryId, title, level] = kinds[(i * 7) % kinds.length]!;
    const p = i % 5;
    const property = { id: `property-${p + 1}`, name: `Wohnhausanlage ${p + 1}`, address: `Gumpendorfer Straße ${p * 10 + 4}, 1060 Wien` };
    const year = 2026 - (i % 10);
    const date = `${year}-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`;
    const where = level === 'personal' ? place() : level === 'property' ? place(property) : place(property, { id: `unit-${p + 1}-${i % 4}`, top: `W${(i % 4) + 1}` });
    const id = `doc-${String(i + 1).padStart(6, '0')}`;
    items.push(documentItem(id, `${title} ${year} Nr. ${i + 1}`, categoryId, date, where, {
      periodLabel: String(year),
      size: 20_000 + ((i * 7919) % 900_000),
      seenAt: i % 3 === 0 ? null : `${date}T12:00:00Z`,
    }));
  }
  return newestFirst(items);
}

const encode = (offset: number) => `at${offset.toString(36)}`;
const decode = (cursor: string) => parseInt(cursor.slice(2), 36);

/** Documents in the order GET /documents lists them: newest document date first, then the newest release. */
export const newestFirst = (items: readonly DocumentItem[]): DocumentItem[] =>
  [...items].sort((a, b) => b.documentDate.localeCompare(a.documentDate) || b.releasedAt.localeCompare(a.releasedAt));

/**
 * One page of `items` (already in the server's order, see {@link newestFirst}) as GET /documents answers it,
 * `unreadCount` over all of them.
 */
export function documentPage(items: readonly DocumentItem[], limit = 100, cursor?: string | null): DocumentPage {
  const start = cursor ? decode(cursor) : 0;
  const end = Math.min(start + limit, items.length);
  let unreadCount = unreadCounts.get(items);
  if (unreadCount === undefined) unreadCounts.set(items, (unreadCount = items.filter((d) => !d.seenAt).length));
  return { items: items.slice(start, end), nextCursor: end < items.length ? encode(end) : null, unreadCount };
}

// Counted once per list: paging through 10,000 documents must not count them 50 times (the bench times the widget).
const unreadCounts = new WeakMap<readonly DocumentItem[], number>();
