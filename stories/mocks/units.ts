// Mock API for units: GET /units, GET /units/{id}.
import type { HttpHandler } from 'msw';

export const unitHandlers: HttpHandler[] = [];
