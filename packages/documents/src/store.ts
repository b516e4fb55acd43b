import type { ReactiveControllerHost } from 'lit';
import { msg, str } from '@lit/localize';
import { ApiError, dataOf, type ApiClient, type DocumentCategory, type DocumentItem, type DocumentPage } from '@hausportal/api';
import { downloadBlob, loadVirtualizer, problemMessage, SessionStore, type Session } from '@hausportal/core';
import { HpDocumentsUnreadEvent } from './events.js';

/** Page size used to load the list (the API's maximum). */
export const PAGE_SIZE = 200;
/** Most documents one ZIP may hold (GET /documents/archive). */
export const ZIP_LIMIT = 200;
/** Most requests marking single documents read at a time. */
export const CONCURRENT = 6;

/** A 404: the document (or one of them) is not, or no longer, shared with me. */
const isGone = (error: unknown) => error instanceof ApiError && error.status === 404;

export interface StoreHost extends ReactiveControllerHost, EventTarget {
  api?: ApiClient;
  session?: Session;
  readonly authenticated: boolean;
  /** Lists longer than this are virtualized: the virtualizer is loaded before they show. */
  readonly virtualizeAbove: number;
}

/** What the first load brings besides the documents. */
export interface Library {
  categories: DocumentCategory[];
  /** No document and not a single unit or contract: the reason there is nothing. */
  noUnits: boolean;
}

const page = (api: ApiClient, cursor: string | null, signal: AbortSignal): Promise<DocumentPage> =>
  dataOf(api.GET('/documents', { params: { query: cursor ? { limit: PAGE_SIZE, cursor } : { limit: PAGE_SIZE } }, signal }));

async function hasUnits(api: ApiClient, signal: AbortSignal): Promise<boolean> {
  try {
    return (await dataOf(api.GET('/units', { params: { query: { limit: 1 } }, signal }))).items.length > 0;
  } catch {
    return true;
  }
}

/**
 * My documents and their read state. The first page shows at once; the following pages load behind it and are
 * appended. Read state changes (mark all read, downloads) update the list in place, and every change of the unread
 * total is announced with `hp-documents-unread`. Nothing is fetched directly: the session's client does it.
 */
export class DocumentStore extends SessionStore<StoreHost> {
  items: DocumentItem[] = [];
  /** What the first load brought: undefined while it runs (or failed), null when nobody is signed in. */
  library?: Library | null;
  /** Why the first load failed, if it did. */
  error: unknown;
  /** All my unread documents (the server's count); undefined until known. */
  unread?: number;
  /** Why loading the later pages stopped, if it did. */
  moreError: unknown;
  /** The sentence about the last action that failed ('' when none did). */
  notice = '';
  /** An action (mark read, download) is running. */
  busy = false;
  /** Settles when the pages after the first have loaded (or failed). */
  pages: Promise<void> = Promise.resolve();
  private cursor: string | null = null;
  private rest?: AbortController;
  private drawn = 0;

  /**
   * Loads the categories and the first page (the list shows loading meanwhile), then the later pages behind them.
   * Nobody signed in: an empty list and no unread count. A load started later stops this one.
   */
  async load(): Promise<void> {
    const { signal } = this.abortRest();
    const [api, user] = this.key;
    this.items = [];
    this.cursor = null;
    this.notice = '';
    this.error = undefined;
    this.library = api && user ? undefined : null;
    this.host.requestUpdate();
    if (!api || !user) return this.setUnread(undefined);
    try {
      const [categories, first] = await Promise.all([dataOf(api.GET('/document-categories', { signal })), page(api, null, signal)]);
      const noUnits = !first.items.length && !(await hasUnits(api, signal));
      if (first.nextCursor || first.items.length > this.host.virtualizeAbove) await loadVirtualizer();
      if (signal.aborted) return;
      this.items = first.items;
      this.setUnread(first.unreadCount);
      this.library = { categories: categories.items, noUnits };
      this.pages = this.loadRest(first.nextCursor);
    } catch (error) {
      if (!signal.aborted) this.error = error;
    }
    this.host.requestUpdate();
  }

  /** Stops the loading under way (first load, later pages or a reload); the controller of the next one. */
  private abortRest(): AbortController {
    this.rest?.abort();
    return (this.rest = new AbortController());
  }

  /** True while later pages are still coming. */
  get loadingMore(): boolean {
    return !!this.cursor && !this.moreError;
  }

  /** Loads the pages from `cursor` on (again, after an error). */
  async loadRest(cursor = this.cursor): Promise<void> {
    const api = this.host.api;
    const rest = this.abortRest();
    this.cursor = cursor;
    this.drawn = this.items.length;
    this.moreError = undefined;
    this.host.requestUpdate();
    try {
      while (api && this.cursor) {
        const next = await page(api, this.cursor, rest.signal);
        if (rest.signal.aborted) return;
        this.items = this.items.concat(next.items);
        this.setUnread(next.unreadCount);
        this.cursor = next.nextCursor;
        // Drawn again when the list has grown fourfold since it was last drawn: 10,000 documents in pages of 200 are
        // drawn at 200, 800, 3,200 and all, not 50 times.
        if (this.items.length >= 4 * this.drawn) {
          this.drawn = this.items.length;
          this.host.requestUpdate();
        }
      }
    } catch (error) {
      if (!rest.signal.aborted) this.moreError = error;
    }
    this.host.requestUpdate();
  }

