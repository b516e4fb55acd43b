import type { ReactiveController } from 'lit';
import { msg, str } from '@lit/localize';
import { ApiError, dataOf, type ApiClient, type FetchResult, type PostDetail, type PostFile } from '@hausportal/api';
import { downloadBlob, problemMessage, type SessionKey } from '@hausportal/core';
import type { BoardHost, PostListStore } from './list-store.js';

/** A notice's whole text as loaded: the detail, or why it failed. */
export interface Loaded {
  detail?: PostDetail;
  error?: unknown;
}

/** Most notices loaded at a time for printing. */
const CONCURRENT = 4;

/** An attachment in full (GET /posts/{id}/files/{fileId}). */
const fullFile = (api: ApiClient, id: string, f: PostFile) => api.GET('/posts/{id}/files/{fileId}', { params: { path: { id, fileId: f.id } }, parseAs: 'blob' });

const failedDownload = (reason: string) => msg(str`The download failed: ${reason}`, { id: 'bb.downloadFailed' });

/** A name a file system takes: no path separators or control characters. */
const fileName = (title: string, ext: string) => `${title.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, ' ').trim() || 'Termin'}.${ext}`;

/**
 * The notices opened in place: their whole text (GET /posts/{id}, kept while the same person is signed in), the read
 * mark when one is opened (POST /posts/{id}/read), the acknowledgement, the downloads of the appointment (.ics) and
 * the attachments, and pictures full size in a new tab, all through the session's client. A notice no longer shown
 * to me (404) is handed to `withdrawn`.
 */
export class PostDetailStore implements ReactiveController {
  /** The ids of the notices open in place. */
  open = new Set<string>();
  /** The sentence about the last action that failed, and the notice it is about. */
  notice?: { id: string; text: string };
  /** The id of the notice whose action (acknowledge, download) runs ('' when none does). */
  busy = '';
  /** Settles when the latest opening (loading and read mark) has ended; never rejects. */
  opening: Promise<void> = Promise.resolve();
  private entries = new Map<string, Loaded>();
  private owner?: SessionKey;
  /** Object URLs of the pictures opened full size, given back with the person or on leaving. */
  private shown: string[] = [];

  constructor(
    private readonly host: BoardHost,
    private readonly list: PostListStore,
    /** Told the id of a notice the server no longer shows me (it answered 404). */
    private readonly withdrawn: (id: string) => void,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  hostUpdate(): void {
    if (this.owner === this.list.generation) return;
    this.owner = this.list.generation;
    this.open = new Set();
    this.entries = new Map();
    this.notice = undefined;
    this.hostDisconnected();
  }

  hostDisconnected(): void {
    for (const url of this.shown) URL.revokeObjectURL(url);
    this.shown = [];
  }

  /** The notice's whole text, if asked for. */
  get(id: string): Loaded | undefined {
    return this.entries.get(id);
  }

  /** Opens the notice in place (loading it and marking it read), or closes it. */
  toggle(id: string): Promise<void> {
    if (this.open.delete(id)) {
      this.host.requestUpdate();
      return Promise.resolve();
    }
    this.open.add(id);
    return (this.opening = this.load(id, true));
  }

  /**
   * Loads the notice's whole text unless it is there in the revision listed (again, after an error or a substantial
   * change); with `read`, marks it read unless it was opened in its current revision already.
   */
  async load(id: string, read = false): Promise<void> {
    const api = this.list.api;
    if (!api) return;
    let entry = this.entries.get(id);
    const listed = this.list.items?.find((p) => p.id === id)?.revision;
    if (!entry?.detail || (listed && entry.detail.revision !== listed)) {
      this.entries.set(id, (entry = {}));
      this.host.requestUpdate();
      try {
        entry.detail = await dataOf(api.GET('/posts/{id}', { params: { path: { id } } }));
      } catch (error) {
        entry.error = error;
        this.gone(error, id);
      }
      this.host.requestUpdate();
    }
    const detail = entry.detail;
    if (read && detail && !detail.read.openedAt) await this.mark(api, detail, 'read');
  }

  /** Loads the whole text of each of `ids` (for printing), a few at a time; nothing is marked read. */
  async loadAll(ids: readonly string[]): Promise<void> {
    const queue = [...ids];
    const worker = async () => {
      for (let id = queue.shift(); id; id = queue.shift()) await this.load(id);
    };
    await Promise.all(Array.from({ length: CONCURRENT }, worker));
  }

  /** "Zur Kenntnis genommen": acknowledges the notice's current revision. */
  acknowledge(detail: PostDetail): Promise<void> {
    return this.run(detail.id, (api) => this.mark(api, detail, 'acknowledge', true), (reason) => msg(str`That did not work: ${reason}`, { id: 'bb.failed' }));
  }

  /** Downloads the appointment as an iCalendar file. */
  calendar(detail: PostDetail): Promise<void> {
    const path = { id: detail.id };
    return this.save(detail.id, fileName(detail.title, 'ics'), (api) => api.GET('/posts/{id}/appointment.ics', { params: { path }, parseAs: 'blob' }));
  }

  /** Downloads an attachment. */
  download(id: string, file: PostFile): Promise<void> {
    return this.save(id, file.name, (api) => fullFile(api, id, file));
  }

  /**
   * Opens a picture full size in a new tab: the tab opens at once, while the click still counts (a popup blocker
   * would stop a later one; when it stops this one, nothing happens), and shows the picture's object URL once it has
   * come; it closes again when that fails.
   */
  show(id: string, file: PostFile): Promise<void> {
    const tab = !this.busy && window.open('', '_blank');
    if (!tab) return Promise.resolve();
    tab.opener = null;
    return this.run(
      id,
      async (api) => {
        try {
          const url = URL.createObjectURL(await dataOf(fullFile(api, id, file)));
          this.shown.push(url);
          tab.location.href = url;
        } catch (error) {
          tab.close();
          throw error;
        }
      },
      failedDownload,
    );
  }

  private save(id: string, name: string, get: (api: ApiClient) => Promise<FetchResult<Blob>>): Promise<void> {
    return this.run(id, async (api) => downloadBlob(name, await dataOf(get(api))), failedDownload);
  }

  /** POST /posts/{id}/read or /acknowledge; the answer goes into the detail and the list. */
  private async mark(api: ApiClient, detail: PostDetail, step: 'read' | 'acknowledge', strict = false): Promise<void> {
    try {
      const result = await dataOf(api.POST(`/posts/{id}/${step}` as '/posts/{id}/read', { params: { path: { id: detail.id } } }));
      const entry = this.entries.get(detail.id);
      if (entry?.detail) entry.detail = { ...entry.detail, read: result.read };
      this.list.applyRead(result);
    } catch (error) {
      // A read mark that failed is set with the next opening.
      if (strict) throw error;
    }
  }

  private async run(id: string, work: (api: ApiClient) => Promise<void>, failure: (reason: string) => string): Promise<void> {
    const api = this.list.api;
    if (!api || this.busy) return;
    this.busy = id;
    this.notice = undefined;
    this.host.requestUpdate();
    try {
      await work(api);
    } catch (error) {
      if (!this.gone(error, id)) this.notice = { id, text: failure(problemMessage(error)) };
    }
    this.busy = '';
    this.host.requestUpdate();
  }

  /** True for a 404 (the notice is no longer mine): `withdrawn` is told. */
  private gone(error: unknown, id: string): boolean {
    const gone = error instanceof ApiError && error.status === 404;
    if (gone) this.withdrawn(id);
    return gone;
  }
}
