// Mock API for Storybook: default handlers, state variants and demo data.
import type { HttpHandler } from 'msw';
import { handlers as accountHandlers } from './handlers.js';
import { statementHandlers } from './statement.js';
import { unitHandlers } from './units.js';
import { documentHandlers } from './documents.js';
import { formHandlers } from './tickets-forms.js';
import { ticketHandlers } from './tickets.js';
import { postHandlers } from './posts.js';
import { overviewHandlers } from './overview.js';

export { API, API_BASE } from './handlers.js';
/** Every endpoint of openapi.yaml, answering like the reference server with demo data. */
export const handlers: HttpHandler[] = [...accountHandlers, ...unitHandlers, ...statementHandlers, ...documentHandlers, ...formHandlers, ...ticketHandlers, ...postHandlers, ...overviewHandlers];
export * from './scenarios.js';
export * from './data.js';
export { withPendingActions } from './sessions.js';
export { problem, problemBody } from './problems.js';
