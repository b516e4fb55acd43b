// Shared parts of the residents' mock APIs (documents, tickets, notices): handlers that need a signed-in person, the
// per-person data a story page changes, drawn pictures for image attachments, and the stories' parameters.
import { http, HttpResponse, type HttpHandler } from 'msw';
import type { Me } from '@hausportal/api';
import { tenantKatharina } from './data.js';
import { API } from './handlers.js';
import { problem } from './problems.js';
import { loggedIn } from './scenarios.js';
import { sessionOf, tokenOf } from './sessions.js';
import { textPdf } from './statement-data.js';

/** A handler for a signed-in person: 401 without a valid token. */
export function signedIn(method: 'get' | 'post', path: string, answer: (me: Me, request: Request, params: Record<string, string>) => Response | Promise<Response>): HttpHandler {
  return http[method](`${API}${path}`, ({ request, params }) => {
    const session = sessionOf(request);
    if (!session) return problem(tokenOf(request) ? 'invalid_token' : 'unauthenticated', { headers: { 'WWW-Authenticate': 'Bearer' } });
    return answer(session.user, request, params as Record<string, string>);
  });
}

/** Where a person's items live while the page is open (their reads and steps change them). */
export interface PersonStore<T> {
  get(me: Me): T[];
  set(me: Me, items: T[]): void;
}

/** Each person's own items, made by `itemsOf` on first use and kept (per user and organization) while the page is open. */
export function perPerson<T>(itemsOf: (me: Me) => T[]): PersonStore<T> {
  const visits = new Map<string, T[]>();
  const key = (me: Me) => `${me.username}|${me.organization}`;
  return { get: (me) => visits.get(key(me)) ?? itemsOf(me), set: (me, items) => visits.set(key(me), items) };
}

/** The same items for every person (a story's own, changed by its reads and steps). */
export function fixedStore<T>(items: T[]): PersonStore<T> {
  let current = items;
  return { get: () => current, set: (_me, next) => (current = next) };
}

/** A hue (0–359) that follows from `text`, so each picture has its own colours. */
const hue = (text: string) => [...text].reduce((h, c) => (h * 31 + c.charCodeAt(0)) % 360, 7);

/** A drawn 320 × 240 picture for an image attachment: `shapes` are SVG elements in colours of the hue of `name`. */
export function drawnPicture(name: string, shapes: (hue: number) => string): Blob {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="320" height="240" viewBox="0 0 320 240">\n${shapes(hue(name))}</svg>`;
  return new Blob([svg], { type: 'image/svg+xml' });
}

/** An attachment's answer: `picture` shown inline, or else a PDF with the name and `about`, as a download. */
export function attachmentFile(name: string, picture: Blob | null, about: string): Response {
  const body = picture ?? new Blob([textPdf([name, about], name) as BlobPart], { type: 'application/pdf' });
  const disposition = `${picture ? 'inline' : 'attachment'}; filename*=UTF-8''${encodeURIComponent(name)}`;
  return new HttpResponse(body, { headers: { 'Content-Type': body.type, 'Content-Disposition': disposition, 'X-Content-Type-Options': 'nosniff' } });
}

/** The msw parameters of a resident widget's stories over `routes`, the mock API of its endpoints. */
export function residentStories(routes: HttpHandler[]) {
  return {
    /** The handlers of `variants` (before the others, so they win), `routes` and Katharina Huber signed in. */
    handlers: (...variants: HttpHandler[][]) => ({ msw: { handlers: [...variants.flat(), ...routes, ...loggedIn(tenantKatharina)] } }),
    /** `me` signed in; with `org` the page asks for that organization (its theme too). */
    as: (me: Me, org?: string) => ({ ...(org ? { hausportal: { org } } : {}), msw: { handlers: [...routes, ...loggedIn(me)] } }),
    /** Nobody signed in. */
    signedOut: { msw: { handlers: routes } },
  };
}
