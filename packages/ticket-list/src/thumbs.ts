import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { dataOf, type ApiClient } from '@hausportal/api';

/**
 * Previews of a ticket's images (`GET /tickets/{id}/files/{fileId}?size=thumb`), fetched through the session's
 * client (they need its token, so an `<img src>` of the API address would not do) and shown from object URLs, which
 * are given back when the ticket changes or the element leaves the page. A preview that fails is not asked again:
 * the file shows with its icon instead.
 */
export class ThumbController implements ReactiveController {
  private urls = new Map<string, string | null | undefined>();
  private ticket?: string;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly api: () => ApiClient | undefined,
  ) {
    host.addController(this);
  }

  /** The preview's object URL; undefined while it loads, null when there is none. Starts loading it. */
  url(ticket: string, fileId: string): string | null | undefined {
    if (ticket !== this.ticket) this.clear();
    this.ticket = ticket;
    if (!this.urls.has(fileId)) void this.fetch(ticket, fileId);
    return this.urls.get(fileId);
  }

  hostDisconnected(): void {
    this.clear();
    this.ticket = undefined;
  }

  private async fetch(ticket: string, fileId: string): Promise<void> {
    const api = this.api();
    const urls = this.urls;
    urls.set(fileId, undefined);
    let url: string | null = null;
    try {
      const path = { id: ticket, fileId };
      url = URL.createObjectURL(await dataOf(api!.GET('/tickets/{id}/files/{fileId}', { params: { path, query: { size: 'thumb' } }, parseAs: 'blob' })));
    } catch {
      // No preview: the file icon stands in.
    }
    if (urls !== this.urls) {
      if (url) URL.revokeObjectURL(url);
      return;
    }
    urls.set(fileId, url);
    this.host.requestUpdate();
  }

  private clear(): void {
    for (const url of this.urls.values()) if (url) URL.revokeObjectURL(url);
    this.urls = new Map();
  }
}
