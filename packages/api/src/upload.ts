import { ApiError, type UploadOptions, type UploadResult } from './client-types.js';
import { toProblem } from './client.js';
import { ServerNotAnsweringError, type RefreshOutcome } from './refresh.js';
import type { TokenState } from './token-state.js';

/** What came back from one XMLHttpRequest. */
interface Answer {
  status: number;
  statusText: string;
  body: unknown;
}

/** Refresh before sending when the access token runs out within this many milliseconds (as the fetch middleware). */
const EXPIRY_MARGIN = 10_000;

/**
 * The client's `upload`: a multipart POST through XMLHttpRequest, whose upload progress events fetch does not have.
 * The access token goes as Bearer; a 401 refreshes once (shared with every other request of the client) and sends
 * again with the new token, like the fetch middleware (auth-middleware.ts). Error answers reject with an
 * {@link ApiError}; the network with a TypeError, an abort through `signal` with an AbortError, a refresh the server
 * does not answer with a ServerNotAnsweringError.
 */
export function createUpload(baseUrl: string, state: TokenState, refresh: () => Promise<RefreshOutcome>, xhr: () => XMLHttpRequest) {
  const base = baseUrl.replace(/\/$/, '');
  return async function upload<T = unknown>(path: string, body: FormData, options: UploadOptions = {}): Promise<UploadResult<T>> {
    if (state.token && Date.now() > state.expiresAt - EXPIRY_MARGIN && (await refresh()) === 'unreachable' && Date.now() >= state.expiresAt) {
      throw new ServerNotAnsweringError();
    }
    const generation = state.generation;
    let answer = await send(xhr(), `${base}${path}`, body, state.token, options);
    if (answer.status === 401 && state.token && !isCredentialProblem(answer.body)) {
      if (generation === state.generation && (await refresh()) === 'unreachable') throw new ServerNotAnsweringError();
      if (state.token) answer = await send(xhr(), `${base}${path}`, body, state.token, options);
    }
    if (answer.status >= 200 && answer.status < 300) return { data: answer.body as T, status: answer.status };
    throw new ApiError(toProblem(answer.body, new Response(null, { status: answer.status, statusText: answer.statusText })));
  };
}

const isCredentialProblem = (body: unknown) => {
  const code = (body as { code?: unknown } | null)?.code;
  return code === 'invalid_credentials' || code === 'wrong_password';
};

function send(request: XMLHttpRequest, url: string, body: FormData, token: string | null, options: UploadOptions): Promise<Answer> {
  const { signal, onProgress, headers = {} } = options;
  return new Promise<Answer>((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const abort = () => request.abort();
    const done = () => signal?.removeEventListener('abort', abort);
    request.open('POST', url);
    if (token) request.setRequestHeader('Authorization', `Bearer ${token}`);
    for (const [name, value] of Object.entries(headers)) request.setRequestHeader(name, value);
    request.upload.addEventListener('progress', (event) => onProgress?.(event.loaded, event.total));
    request.addEventListener('load', () => {
      done();
      resolve({ status: request.status, statusText: request.statusText, body: parse(request) });
    });
    request.addEventListener('error', () => (done(), reject(new TypeError('Failed to fetch'))));
    request.addEventListener('abort', () => (done(), reject(signal?.reason ?? new DOMException('The upload was aborted.', 'AbortError'))));
    signal?.addEventListener('abort', abort, { once: true });
    request.send(body);
  });
}

function parse(request: XMLHttpRequest): unknown {
  const text = request.responseText;
  if (!text) return undefined;
  if (!(request.getResponseHeader('Content-Type') ?? '').includes('json')) return text;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