  /**
   * Marks the documents `ids` read (the unread ones shown). With `category` (a category id, or '' for every
   * document), when `ids` are exactly the unread ones of that category and its subcategories, one POST /documents/read
   * does it; otherwise each is marked with POST /documents/{id}/read, at most {@link CONCURRENT} at a time. The unread
   * total comes from the server's answers. A document no longer shared (404) is left out and the list reloaded.
   */
  markRead(ids: readonly string[], category?: string): Promise<void> {
    return this.act(async (api) => {
      if (category !== undefined) {
        const result = await dataOf(api.POST('/documents/read', { body: category ? { category } : {} }));
        return this.mark(ids, false, result.unreadCount);
      }
      const done: string[] = [];
      let left = Infinity;
      let failure: unknown;
      let next = 0;
      const worker = async () => {
        for (let id; (id = ids[next++]); ) {
          try {
            // Answers may come in any order; the unread total only goes down meanwhile.
            left = Math.min(left, (await dataOf(api.POST('/documents/{id}/read', { params: { path: { id } } }))).unreadCount);
            done.push(id);
          } catch (error) {
            if (!failure || isGone(failure)) failure = error;
          }
        }
      };
      await Promise.all(Array.from({ length: CONCURRENT }, worker));
      this.mark(done, false, done.length ? left : undefined);
      if (failure) throw failure;
    }, (reason) => msg(str`The documents could not be marked as read: ${reason}`, { id: 'docs.markFailed' }), '');
  }

  /**
   * Downloads one document through the session's client; the server counts it as opened, so it is read here too.
   * When it is no longer shared (404: its release was revoked meanwhile), its row goes and the list is reloaded.
   */
  download(doc: DocumentItem): Promise<void> {
    return this.act(async (api) => {
      try {
        downloadBlob(doc.fileName, await dataOf(api.GET('/documents/{id}/file', { params: { path: { id: doc.id } }, parseAs: 'blob' })));
      } catch (error) {
        if (isGone(error)) this.items = this.items.filter((d) => d.id !== doc.id);
        throw error;
      }
      this.mark([doc.id], true);
    }, this.downloadFailed, msg('This document is no longer shared with you.', { id: 'docs.gone' }));
  }

  /**
   * Downloads the documents `ids` (at most {@link ZIP_LIMIT}) as one ZIP; each counts as opened. When one of them is
   * no longer shared, the server sends nothing (404): the list is reloaded and the reader asked to download again.
   */
  downloadZip(ids: string[]): Promise<void> {
    return this.act(async (api) => {
      const query = { ids };
      const blob = await dataOf(api.GET('/documents/archive', { params: { query }, querySerializer: { array: { style: 'form', explode: false } }, parseAs: 'blob' }));
      downloadBlob(msg('Documents.zip', { id: 'docs.zipName' }), blob);
      this.mark(ids, true);
    }, this.downloadFailed, msg('Some documents are no longer shared; the list has been updated. Please download again.', { id: 'docs.zipGone' }));
  }

  /**
   * Loads every page again and replaces the list when all have come, without a loading state (the list stays as it
   * is meanwhile): after a document turned out to be no longer shared.
   */
  async reload(): Promise<void> {
    const rest = this.abortRest();
    let items: DocumentItem[] = [];
    let cursor: string | null = null;
    try {
      do {
        const next: DocumentPage = await page(this.host.api!, cursor, rest.signal);
        items = items.concat(next.items);
        cursor = next.nextCursor;
        this.setUnread(next.unreadCount);
      } while (cursor);
      if (rest.signal.aborted) return;
      this.items = items;
      this.cursor = null;
    } catch (error) {
      // When it interrupted the later pages, their retry goes on from where they were.
      if (!rest.signal.aborted && this.cursor) this.moreError = error;
    }
    this.host.requestUpdate();
  }

  private readonly downloadFailed = (reason: string) => msg(str`The download failed: ${reason}`, { id: 'docs.downloadFailed' });

  /**
   * Runs an action with `busy` set. A failure becomes the notice `failed(reason)`; a 404 when `gone` is given becomes
   * the notice `gone` ('' for none) and reloads the list quietly.
   */
  private async act(action: (api: ApiClient) => Promise<void>, failed: (reason: string) => string, gone?: string): Promise<void> {
    const api = this.host.api;
    if (!api || this.busy) return;
    this.busy = true;
    this.notice = '';
    this.host.requestUpdate();
    try {
      await action(api);
    } catch (error) {
      const revoked = gone !== undefined && isGone(error);
      this.notice = revoked ? gone : failed(problemMessage(error));
      if (revoked) this.pages = this.reload();
    }
    this.busy = false;
    this.host.requestUpdate();
  }

  /** Marks `ids` read (and opened) now; the unread total is the server's when given, else counted down. */
  private mark(ids: readonly string[], opened: boolean, unread?: number): void {
    const chosen = new Set(ids);
    const now = new Date().toISOString();
    let newlyRead = 0;
    this.items = this.items.map((d) => {
      if (!chosen.has(d.id)) return d;
      if (!d.seenAt) newlyRead++;
      return { ...d, seenAt: d.seenAt ?? now, openedAt: opened ? (d.openedAt ?? now) : d.openedAt };
    });
    this.setUnread(unread ?? Math.max(0, (this.unread ?? newlyRead) - newlyRead));
  }

  private setUnread(count: number | undefined): void {
    if (count === this.unread) return;
    this.unread = count;
    this.host.dispatchEvent(new HpDocumentsUnreadEvent(count ?? 0));
  }
}
