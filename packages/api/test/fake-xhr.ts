/**
 * A stand-in for XMLHttpRequest (the part `ApiClient.upload` uses) answered by a fetch function, e.g. an in-memory
 * server. The test drives it: `progress(loaded)` fires upload progress, `respond()` sends the request through the
 * fetch and fires `load` with its answer, `fail()` fires a network error. With `auto`, each request is answered at
 * once after one progress event for the whole body.
 */
export class FakeXhr extends EventTarget {
  readonly upload = new EventTarget();
  method = '';
  url = '';
  readonly headers = new Headers();
  body: FormData | null = null;
  /** Bytes of the body as the progress events count them: its parts plus 100 bytes of framing per part. */
  total = 0;
  status = 0;
  statusText = '';
  responseText = '';
  aborted = false;
  private responseHeaders = new Headers();

  constructor(
    private readonly fetch: typeof globalThis.fetch,
    private readonly auto = false,
  ) {
    super();
  }

  open(method: string, url: string): void {
    this.method = method;
    this.url = url;
  }

  setRequestHeader(name: string, value: string): void {
    this.headers.set(name, value);
  }

  getResponseHeader(name: string): string | null {
    return this.responseHeaders.get(name);
  }

  send(body: FormData): void {
    this.body = body;
    this.total = [...body.values()].reduce((n, v) => n + 100 + (typeof v === 'string' ? new Blob([v]).size : v.size), 0);
    if (this.auto) queueMicrotask(() => (this.progress(this.total), void this.respond()));
  }

  abort(): void {
    if (this.aborted || this.status) return;
    this.aborted = true;
    this.dispatchEvent(new Event('abort'));
  }

  /** Fires an upload progress event: `loaded` of {@link total} bytes sent. */
  progress(loaded: number): void {
    this.upload.dispatchEvent(new ProgressEvent('progress', { lengthComputable: true, loaded, total: this.total }));
  }

  /** Sends the request through the fetch and fires `load` with the answer (nothing when it was aborted). */
  async respond(): Promise<void> {
    if (this.aborted) return;
    const response = await this.fetch(new Request(this.url, { method: this.method, headers: this.headers, body: this.body }));
    if (this.aborted) return;
    this.status = response.status;
    this.statusText = response.statusText;
    this.responseHeaders = response.headers;
    this.responseText = await response.text();
    this.dispatchEvent(new Event('load'));
  }

  /** Fires a network error. */
  fail(): void {
    this.dispatchEvent(new Event('error'));
  }
}

/** A factory for `ApiClientOptions.xhr` and the requests it made, newest last. */
export function fakeXhrs(fetch: typeof globalThis.fetch, options: { auto?: boolean } = {}) {
  const made: FakeXhr[] = [];
  const xhr = () => {
    const request = new FakeXhr(fetch, options.auto);
    made.push(request);
    return request as unknown as XMLHttpRequest;
  };
  return { xhr, made, get last(): FakeXhr | undefined {
    return made.at(-1);
  } };
}
