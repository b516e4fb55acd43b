import type { AuthResult, PageSessionToken, RefreshResult } from './types.js';

/**
 * The refresh token of a session whose browser refused the refresh cookie (DESIGN §6 cross-site sessions: Safari's
 * tracking prevention, the API's cookies blocked on the page's site). Handed out once by `POST /auth/session-token`
 * and replaced by every refresh (rotation, openapi.yaml), it lives only in a private field of this object inside the
 * session's client: never in storage, the DOM, a URL or a message to another window or tab. A reload loses it, and
 * with it the session; until then the session lasts as long as the page stays open (at most the server's 12 hours).
 *
 * One per client, and so one per session of a page (core's `sharedSession`); a hand-out asked twice at once is one
 * request.
 */
export class PageToken {
  #value: string | null = null;
  #asking: Promise<void> | null = null;

  /** Whether a token is held. */
  get held(): boolean {
    return this.#value !== null;
  }

  /**
   * Asks for the session's token (`ask` sends `POST /auth/session-token`) and keeps it. An error answer or no answer
   * keeps nothing: the session then lasts as long as its access token. Never rejects.
   */
  obtain(ask: () => Promise<{ data?: PageSessionToken }>): Promise<void> {
    this.#asking ??= ask()
      .then(
        ({ data }) => {
          if (data) this.#value = data.refreshToken;
        },
        () => undefined,
      )
      .finally(() => {
        this.#asking = null;
      });
    return this.#asking;
  }

  /** Resolves once no hand-out is on its way (at once when none is). */
  settled(): Promise<void> {
    return this.#asking ?? Promise.resolve();
  }

  /** The body fields of `/auth/refresh` and `/auth/logout`: `{refreshToken}` while a token is held, else none. */
  fields(): { refreshToken?: string } {
    return this.#value === null ? {} : { refreshToken: this.#value };
  }

  /**
   * Takes the answer of a refresh: keeps its successor token (none: the cookie carried that refresh, so nothing is
   * held any more) and returns the result without it, so that only the access token is shared with other tabs.
   */
  take(result: RefreshResult): AuthResult {
    const { refreshToken, refreshExpiresAt: _ends, ...rest } = result;
    this.#value = refreshToken ?? null;
    return rest;
  }

  /** Forgets the token (the session ended, or it is no longer this page's). */
  drop(): void {
    this.#value = null;
  }
}
