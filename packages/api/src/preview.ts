import { authMiddleware } from './auth-middleware.js';
import { ApiError, type ApiClient, type ApiClientOptions } from './client-types.js';
import { clientCore } from './client.js';
import type { RefreshOutcome } from './refresh.js';
import type { Me, PreviewInfo } from './types.js';

/**
 * How a preview ended: `ended` by {@link ApiClient.logout} here; `expired` when its time was over; `revoked` when the
 * server refused its token before that (the manager ended it); `invalid` when the server refused the code (unknown,
 * used or expired); `unreachable` when the exchange got no answer (network, 5xx, 429).
 */
export type PreviewEnd = 'ended' | 'expired' | 'revoked' | 'invalid' | 'unreachable';

/** What a preview client knows of its preview. */
export interface PreviewState {
  /** Person, session id and expiry from the exchange (kept after the end, for the banner); null before it. */
  readonly info: PreviewInfo | null;
  /** Why it ended; null while it runs or before the exchange. */
  readonly end: PreviewEnd | null;
}

/** An {@link ApiClient} of a read-only preview (see {@link createPreviewClient}). */
export interface PreviewClient extends ApiClient {
  readonly preview: PreviewState;
}

/** True for a client made by {@link createPreviewClient}. */
export function isPreviewClient(client: ApiClient | null | undefined): client is PreviewClient {
  return !!client && 'preview' in client;
}

/** What `login` of a preview client rejects with: a preview never signs anybody in. */
const noLogin = () =>
  new ApiError({ type: 'https://hausportal.dev/problems/preview-read-only', title: 'Forbidden', status: 403, code: 'preview_read_only', detail: 'A preview cannot sign in.' });

/**
 * A client for a manager's read-only preview as a tenant or owner (openapi.yaml POST /auth/preview, issue 14), next to
 * the page's normal session and never touching it:
 * - `restore()` exchanges `code` once for the preview's access token and the person's `Me` (with `preview`); it never
 *   calls /auth/refresh and sends no cookies, since the page may hold the manager's own refresh cookie and a refresh
 *   would turn the preview into the manager's session.
 * - A 401 ends the preview here (user null, session change `logout`); so does the preview's expiry (a timer on the
 *   answer's `expiresIn`, so the device's clock does not matter). The token is never renewed.
 * - `logout()` ends it on the server (DELETE /auth/preview) and here; it never calls /auth/logout.
 * - `login()` rejects with {@link ApiError} `preview_read_only`. No tab takes part (no Web Lock, no BroadcastChannel).
 * - Every request goes with the preview's Bearer token, as with {@link createApiClient}.
 */
export function createPreviewClient(options: Omit<ApiClientOptions, 'shareAcrossTabs'>, code: string): PreviewClient {
  const { client, state, api, common } = clientCore(options);
  let info: PreviewInfo | null = null;
  let end: PreviewEnd | null = null;
  let deadline = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let leaving = false;
  let exchange: Promise<Me | null> | null = null;

  const finish = (reason: PreviewEnd) => {
    if (end) return;
    end = reason;
    clearTimeout(timer);
    const had = state.user !== null;
    state.clear();
    if (had) state.emit('logout');
  };
  /** In place of a refresh: whatever the middleware would renew ends the preview. */
  const ended = async (): Promise<RefreshOutcome> => {
    finish(leaving ? 'ended' : Date.now() >= deadline ? 'expired' : 'revoked');
    return 'ended';
  };
  client.use(authMiddleware(state, ended));

  const start = async (): Promise<Me | null> => {
    const answer = await client.POST('/auth/preview', { body: { organization: options.organization, code } }).catch(() => null);
    const data = answer?.data;
    if (!answer || !data) {
      const status = answer?.response.status ?? 0;
      finish(status === 0 || status === 429 || status >= 500 ? 'unreachable' : 'invalid');
      return null;
    }
    state.accept(data);
    // The middleware renews a token shortly before it runs out; this one ends instead (the timer below).
    state.expiresAt = Number.POSITIVE_INFINITY;
    deadline = Date.now() + data.expiresIn * 1000;
    info = data.user.preview ?? null;
    timer = setTimeout(() => finish('expired'), data.expiresIn * 1000);
    state.emit('restore');
    return state.user;
  };

  const methods: Pick<ApiClient, 'login' | 'logout' | 'restore'> = {
    login: () => Promise.reject(noLogin()),
    async logout(): Promise<void> {
      if (state.token && !end) {
        leaving = true;
        await client.DELETE('/auth/preview').catch(() => undefined);
      }
      finish('ended');
    },
    restore(): Promise<Me | null> {
      if (state.user) return Promise.resolve(state.user);
      if (end) return Promise.resolve(null);
      return (exchange ??= start());
    },
  };
  Object.defineProperty(api, 'preview', { get: (): PreviewState => ({ info, end }), enumerable: true });
  return Object.assign(api, methods, common(ended)) as PreviewClient;
}
