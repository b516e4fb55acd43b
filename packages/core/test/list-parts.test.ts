import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { LitElement } from 'lit';
import type { ApiClient } from '@hausportal/api';
import { BlobUrlController, PagedStore, PrintController, type ListPage, type Session } from '../src/index.js';
import { demoMe, gate, unreadCounts } from '../src/testing/index.js';

class CountEvent extends CustomEvent<{ count: number }> {
  constructor(count: number) {
    super('test-unread', { detail: { count }, bubbles: true, composed: true });
  }
}

/** Three pages of letters; `held` makes the next request wait at a gate. */
class LetterStore extends PagedStore<string, ListPage<string> & { unreadCount: number }> {
  requests: (string | null)[] = [];
  held?: ReturnType<typeof gate>;
  failNext = false;

  protected async fetchPage(_api: ApiClient, _signal: AbortSignal, cursor: string | null) {
    this.requests.push(cursor);
    const held = this.held;
    this.held = undefined;
    await held?.wait;
    if (this.failNext) {
      this.failNext = false;
      throw new Error('page failed');
    }
    const pages: Record<string, ListPage<string>> = { first: { items: ['a', 'b'], nextCursor: 'p2' }, p2: { items: ['c'], nextCursor: 'p3' }, p3: { items: ['d'], nextCursor: null } };
    return { ...pages[cursor ?? 'first']!, unreadCount: 4 - (this.items?.length ?? 0) };
  }

  protected override pageLoaded(page: { unreadCount: number }): void {
    this.setUnread(page.unreadCount);
  }

  protected unreadEvent(count: number): Event {
    return new CountEvent(count);
  }
}

class ListPartsHost extends LitElement {
  api?: ApiClient;
  session?: Session;
  authenticated = false;
  readonly store = new LetterStore(this);
  readonly pictures = new BlobUrlController(this);
  readonly printer = new PrintController(this);
  renders = 0;

  protected override render() {
    this.renders++;
    return html`${this.store.items?.join('') ?? 'loading'}`;
  }
}
customElements.define('list-parts-host', ListPartsHost);

const client = {} as ApiClient;
const session = (org = 'demo'): Session => ({ state: 'authenticated', user: demoMe, org, organization: null, lang: 'de' });

async function signedInHost(): Promise<ListPartsHost> {
  const el = await fixture<ListPartsHost>(html`<list-parts-host></list-parts-host>`);
  el.api = client;
  el.session = session();
  el.authenticated = true;
  el.requestUpdate();
  await el.updateComplete;
  await el.store.loaded;
  return el;
}

describe('PagedStore', () => {
  const counts = unreadCounts('test-unread');

  it('loads the first page for the signed-in person, appends the next ones and announces the unread count', async () => {
    const el = await signedInHost();
    expect(el.store.items).to.deep.equal(['a', 'b']);
    expect(el.store.cursor).to.equal('p2');
    await el.store.more();
    await el.store.more();
    expect(el.store.items).to.deep.equal(['a', 'b', 'c', 'd']);
    expect(el.store.cursor).to.equal(null);
    await el.store.more();
    expect(el.store.requests).to.deep.equal([null, 'p2', 'p3']);
    expect(counts).to.deep.equal([4, 2, 1]);
    expect(el.store.unread).to.equal(1);
  });

  it('keeps a failed next page apart from the list, and a later load stops an earlier one', async () => {
    const el = await signedInHost();
    el.store.failNext = true;
    await el.store.more();
    expect(el.store.moreError).to.be.an('error');
    expect(el.store.items).to.deep.equal(['a', 'b']);
    expect(el.store.error).to.equal(undefined);
    await el.store.more();
    expect(el.store.items).to.deep.equal(['a', 'b', 'c']);
    const held = (el.store.held = gate());
    const stale = el.store.more();
    expect(el.store.loadingMore).to.equal(true);
    const fresh = el.store.load();
    held.open();
    await Promise.all([stale, fresh]);
    expect(el.store.items).to.deep.equal(['a', 'b']);
    expect(el.store.loadingMore).to.equal(false);
  });

  it('empties the list and announces 0 when nobody is signed in any more', async () => {
    const el = await signedInHost();
    el.authenticated = false;
    el.requestUpdate();
    await el.updateComplete;
    await el.store.loaded;
    expect(el.store.items).to.deep.equal([]);
    expect(el.store.api).to.equal(undefined);
    expect(counts.at(-1)).to.equal(0);
  });
});

describe('BlobUrlController', () => {
  it('fetches each picture once, gives the URLs back when the scope changes or the element leaves, and keeps failures as null', async () => {
    const el = await signedInHost();
    const revoked: string[] = [];
    const revoke = URL.revokeObjectURL;
    URL.revokeObjectURL = (url: string) => {
      revoked.push(url);
      revoke(url);
    };
    try {
      let loads = 0;
      const load = () => (loads++, Promise.resolve(new Blob(['x'], { type: 'image/png' })));
      expect(el.pictures.url('ticket-1', 'f1', load)).to.equal(undefined);
      await waitUntil(() => el.pictures.url('ticket-1', 'f1', load), 'a URL');
      const first = el.pictures.url('ticket-1', 'f1', load)!;
      expect(first).to.match(/^blob:/);
      expect(el.pictures.url('ticket-1', 'f2')).to.equal(undefined);
      el.pictures.url('ticket-1', 'bad', () => Promise.reject(new Error('404')));
      await waitUntil(() => el.pictures.url('ticket-1', 'bad') === null, 'a failure');
      expect(loads).to.equal(1);
      el.pictures.url('ticket-2', 'f1', load);
      expect(revoked).to.deep.equal([first]);
      await waitUntil(() => el.pictures.url('ticket-2', 'f1'), 'the next scope');
      const second = el.pictures.url('ticket-2', 'f1')!;
      el.remove();
      expect(revoked).to.deep.equal([first, second]);
    } finally {
      URL.revokeObjectURL = revoke;
    }
  });
});

describe('PrintController', () => {
  it('follows beforeprint and afterprint while connected and renders again on a change', async () => {
    const el = await signedInHost();
    const before = el.renders;
    window.dispatchEvent(new Event('beforeprint'));
    expect(el.printer.printing).to.equal(true);
    await el.updateComplete;
    expect(el.renders).to.equal(before + 1);
    window.dispatchEvent(new Event('afterprint'));
    expect(el.printer.printing).to.equal(false);
    el.remove();
    window.dispatchEvent(new Event('beforeprint'));
    expect(el.printer.printing).to.equal(false);
  });
});
