import type { AuthResult, Me, SessionChange, SessionChangeReason } from './types.js';

/**
 * The session of one client: the access token, its expiry and the user. Lives only in memory, inside the client's
 * closure (DESIGN §6: nothing goes to storage, readable cookies or URLs).
 */
export class TokenState {
  token: string | null = null;
  expiresAt = 0;
  user: Me | null = null;
  /** Bumped whenever the token is replaced or dropped, so a waiting request can tell that it changed. */
  generation = 0;
  private readonly listeners = new Set<(change: SessionChange) => void>();

  accept(result: AuthResult): void {
    this.token = result.accessToken;
    this.expiresAt = Date.now() + result.expiresIn * 1000;
    this.user = result.user;
    this.generation++;
  }

  clear(): void {
    this.token = null;
    this.expiresAt = 0;
    this.user = null;
    this.generation++;
  }

  /** Tells every listener; one that throws does not stop the others. */
  emit(reason: SessionChangeReason): void {
    const change: SessionChange = { user: this.user, reason };
    for (const listener of [...this.listeners]) {
      try {
        listener(change);
      } catch (error) {
        console.error(error);
      }
    }
  }

  subscribe(listener: (change: SessionChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
