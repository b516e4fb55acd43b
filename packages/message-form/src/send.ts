import type { ReactiveControllerHost } from 'lit';
import { toProblem } from '@hausportal/core';
import type { ApiClient, TicketDetail } from '@hausportal/api';

export type SendState = 'idle' | 'sending' | 'failed' | 'cancelled' | 'done';

const newKey = () => globalThis.crypto?.randomUUID?.() ?? `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;

/** What a body asks for: its fields and each file's name, size and date (the server keeps a digest per key). */
const fingerprint = (body: FormData): string =>
  JSON.stringify([...body].map(([name, value]) => [name, typeof value === 'string' ? value : [value.name, value.size, value.lastModified]]));

/**
 * Sends the form (POST /tickets, multipart) through the session's client with upload progress. One Idempotency-Key
 * per submission: a retry of the same request after a cancel, a network error or an error answer sends the same key,
 * so the server creates at most one ticket; a changed request (the person corrected a field) gets a new key, as the
 * server answers 422 to a key reused for another request (after such an answer the next send has a new key too); the
 * key is new after a success.
 */
export class Sender {
  state: SendState = 'idle';
  /** Bytes of the body sent so far, and in all (0 until the first progress event). */
  loaded = 0;
  total = 0;
  error: unknown;
  ticket?: TicketDetail;
  private key = '';
  /** The request the key was made for. */
  private print = '';
  private running?: AbortController;

  constructor(private readonly host: ReactiveControllerHost) {}

  async send(api: ApiClient, body: FormData): Promise<TicketDetail | undefined> {
    if (this.state === 'sending') return undefined;
    const print = fingerprint(body);
    if (!this.key || print !== this.print) Object.assign(this, { key: newKey(), print });
    this.running = new AbortController();
    Object.assign(this, { state: 'sending', loaded: 0, total: 0, error: undefined });
    this.host.requestUpdate();
    try {
      const { data } = await api.upload<TicketDetail>('/tickets', body, {
        headers: { 'Idempotency-Key': this.key },
        signal: this.running.signal,
        onProgress: (loaded, total) => {
          Object.assign(this, { loaded, total });
          this.host.requestUpdate();
        },
      });
      Object.assign(this, { state: 'done', ticket: data, key: '' });
      return data;
    } catch (error) {
      const aborted = error instanceof DOMException && error.name === 'AbortError';
      Object.assign(this, { state: aborted ? 'cancelled' : 'failed', error: aborted ? undefined : error });
      // The server took the key for another request: the next send gets a new one.
      if (toProblem(error)?.code === 'idempotency_key_reused') this.key = '';
      return undefined;
    } finally {
      this.host.requestUpdate();
    }
  }

  /** Aborts the request under way. */
  cancel(): void {
    this.running?.abort();
  }

  /** Back to the start (another form, or the next message): a new key next time. */
  reset(): void {
    this.cancel();
    Object.assign(this, { state: 'idle', key: '', ticket: undefined, error: undefined });
  }

  /**
   * Bytes of each file sent so far. The files are the body's last parts, in order, so everything before them (the
   * fields and the framing) is the total less their sizes.
   */
  sentOf(files: readonly File[]): number[] {
    if (!this.total) return files.map(() => 0);
    let start = Math.max(0, this.total - files.reduce((n, f) => n + f.size, 0));
    return files.map((file) => {
      const sent = Math.min(file.size, Math.max(0, this.loaded - start));
      start += file.size;
      return sent;
    });
  }
}
