import { ApiError, type Problem } from '@hausportal/api';

interface FetchResult<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/**
 * Unwraps an openapi-fetch answer: the data on success, otherwise throws an {@link ApiError} carrying the
 * problem body (and `retryAfter` seconds from a `Retry-After` header, for 429).
 */
export async function call<T>(request: Promise<FetchResult<T>>): Promise<T | undefined> {
  const { data, error, response } = await request;
  if (response.ok) return data;
  const body = error as Partial<Problem> | undefined;
  const problem: Problem =
    body && typeof body === 'object' && typeof body.status === 'number'
      ? (body as Problem)
      : { type: 'about:blank', title: response.statusText || `HTTP ${response.status}`, status: response.status };
  const apiError = new ApiError(problem);
  const retryAfter = Number(response.headers.get('Retry-After'));
  if (Number.isFinite(retryAfter) && retryAfter > 0) Object.assign(apiError, { retryAfter });
  throw apiError;
}
