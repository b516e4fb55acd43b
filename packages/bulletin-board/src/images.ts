import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { dataOf, type ApiClient, type PostFile } from '@hausportal/api';
import type { PostListStore } from './list-store.js';

/**
 * The pictures of the notices open in place (`GET /posts/{id}/files/{fileId}`, the JPEG preview with `size=thumb`
 * where there is one), fetched through the session's client (they need its token, so an `<img src>` of the API
 * address would not do) and shown from object URLs, which are given back when the signed-in person changes or the
 * element leaves the page. A picture that fails is not asked again: it shows as a download with its name.
 */
export class ImageController implements ReactiveController {
  private urls = new Map<string, string | null | undefined>();
  private owner?: unknown;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly list: PostListStore,
  ) {
    host.addController(this);
  }

  /** The picture's object URL; undefined while it loads, null when there is none. Starts loading it. */
  url(post: string, file: PostFile): string | null | undefined {
    const api = this.list.api;
    if (this.list.generation !== this.owner) this.clear();
    this.owner = this.list.generation;
    const key = `${post}/${file.id}`;
    if (api && !this.urls.has(key)) void this.fetch(api, key, post, file);
    return this.urls.get(key);
  }

  hostDisconnected(): void {
    this.clear();
  }

  private async fetch(api: ApiClient, key: string, id: string, file: PostFile): Promise<void> {
    const urls = this.urls;
    urls.set(key, undefined);
    let url: string | null = null;
    try {
      const query = { size: file.thumb ? ('thumb' as const) : ('full' as const) };
      url = URL.createObjectURL(await dataOf(api.GET('/posts/{id}/files/{fileId}', { params: { path: { id, fileId: file.id }, query }, parseAs: 'blob' })));
    } catch {
      // No picture: its name stands in.
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
