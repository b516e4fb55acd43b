// Mock API for the portal's overview: GET /overview for the signed-in demo person (401 without a token), from the
// demo answers of the shell's overview (@hausportal/shell overview/testing.ts): an owner gets Elisabeth Wagner's
// four units, everyone else Katharina Huber's flat, each with their own personal details. Plus story variants.
import { delay, http, HttpResponse, type HttpHandler } from 'msw';
import type { Me, Overview } from '@hausportal/api';
import { demoOverview, noUnitsOverview, ownerOverview } from '../../packages/shell/src/overview/testing.js';
import { API } from './handlers.js';
import { problem } from './problems.js';
import { signedIn } from './resident.js';

/** The person's own details in an overview. */
const personOf = (me: Me): Overview['person'] => ({ name: me.name, email: me.email, phone: me.phone ?? null, address: me.address ?? null });

/** GET /overview answering `answer(me)` to the signed-in person. */
const overviewRoute = (answer: (me: Me) => Overview): HttpHandler[] => [
  signedIn('get', '/overview', (me) => HttpResponse.json({ ...answer(me), person: personOf(me), asOf: new Date().toISOString() })),
];

/** The demo overview of each person: an owner's units or a tenant's flat. */
export const overviewHandlers: HttpHandler[] = overviewRoute((me) => (me.role === 'owner' ? ownerOverview() : demoOverview()));

/** No current unit (contracts ended or not begun yet). */
export const overviewNoUnits = (): HttpHandler[] => overviewRoute(() => noUnitsOverview());

/** The owner's overview for anyone signed in. */
export const overviewOwner = (): HttpHandler[] => overviewRoute(() => ownerOverview());

/** Loading fails (500). */
export const overviewFails = (): HttpHandler[] => [http.get(`${API}/overview`, () => problem('internal_error'))];

/** Never answers: the loading state. */
export const overviewPending = (): HttpHandler[] => [http.get(`${API}/overview`, () => delay('infinite'))];
