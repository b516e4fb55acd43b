import type { Client } from 'openapi-fetch';
import type { MarkerStorage, SessionCookie } from './session-cookie.js';
import type { AuthResult, Me, Problem, SessionChange, paths } from './types.js';

export interface ApiClientOptions {
  /** Where the API lives, e.g. `https://portal.hv.at/api` or `/api`. */
  baseUrl: string;
  /** Slug of the organization the session belongs to (the access token's audience). */
  organization: string;
  /** Transport; defaults to the global fetch. Tests pass an in-memory one. */
  fetch?: typeof globalThis.fetch;
  /**
   * Take turns with the other tabs of this browser for the same API and organization and follow their logins and
   * logouts (Web Locks + BroadcastChannel, DESIGN §6). Default true; false for a client that works alone (tests).
   */
  shareAcrossTabs?: boolean;
  /** Makes the XMLHttpRequest of {@link ApiClient.upload}; defaults to `new XMLHttpRequest()`. Tests pass a fake. */
  xhr?: () => XMLHttpRequest;
  /**
   * Where the marker "this browser refused the refresh cookie" is kept over a reload (session-cookie.ts); defaults to
   * the page's sessionStorage, null keeps none. Tests pass their own.
   */
  storage?: MarkerStorage | null;
}

/** Options of {@link ApiClient.upload}. */
export interface UploadOptions {
  /** Called as the request body goes out: bytes sent so far and in all (of this attempt; a retry starts at 0). */
  onProgress?: (loaded: number, total: number) => void;
  /** Aborting it aborts the request (rejects with an AbortError). */
  signal?: AbortSignal;
  /** Extra request headers, e.g. `Idempotency-Key`. */
  headers?: Record<string, string>;
}

/** A successful answer of {@link ApiClient.upload}: the parsed JSON body and the status (200 or 201 …). */
export interface UploadResult<T> {
  data: T;
  status: number;
}

/**
 * The typed client every widget uses. `GET`, `POST`, `PATCH`… are openapi-fetch's, with the access token
 * added as Bearer and one refresh on 401. The access token lives only inside this object.
 */
export interface ApiClient extends Client<paths> {
  readonly baseUrl: string;
  readonly organization: string;
  /** The logged-in user, or null. */
  readonly user: Me | null;
  /**
   * Logs in, and lets the other tabs in (DESIGN §6). Throws {@link ApiError} with the server's problem when the server
   * refuses; `OriginNotAllowedError` when the browser refuses this page's origin (CORS); fetch's TypeError when the
   * server cannot be reached.
   */
  login(username: string, password: string): Promise<AuthResult>;
  /** Ends the session on the server, in memory and in the other tabs; never throws for network errors. */
  logout(): Promise<void>;
  /**
   * After a page load: tries the refresh cookie once (or takes the result another tab shared meanwhile). Resolves to
   * the user or null; never throws.
   */
  restore(): Promise<Me | null>;
  /**
   * Whether the browser keeps the refresh cookie here (session-cookie.ts): `refused` after a login whose cookie did not
   * come back, and after a reload of such a page; `kept` once a refresh worked. Changes tell the listeners (`update`).
   * Absent on clients without a cookie (a preview).
   */
  readonly sessionCookie?: SessionCookie;
  /**
   * Asks the server whether the refresh cookie came back (`GET /auth/session-cookie`) and updates
   * {@link sessionCookie}. Done after every login; the page's session also calls it after a move to another
   * organization, whose cookie may be of the other mode. Never rejects.
   */
  checkSessionCookie?(): Promise<SessionCookie>;
  /** Replaces the user after a change (PATCH /me, POST /me/terms) and tells the listeners. */
  setUser(user: Me): void;
  /**
   * POSTs `body` (multipart) to `path` below the base URL with XMLHttpRequest, so `onProgress` hears the upload;
   * Bearer and one refresh on 401 as every request. Rejects with {@link ApiError} on an error answer, a TypeError
   * when the server cannot be reached, an AbortError when `signal` aborts it.
   */
  upload<T = unknown>(path: string, body: FormData, options?: UploadOptions): Promise<UploadResult<T>>;
  /** Called on every start, change or end of the session. Returns the unsubscribe function. */
  onSessionChange(listener: (change: SessionChange) => void): () => void;
}

/** An error answer of the API, carrying its RFC 9457 problem. */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;
  constructor(problem: Problem) {
    super(problem.detail ?? problem.title);
    this.name = 'ApiError';
    this.status = problem.status;
    this.problem = problem;
  }
}
