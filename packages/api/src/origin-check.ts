import { absoluteApiUrl } from './tabs.js';

/**
 * A request of this page never reached the API's answer because the browser refused it: the portal server is there
 * (it answered a no-CORS probe of `GET /health`), but it does not admit this page's origin (CORS, DESIGN §6). Thrown
 * by the client's requests instead of fetch's TypeError, so the widgets can say "this page's address is not allowed"
 * rather than "no internet connection".
 */
export class OriginNotAllowedError extends Error {
  /** The page's origin, e.g. `http://127.0.0.1:8080`. */
  readonly origin: string;
  /** The API's base URL, e.g. `http://localhost:8080/api`. */
  readonly api: string;
  constructor(origin: string, api: string, cause?: unknown) {
    super(`This page's origin ${origin} is not allowed to use the portal API at ${api}.`, { cause });
    this.name = 'OriginNotAllowedError';
    this.origin = origin;
    this.api = api;
  }
}

/** True for an {@link OriginNotAllowedError}, also one made by another copy of this package on the page. */
export function isOriginNotAllowed(error: unknown): error is OriginNotAllowedError {
  return error instanceof Error && error.name === 'OriginNotAllowedError' && typeof (error as OriginNotAllowedError).origin === 'string';
}

// Keyed by Symbol.for, so every client and every bundled copy of this package on a page explains an origin once.
const EXPLAINED = Symbol.for('hausportal.origin-explained');
const store = globalThis as unknown as Record<symbol, Set<string> | undefined>;

/**
 * The text the console gets, once per page, API and origin: which origin was refused and the setting that admits it
 * (the server's HP_DEV_ORIGINS in development, the organization's allowed origins in production).
 */
export function originAdvice(origin: string, api: string): string {
  const apiOrigin = safeOrigin(api);
  const loopback = apiOrigin && sameButLoopbackName(origin, apiOrigin)
    ? ` Note that ${origin} and ${apiOrigin} are different origins to the browser (localhost and 127.0.0.1 are not the same).`
    : '';
  return (
    `Hausportal: the portal API at ${api} answers, but does not allow requests from this page's origin ${origin} (CORS).` +
    ` To admit it, add ${origin} to HP_DEV_ORIGINS on a development server (comma-separated, e.g. HP_DEV_ORIGINS=${origin}),` +
    ` or to the organization's allowed origins (allowed_origins) in production.${loopback}`
  );
}

/**
 * Wraps the client's transport. When a request fails with a network error (fetch's TypeError) on a page whose origin
 * differs from the API's, it asks `GET {baseUrl}/health` in `no-cors` mode, which CORS cannot block: if that
 * resolves, the server is reachable and the failure was the browser refusing this origin, so the request rejects with
 * an {@link OriginNotAllowedError} and the console is told once what to configure. Otherwise (offline, server down,
 * same origin, no browser) the original error stays. Requests that fail at the same time share one probe; aborts
 * and HTTP error answers pass through untouched.
 */
export function explainBlockedOrigin(transport: typeof fetch, baseUrl: string): typeof fetch {
  let probe: Promise<boolean> | null = null;
  const reachable = (): Promise<boolean> =>
    (probe ??= transport(`${baseUrl.replace(/\/+$/, '')}/health`, { mode: 'no-cors', credentials: 'omit', cache: 'no-store' })
      .then(() => true, () => false)
      .finally(() => {
        probe = null;
      }));

  return async (input, init) => {
    try {
      return await transport(input, init);
    } catch (error) {
      const origin = pageOrigin();
      const api = absoluteApiUrl(baseUrl);
      if (!(error instanceof TypeError) || !origin || safeOrigin(api) === origin) throw error;
      if (!(await reachable())) throw error;
      const explained = (store[EXPLAINED] ??= new Set());
      if (!explained.has(`${origin} ${api}`)) {
        explained.add(`${origin} ${api}`);
        console.error(originAdvice(origin, api));
      }
      throw new OriginNotAllowedError(origin, api, error);
    }
  };
}

function pageOrigin(): string | null {
  const origin = (globalThis as { location?: { origin?: string } }).location?.origin;
  return origin && origin !== 'null' ? origin : null;
}

function safeOrigin(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

/** `http://localhost:8080` and `http://127.0.0.1:8080`: the same server under its two loopback names. */
function sameButLoopbackName(a: string, b: string): boolean {
  const loopback = new Set(['localhost', '127.0.0.1', '[::1]']);
  const [x, y] = [new URL(a), new URL(b)];
  return x.protocol === y.protocol && x.port === y.port && x.hostname !== y.hostname && loopback.has(x.hostname) && loopback.has(y.hostname);
}
