import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { msg, str } from '@lit/localize';
import { Task } from '@lit/task';
import { dataOf, type ApiClient, type DocumentCategory, type DocumentItem, type DocumentPage } from '@hausportal/api';
import { downloadBlob, loadVirtualizer, problemMessage, type Session } from '@hausportal/core';
import { HpDocumentsUnreadEvent } from './events.js';

/** Page size used to load the list (the API's maximum). */
export const PAGE_SIZE = 200;
/** Most documents one ZIP may hold (GET /documents/archive). */
export const ZIP_LIMIT = 200;

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
export class DocumentStore implements ReactiveController {
  items: DocumentItem[] = [];
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
  readonly task: Task<readonly [ApiClient | undefined, string | undefined, string | undefined], Library | null>;

  constructor(private readonly host: StoreHost) {
    host.addController(this);
    this.task = new Task(host, {
      task: async ([api, user], { signal }) => {
        this.rest?.abort();
        this.items = [];
        this.cursor = null;
        this.notice = '';
        if (!api || !user) {
          this.setUnread(undefined);
          return null;
        }
        const [categories, first] = await Promise.all([dataOf(api.GET('/document-categories', { signal })), page(api, null, signal)]);
        const noUnits = !first.items.length && !(await hasUnits(api, signal));
        if (first.nextCursor || first.items.length > host.virtualizeAbove) await loadVirtualizer();
        this.items = first.items;
        this.setUnread(first.unreadCount);
        this.pages = this.loadRest(first.nextCursor);
        return { categories: categories.items, noUnits };
      },
      args: () => [host.api, host.authenticated ? host.session?.user?.id : undefined, host.session?.org] as const,
    });
  }

  hostConnected(): void {}

  /** True while later pages are still coming. */
  get loadingMore(): boolean {
    return !!this.cursor && !this.moreError;
  }

  /** Loads the pages from `cursor` on (again, after an error). */
  async loadRest(cursor = this.cursor): Promise<void> {
    const api = this.host.api;
    const rest = (this.rest = new AbortController());
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

  /** POST /documents/read: everything read; the count comes from the answer. */
  markAllRead(): Promise<void> {
    return this.act(async (api) => {
      const result = await dataOf(api.POST('/documents/read', { body: {} }));
      this.mark(this.items.filter((d) => !d.seenAt).map((d) => d.id), false, result.unreadCount);
    }, (reason) => msg(str`The documents could not be marked as read: ${reason}`, { id: 'docs.markFailed' }));
  }

  /** Downloads one document through the session's client; the server counts it as opened, so it is read here too. */
  download(doc: DocumentItem): Promise<void> {
    return this.act(async (api) => {
      downloadBlob(doc.fileName, await dataOf(api.GET('/documents/{id}/file', { params: { path: { id: doc.id } }, parseAs: 'blob' })));
      this.mark([doc.id], true);
    }, this.downloadFailed);
  }

  /** Downloads the documents `ids` (at most {@link ZIP_LIMIT}) as one ZIP; each counts as opened. */
  downloadZip(ids: string[]): Promise<void> {
    return this.act(async (api) => {
      const query = { ids };
      const blob = await dataOf(api.GET('/documents/archive', { params: { query }, querySerializer: { array: { style: 'form', explode: false } }, parseAs: 'blob' }));
      downloadBlob(msg('Documents.zip', { id: 'docs.zipName' }), blob);
      this.mark(ids, true);
    }, this.downloadFailed);
  }

  private readonly downloadFailed = (reason: string) => msg(str`The download failed: ${reason}`, { id: 'docs.downloadFailed' });

  private async act(action: (api: ApiClient) => Promise<void>, failed: (reason: string) => string): Promise<void> {
    const api = this.host.api;
    if (!api || this.busy) return;
    this.busy = true;
    this.notice = '';
    this.host.requestUpdate();
    try {
      await action(api);
    } catch (error) {
      this.notice = failed(problemMessage(error));
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
