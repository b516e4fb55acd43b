// Mock API for Storybook: default handlers, state variants and demo data.
export { API, API_BASE, handlers } from './handlers.js';
export * from './scenarios.js';
export * from './data.js';
export { withPendingActions } from './sessions.js';
export { problem, problemBody } from './problems.js';
