import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Pictures the API serves only with the session's token (so an `<img src>` of the API address would not do): each is
 * fetched once as a blob and shown from an object URL. The URLs belong to a scope (a ticket, a signed-in person…) and
 * are given back when the scope changes or the element leaves the page. A picture that fails is not asked again.
 */
export class BlobUrlController implements ReactiveController {
  private urls = new Map<string, string | null | undefined>();
  private scope?: unknown;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  /**
   * The object URL of the picture `key` in `scope`; undefined while it loads, null when there is none. Starts
   * loading it with `load` when it is not known yet (without `load`, nothing is loaded). Another scope than the last
   * one gives the URLs of the last one back first.
   */
  url(scope: unknown, key: string, load?: () => Promise<Blob>): string | null | undefined {
    if (scope !== this.scope) this.clear();
    this.scope = scope;
    if (load && !this.urls.has(key)) void this.fetch(key, load);
    return this.urls.get(key);
  }

  hostDisconnected(): void {
    this.clear();
    this.scope = undefined;
  }

  private async fetch(key: string, load: () => Promise<Blob>): Promise<void> {
    const urls = this.urls;
    urls.set(key, undefined);
    let url: string | null = null;
    try {
      url = URL.createObjectURL(await load());
    } catch {
      // No picture: the element shows something in its place.
    }
    if (urls !== this.urls) {
      if (url) URL.revokeObjectURL(url);
      return;
    }
    urls.set(key, url);
    this.host.requestUpdate();
  }

  private clear(): void {
    for (const url of this.urls.values()) if (url) URL.revokeObjectURL(url);
    this.urls = new Map();
  }
}
