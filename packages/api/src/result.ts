import { ApiError } from './client-types.js';
import { toProblem } from './client.js';

/** An openapi-fetch answer. */
export interface FetchResult<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/**
 * Unwraps an openapi-fetch answer: its data when the request succeeded, otherwise an {@link ApiError} carrying the
 * problem body (or one made from the status line when the body is not a problem).
 */
export async function dataOf<T>(request: Promise<FetchResult<T>>): Promise<T> {
  const { data, error, response } = await request;
  if (response.ok && data !== undefined) return data;
  throw new ApiError(toProblem(error, response));
}
