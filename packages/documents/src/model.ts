import type { DocumentCategory, DocumentItem } from '@hausportal/api';
import type { Locale } from '@hausportal/core';

export type DocumentSort = 'newest' | 'oldest';

/** What the reader chose to see. Empty strings mean "all". */
export interface DocumentFilter {
  /** A category id; its subcategories are included. */
  category: string;
  /** A year as {@link yearOf} gives it, e.g. "2025". */
  year: string;
  /** Only documents not read yet. */
  unread: boolean;
  /** Words looked for in the title and the category names (case, accents and umlauts ignored). */
  search: string;
  sort: DocumentSort;
}

export const noFilter: DocumentFilter = { category: '', year: '', unread: false, search: '', sort: 'newest' };

/** True when the filter leaves documents out (or could): a category, a year, "only new" or words to search. */
export const isFiltered = (f: DocumentFilter): boolean => !!(f.category || f.year || f.unread || f.search.trim());

/** Documents in a group and how many of them are unread. */
export interface Counts {
  total: number;
  unread: number;
}

/** One line of the flattened list: a place heading, a category heading (level 1–3) or a document. */
export type Row =
  | { kind: 'place'; key: string; name: string; top: string | null; address: string | null; counts: Counts }
  | { kind: 'category'; key: string; name: string; level: number; counts: Counts | null }
  | { kind: 'document'; key: string; doc: DocumentItem };

/** The organization's categories with their tree order and ancestry. */
export interface CategoryTree {
  byId: Map<string, DocumentCategory>;
  /** Depth-first order: a parent, then its children, each level as the server sorted it. */
  order: DocumentCategory[];
  /** The children of each category (null: the top level), as the server sorted them. */
  children: Map<string | null, DocumentCategory[]>;
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
  return { byId, order, children };
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
      (!filter.year || yearOf(d) === filter.year) &&
      (!filter.unread || unread(d)) &&
      (!words.length || words.every((w) => haystack(d).includes(w))),
  );
  // ISO dates compare as plain strings (no collator: sorting 10,000 stays a few milliseconds).
  const sign = filter.sort === 'oldest' ? -1 : 1;
  const compare = (a: string, b: string) => (a < b ? 1 : a > b ? -1 : 0);
  return shown.sort((a, b) => sign * (compare(a.documentDate, b.documentDate) || compare(a.releasedAt, b.releasedAt)));
}

/**
 * The year a document belongs to, as the server's `year` filter counts it: its period label when that is a year of
 * four digits ("Betriebskostenabrechnung 2025" dated 2026-06-30 belongs to 2025), else the year of its date.
 */
export const yearOf = (d: DocumentItem): string => (/^\d{4}$/.test(d.periodLabel ?? '') ? d.periodLabel! : d.documentDate.slice(0, 4));

/** The years of the documents ({@link yearOf}), newest first. */
export const yearsOf = (items: readonly DocumentItem[]): string[] => [...new Set(items.map(yearOf))].sort().reverse();

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
 * headings and documents, the shape a virtual list needs. Places, and categories among their siblings, follow the
 * sort: the one with the newest document first (sorted oldest first: the one with the oldest); on the same date
 * places go by property name and Top (personal last), categories in the tree's order. A category heading counts its
 * subcategories' documents too, except when its only subcategory shown follows with the same count (counts null);
 * `personal` names the group of documents released to me in person.
 */
export function flatten(docs: readonly DocumentItem[], tree: CategoryTree, locale: Locale, personal: string, sort: DocumentSort): Row[] {
  const places = new Map<string, DocumentItem[]>();
  for (const d of docs) push(places, placeKey(d), d);
  const sign = sort === 'oldest' ? -1 : 1;
  const byDate = (a: string, b: string) => (a < b ? sign : a > b ? -sign : 0);
  const rows: Row[] = [];
  // A group's first document (the list is sorted) is its newest, or its oldest: the group is ranked by its date.
  for (const [key, list] of [...places].sort(([, a], [, b]) => byDate(a[0]!.documentDate, b[0]!.documentDate) || comparePlaces(a[0]!, b[0]!))) {
    const { place } = list[0]!;
    const counts: Counts = { total: 0, unread: 0 };
    const perCategory = new Map<string, Counts & { date: string }>();
    const direct = new Map<string, DocumentItem[]>();
    for (const d of list) {
      add(counts, d);
      for (const c of lineage(tree, d.categoryId)) {
        let sub = perCategory.get(c.id);
        if (!sub) perCategory.set(c.id, (sub = { total: 0, unread: 0, date: d.documentDate }));
        add(sub, d);
      }
      push(direct, d.categoryId, d);
    }
    rows.push({ kind: 'place', key, name: place.propertyName ?? personal, top: place.top, address: place.address, counts });
    // `above`: the heading of `parent`; over its only subcategory shown (no documents of its own) it shows no count.
    const visit = (parent: string | null, above?: { counts: Counts | null }) => {
      const shown = (tree.children.get(parent) ?? []).filter((c) => perCategory.has(c.id));
      if (above && shown.length === 1 && !direct.has(parent!)) above.counts = null;
      for (const c of shown.sort((a, b) => byDate(perCategory.get(a.id)!.date, perCategory.get(b.id)!.date))) {
        const heading = { kind: 'category' as const, key: `${key}/${c.id}`, name: c.name[locale], level: c.depth, counts: perCategory.get(c.id)! as Counts | null };
        rows.push(heading);
        for (const d of direct.get(c.id) ?? []) rows.push({ kind: 'document', key: d.id, doc: d });
        visit(c.id, heading);
      }
    };
    visit(null);
    // Documents of a category the list of categories does not (yet) know stay visible, at the end of their place.
    for (const [id, orphans] of direct) {
      if (!tree.byId.has(id)) for (const d of orphans) rows.push({ kind: 'document', key: d.id, doc: d });
    }
  }
  return rows;
}
