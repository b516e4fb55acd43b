import type { ReactiveController } from 'lit';
import { msg, str } from '@lit/localize';
import { dataOf, type ApiClient, type FetchResult, type TicketDetail, type TicketFile, type TicketReopen } from '@hausportal/api';
import { downloadBlob, problemMessage } from '@hausportal/core';
import type { StoreHost, TicketListStore } from './list-store.js';
import { statusText } from './status.js';

export interface DetailHost extends StoreHost {
  /** The id of the ticket shown in detail, or empty for the list. */
  ticket?: string;
}

/** The actions of a ticket that change it (named as their paths); each answers with the ticket after the change. */
export type TicketAction =
  | { kind: 'comments'; body: string; files: readonly File[] }
  | { kind: 'withdraw' | 'confirm' }
  | { kind: 'reopen'; comment: string }
  | { kind: 'rating'; stars: number; comment?: string };

/** POST /tickets/{id}/<kind>: the comment as multipart (text and files), the others as JSON (or no body). */
function send(api: ApiClient, id: string, action: TicketAction): Promise<FetchResult<TicketDetail>> {
  const params = { path: { id } };
  const { kind, ...body } = action;
  if (action.kind === 'comments') {
    const form = new FormData();
    form.append('body', action.body);
    for (const file of action.files) form.append('files', file, file.name);
    return api.POST('/tickets/{id}/comments', { params, body: { body: action.body }, bodySerializer: () => form });
  }
  // One call for the four JSON steps: their paths differ only in the last segment.
  return api.POST(`/tickets/{id}/${kind}` as '/tickets/{id}/reopen', { params, body: (Object.keys(body).length ? body : undefined) as TicketReopen });
}

/**
 * The ticket shown in detail (the host's `ticket`): loads it, marks it read (POST /tickets/{id}/read, whose count
 * becomes the list's unread count), runs its actions (the detail is then the server's answer) and downloads its
 * files and documents through the session's client.
 */
export class TicketDetailStore implements ReactiveController {
  detail?: TicketDetail;
  error: unknown;
  /** An action or download is running. */
  busy = false;
  /** The sentence about the last action: what failed (`failed` true) or what was done. */
  notice = '';
  failed = false;
  /** The action the notice is about ('' for a download). */
  about: TicketAction['kind'] | '' = '';
  /** An action changed a ticket since the list was loaded: the list loads again on the way back. */
  changed = false;
  /** Settles when the latest load (and the read mark) has ended; never rejects. */
  loaded: Promise<void> = Promise.resolve();
  private key: unknown[] = [];
  private controller?: AbortController;

  constructor(
    private readonly host: DetailHost,
    private readonly list: TicketListStore,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  hostUpdate(): void {
    const key = [this.list.api, this.host.ticket];
    if (key.some((k, i) => k !== this.key[i])) {
      this.key = key;
      this.loaded = this.load();
    }
  }

  /** Loads the ticket anew (again, after an error). */
  async load(): Promise<void> {
    this.controller?.abort();
    const { signal } = (this.controller = new AbortController());
    const [api, id] = this.key as [ApiClient | undefined, string | undefined];
    this.detail = this.error = undefined;
    this.notice = '';
    this.host.requestUpdate();
    if (!api || !id) return;
    try {
      const path = { id };
      const detail = await dataOf(api.GET('/tickets/{id}', { params: { path }, signal }));
      if (signal.aborted) return;
      this.detail = detail;
      this.host.requestUpdate();
      this.list.update(detail);
      this.list.setUnread((await dataOf(api.POST('/tickets/{id}/read', { params: { path } }))).unreadCount);
    } catch (error) {
      if (!signal.aborted && !this.detail) this.error = error;
    }
    this.host.requestUpdate();
  }

  /**
   * Runs `action` on the ticket shown; the detail is then the answer, `done` the notice (default: "Status: <the new
   * status>"). Resolves true on success.
   */
  act(action: TicketAction, done?: string): Promise<boolean> {
    const id = this.detail?.id;
    this.about = action.kind;
    return this.run(async (api) => {
      const detail = await dataOf(send(api, id!, action));
      if (detail.id !== this.host.ticket) return;
      this.detail = detail;
      this.changed = true;
      this.list.update(detail);
      this.notice = done ?? `${msg('Status', { id: 'tl.statusLabel' })}: ${statusText(detail.status)}`;
    }, (reason) => msg(str`That did not work: ${reason}`, { id: 'tl.actionFailed' }));
  }

  /** Downloads a file of the ticket (`GET /tickets/{id}/files/{fileId}`). */
  download(file: TicketFile): Promise<boolean> {
    const path = { id: this.detail!.id, fileId: file.id };
    return this.save(file.name, (api) => api.GET('/tickets/{id}/files/{fileId}', { params: { path }, parseAs: 'blob' }));
  }

  /** Downloads a document released into the thread (`GET /documents/{id}/file`). */
  downloadDocument(id: string, title: string): Promise<boolean> {
    return this.save(`${title}.pdf`, (api) => api.GET('/documents/{id}/file', { params: { path: { id } }, parseAs: 'blob' }));
  }

  private save(name: string, get: (api: ApiClient) => Promise<FetchResult<Blob>>): Promise<boolean> {
    this.about = '';
    return this.run(
      async (api) => downloadBlob(name, await dataOf(get(api))),
      (reason) => msg(str`The download failed: ${reason}`, { id: 'tl.downloadFailed' }),
    );
  }

  private async run(work: (api: ApiClient) => Promise<void>, failure: (reason: string) => string): Promise<boolean> {
    const api = this.list.api;
    if (!api || this.busy) return false;
    this.busy = true;
    this.notice = '';
    this.failed = false;
    this.host.requestUpdate();
    try {
      await work(api);
    } catch (error) {
      this.notice = failure(problemMessage(error));
      this.failed = true;
    }
    this.busy = false;
    this.host.requestUpdate();
    return !this.failed;
  }
}
