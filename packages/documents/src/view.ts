import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { msg } from '@lit/localize';
import type { DocumentCategory, DocumentItem } from '@hausportal/api';
import type { Locale } from '@hausportal/core';
import { categoryTree, filterDocuments, flatten, noFilter, usedCategories, yearsOf, type CategoryTree, type DocumentFilter, type Row } from './model.js';

/** What the list shows for the current documents, filter and language. */
export interface DocumentView {
  rows: Row[];
  /** The documents shown, in list order. */
  docs: DocumentItem[];
  /** Ids of the unread documents shown. */
  unread: string[];
  tree: CategoryTree;
  /** Years and categories that hold documents: the choices of the filters. */
  years: string[];
  categories: DocumentCategory[];
}

/**
 * The reader's filter, sort and ticked documents, and the list derived from them: recomputed only when the
 * documents, the filter or the language changed, so re-renders of 10,000 documents stay cheap.
 */
export class ViewController implements ReactiveController {
  filter: DocumentFilter = noFilter;
  /** Ids of the ticked documents (kept while the filter changes). */
  selected = new Set<string>();
  private cache?: { items: readonly DocumentItem[]; categories: readonly DocumentCategory[]; filter: DocumentFilter; locale: Locale; view: DocumentView };

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected(): void {}

  setFilter(change: Partial<DocumentFilter>): void {
    this.filter = { ...this.filter, ...change };
    this.host.requestUpdate();
  }

  /** Back to every document (the sort order stays). */
  reset(): void {
    this.setFilter({ ...noFilter, sort: this.filter.sort });
  }

  select(ids: readonly string[], on: boolean): void {
    const next = new Set(this.selected);
    for (const id of ids) on ? next.add(id) : next.delete(id);
    this.selected = next;
    this.host.requestUpdate();
  }

  view(items: readonly DocumentItem[], categories: readonly DocumentCategory[], locale: Locale): DocumentView {
    const c = this.cache;
    if (c && c.items === items && c.categories === categories && c.filter === this.filter && c.locale === locale) return c.view;
    const tree = c?.categories === categories ? c.view.tree : categoryTree(categories);
    const docs = filterDocuments(items, tree, this.filter, locale);
    const known = c?.items === items ? c.view : { years: yearsOf(items), categories: usedCategories(items, tree) };
    const rows = flatten(docs, tree, locale, msg('Personal', { id: 'docs.personal' }), this.filter.sort);
    const view = { rows, docs, unread: docs.filter((d) => !d.seenAt).map((d) => d.id), tree, years: known.years, categories: known.categories };
    this.cache = { items, categories, filter: this.filter, locale, view };
    return view;
  }
}
