export * from './types.js';
export * from './client-types.js';
export * from './password-policy.js';
export { createApiClient, toProblem } from './client.js';
export { absoluteApiUrl, type TabMessage } from './tabs.js';
export { dataOf, type FetchResult } from './result.js';
export { dayIn, daysBetween } from './calendar.js';
export { OriginNotAllowedError, isOriginNotAllowed, originAdvice } from './origin-check.js';
export { ServerNotAnsweringError, isServerNotAnswering } from './refresh.js';
