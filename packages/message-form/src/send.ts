import type { ReactiveControllerHost } from 'lit';
import type { ApiClient, TicketDetail } from '@hausportal/api';

export type SendState = 'idle' | 'sending' | 'failed' | 'cancelled' | 'done';

const newKey = () => globalThis.crypto?.randomUUID?.() ?? `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;

/**
 * Sends the form (POST /tickets, multipart) through the session's client with upload progress. One Idempotency-Key
 * per submission: a retry after a cancel, a network error or an error answer sends the same key, so the server
 * creates at most one ticket; the key is new after a success.
 */
export class Sender {
  state: SendState = 'idle';
  /** Bytes of the body sent so far, and in all (0 until the first progress event). */
  loaded = 0;
  total = 0;
  error: unknown;
  ticket?: TicketDetail;
  private key = '';
  private running?: AbortController;

  constructor(private readonly host: ReactiveControllerHost) {}

  async send(api: ApiClient, body: FormData): Promise<TicketDetail | undefined> {
    if (this.state === 'sending') return undefined;
    this.key ||= newKey();
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
