import type { DocumentCategory, DocumentItem } from '@hausportal/api';
import type { Locale } from '@hausportal/core';

export type DocumentSort = 'newest' | 'oldest';

/** What the reader chose to see. Empty strings mean "all". */
export interface DocumentFilter {
  /** A category id; its subcategories are included. */
  category: string;
  /** A year of the document date, e.g. "2025". */
  year: string;
  /** Only documents not read yet. */
  unread: boolean;
  /** Words looked for in the title and the category names (case, accents and umlauts ignored). */
  search: string;
  sort: DocumentSort;
}

export const noFilter: DocumentFilter = { category: '', year: '', unread: false, search: '', sort: 'newest' };

/** Documents in a group and how many of them are unread. */
export interface Counts {
  total: number;
  unread: number;
}

/** One line of the flattened list: a place heading, a category heading (level 1–3) or a document. */
export type Row =
  | { kind: 'place'; key: string; name: string; top: string | null; address: string | null; counts: Counts }
  | { kind: 'category'; key: string; name: string; level: number; counts: Counts }
  | { kind: 'document'; key: string; doc: DocumentItem; level: number };

/** The organization's categories with their tree order and ancestry. */
export interface CategoryTree {
  byId: Map<string, DocumentCategory>;
  /** Depth-first order: a parent, then its children, each level as the server sorted it. */
  order: DocumentCategory[];
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export function categoryTree(categories: readonly DocumentCategory[]): CategoryTree {
  const byId = new Map(categories.map((c) => [c.id, c]));
  const children = new Map<string | null, DocumentCategory[]>();
  for (const c of categories) {
    const parent = c.parentId && byId.has(c.parentId) ? c.parentId : null;
    push(children, parent, c);
  }
  const order: DocumentCategory[] = [];
  const visit = (parent: string | null) => {
    for (const c of children.get(parent) ?? []) {
      order.push(c);
      visit(c.id);
    }
  };
  visit(null);
  return { byId, order };
}

/** The category and its ancestors, nearest first. */
export function lineage(tree: CategoryTree, id: string): DocumentCategory[] {
  const chain: DocumentCategory[] = [];
  for (let c = tree.byId.get(id); c && chain.length < 4; c = c.parentId ? tree.byId.get(c.parentId) : undefined) chain.push(c);
  return chain;
}

/** Text for matching: lower case, accents dropped, ß → ss, and ä/ae, ö/oe, ü/ue alike. */
export const fold = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/([aou])e/g, '$1');

const unread = (d: DocumentItem) => !d.seenAt;

const titles = new WeakMap<DocumentItem, string>();
/** The folded title, worked out once per document object (searching 10,000 titles on every key stays cheap). */
function foldedTitle(d: DocumentItem): string {
  let title = titles.get(d);
  if (title === undefined) titles.set(d, (title = fold(d.title)));
  return title;
}

/** Documents matching the filter, sorted by document date as chosen (ties: the later release first). */
export function filterDocuments(items: readonly DocumentItem[], tree: CategoryTree, filter: DocumentFilter, locale: Locale): DocumentItem[] {
  const words = fold(filter.search).split(/\s+/).filter(Boolean);
  const names = new Map<string, string>();
  const haystack = (d: DocumentItem) => {
    let cats = names.get(d.categoryId);
    if (cats === undefined) names.set(d.categoryId, (cats = fold(lineage(tree, d.categoryId).map((c) => c.name[locale]).join(' '))));
    return `${foldedTitle(d)} ${cats}`;
  };
  const shown = items.filter(
    (d) =>
      (!filter.category || lineage(tree, d.categoryId).some((c) => c.id === filter.category)) &&
      (!filter.year || d.documentDate.startsWith(filter.year)) &&
      (!filter.unread || unread(d)) &&
      (!words.length || words.every((w) => haystack(d).includes(w))),
  );
  // ISO dates compare as plain strings (no collator: sorting 10,000 stays a few milliseconds).
  const sign = filter.sort === 'oldest' ? -1 : 1;
  const compare = (a: string, b: string) => (a < b ? 1 : a > b ? -1 : 0);
  return shown.sort((a, b) => sign * (compare(a.documentDate, b.documentDate) || compare(a.releasedAt, b.releasedAt)));
}

/** The years of the documents' dates, newest first. */
export const yearsOf = (items: readonly DocumentItem[]): string[] =>
  [...new Set(items.map((d) => d.documentDate.slice(0, 4)))].sort().reverse();

/** The categories that hold documents (directly or below them), in tree order. */
export function usedCategories(items: readonly DocumentItem[], tree: CategoryTree): DocumentCategory[] {
  const used = new Set(items.flatMap((d) => lineage(tree, d.categoryId).map((c) => c.id)));
  return tree.order.filter((c) => used.has(c.id));
}

const collator = new Intl.Collator('de', { numeric: true, sensitivity: 'base' });

/** Grouping key of a document's place: its unit, else its property, else personal. */
const placeKey = (d: DocumentItem) => (d.place.unitId ? `u:${d.place.unitId}` : d.place.propertyId ? `p:${d.place.propertyId}` : 'personal');

/** Property name, then the property as a whole before its units, units by Top; personal documents last. */
function comparePlaces(a: DocumentItem, b: DocumentItem): number {
  const pa = a.place;
  const pb = b.place;
  if (!pa.propertyId || !pb.propertyId) return Number(!pa.propertyId) - Number(!pb.propertyId);
  return collator.compare(pa.propertyName ?? '', pb.propertyName ?? '') || collator.compare(pa.top ?? '', pb.top ?? '');
}

const add = (counts: Counts, d: DocumentItem) => {
  counts.total++;
  if (unread(d)) counts.unread++;
};

/**
 * Groups the (filtered, sorted) documents by place, then category, and flattens the groups into one list of
 * headings and documents, the shape a virtual list needs. A category heading counts its subcategories' documents
 * too; `personal` names the group of documents released to me in person.
 */
export function flatten(docs: readonly DocumentItem[], tree: CategoryTree, locale: Locale, personal: string): Row[] {
  const places = new Map<string, DocumentItem[]>();
  for (const d of docs) {
    push(places, placeKey(d), d);
  }
  const rows: Row[] = [];
  for (const [key, list] of [...places].sort((a, b) => comparePlaces(a[1][0]!, b[1][0]!))) {
    const { place } = list[0]!;
    const counts: Counts = { total: 0, unread: 0 };
    const perCategory = new Map<string, Counts>();
    const direct = new Map<string, DocumentItem[]>();
    for (const d of list) {
      add(counts, d);
      for (const c of lineage(tree, d.categoryId)) {
        let sub = perCategory.get(c.id);
        if (!sub) perCategory.set(c.id, (sub = { total: 0, unread: 0 }));
        add(sub, d);
      }
      push(direct, d.categoryId, d);
    }
    rows.push({ kind: 'place', key, name: place.propertyName ?? personal, top: place.top, address: place.address, counts });
    const known = tree.order.filter((c) => perCategory.has(c.id));
    for (const c of known) {
      rows.push({ kind: 'category', key: `${key}/${c.id}`, name: c.name[locale], level: c.depth, counts: perCategory.get(c.id)! });
      for (const d of direct.get(c.id) ?? []) rows.push({ kind: 'document', key: d.id, doc: d, level: c.depth });
    }
    // Documents of a category the list of categories does not (yet) know stay visible, at the end of their place.
    for (const [id, orphans] of direct) {
      if (!tree.byId.has(id)) for (const d of orphans) rows.push({ kind: 'document', key: d.id, doc: d, level: 1 });
    }
  }
  return rows;
}
