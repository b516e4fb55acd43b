// Mock API for units: GET /units, GET /units/{id}; plus story variants (no units, failure, never answering,
// an owner with thousands of generated units).
import { delay, http, HttpResponse, type HttpHandler } from 'msw';
import type { FieldError, Me } from '@hausportal/api';
import { generateUnits, pageOf, type UnitData } from '@hausportal/unit-list/testing.js';
import { API } from './handlers.js';
import { invalid, problem } from './problems.js';
import { sessionOf, tokenOf } from './sessions.js';
import { unitOf, unitsOf } from './unit-data.js';

const cursorPattern = /^[A-Za-z0-9_-]{1,512}$/;
const idPattern = /^[0-9A-Za-z-]{8,64}$/;

function unauthenticated(request: Request) {
  return problem(tokenOf(request) ? 'invalid_token' : 'unauthenticated', { headers: { 'WWW-Authenticate': 'Bearer' } });
}

/** GET /units over `data(me)`, with the contract's limit (1–200, default 100) and cursor checks. */
function listUnits(data: (me: Me) => UnitData): HttpHandler {
  return http.get(`${API}/units`, ({ request }) => {
    const session = sessionOf(request);
    if (!session) return unauthenticated(request);
    const query = new URL(request.url).searchParams;
    const errors: FieldError[] = [];
    const limit = Number(query.get('limit') ?? 100);
    if (!Number.isInteger(limit) || limit < 1 || limit > 200) errors.push({ field: 'limit', code: 'maximum', message: 'must be between 1 and 200' });
    const cursor = query.get('cursor');
    if (cursor !== null && !cursorPattern.test(cursor)) errors.push({ field: 'cursor', code: 'pattern', message: 'is not a valid cursor' });
    if (errors.length) return invalid(errors);
    return HttpResponse.json(pageOf(data(session.user), limit, cursor));
  });
}

export const unitHandlers: HttpHandler[] = [
  listUnits(unitsOf),
  http.get(`${API}/units/:id`, ({ request, params }) => {
    const session = sessionOf(request);
    if (!session) return unauthenticated(request);
    const id = String(params.id);
    if (!idPattern.test(id)) return invalid([{ field: 'id', code: 'pattern', message: 'is not a valid id' }]);
    const unit = unitOf(session.user, id);
    return unit ? HttpResponse.json(unit) : problem('not_found');
  }),
];

/** The signed-in person has no units. */
export function noUnits(): HttpHandler[] {
  return [listUnits(() => ({ items: [], properties: [] }))];
}

/** GET /units fails with 500. */
export function unitsFail(): HttpHandler[] {
  return [http.get(`${API}/units`, () => problem('internal_error'))];
}

/** GET /units never answers (the loading state). */
export function unitsPending(): HttpHandler[] {
  return [http.get(`${API}/units`, () => delay('infinite'))];
}

/** The signed-in person owns `n` generated units across many properties (pages of at most 200). */
export function manyUnits(n: number): HttpHandler[] {
  const data = generateUnits(n, { role: 'mixed' });
  return [listUnits(() => data)];
}
