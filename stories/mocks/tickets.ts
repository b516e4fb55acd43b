// Mock API for tickets: GET /tickets (tab, limit, cursor), GET /tickets/{id}, POST /tickets/{id}/read, /comments
// (multipart), /withdraw, /confirm, /reopen, /rating, and GET /tickets/{id}/files/{fileId} (a drawn picture as the
// preview, the picture or a PDF as the file), scoped like the reference server (someone else's ticket answers 404
// like an unknown id; a step the rules do not allow answers 409). Each demo user's tickets are the demo tenant's of
// @hausportal/ticket-list/testing.js, placed at their own unit, the released document being their own contract (so
// the documents mock downloads it). Plus story variants.
import { delay, http, HttpResponse, type HttpHandler } from 'msw';
import type { Me, TicketDetail, TicketStatus } from '@hausportal/api';
import { applyStep, demoTickets, generateTickets, me as author, tabOf, ticketDetail, ticketFile, ticketPage, type ResidentStep } from '@hausportal/ticket-list/testing.js';
import { API } from './handlers.js';
import { invalid, problem } from './problems.js';
import { attachmentFile, drawnPicture, fixedStore, perPerson, signedIn, type PersonStore } from './resident.js';
import { unitsOf } from './unit-data.js';

/**
 * The demo tickets of `me`, at their first unit (the building-wide ones at its street). Krüger shows its tenants
 * `waiting` as `in_progress` (the seed's visibility setting), so they get that status, in the list and the thread.
 */
function ticketsOf(me: Me): TicketDetail[] {
  const { items: [unit], properties: [property] } = unitsOf(me);
  const street = property?.address.street ?? 'Linke Wienzeile 48';
  const place = (p: string) => (p.includes(', Top') ? `${street}, Top ${unit?.top ?? '7'}` : street);
  const shown = <T extends { status?: TicketStatus }>(x: T): T => (me.organization === 'krueger' && me.role === 'tenant' && x.status === 'waiting' ? { ...x, status: 'in_progress' } : x);
  return demoTickets(Date.now(), me.name).map((t) => ({
    ...shown(t),
    place: place(t.place),
    thread: t.thread.map((e) => shown(e.document && unit ? { ...e, document: { ...e.document, id: `d-${unit.id}-vertrag` } } : e)),
  }));
}

/** Where a person's tickets live while the page is open (their steps change them). */
type Desk = PersonStore<TicketDetail>;

const demoDesk: Desk = perPerson(ticketsOf);

/** A drawn "photo" for an image attachment: a wall, a floor and a window in colours of its name. */
const picture = (name: string): Blob =>
  drawnPicture(
    name,
    (h) => `<rect width="320" height="240" fill="hsl(${h} 30% 80%)"/><rect y="170" width="320" height="70" fill="hsl(${(h + 40) % 360} 20% 45%)"/>
<rect x="40" y="40" width="90" height="100" fill="hsl(205 70% 85%)" stroke="#fff" stroke-width="6"/><circle cx="230" cy="120" r="38" fill="hsl(${(h + 180) % 360} 45% 55%)"/>`,
  );

const json = async (request: Request) => ((await request.json().catch(() => null)) ?? {}) as Record<string, unknown>;

/** The steps a resident takes, read from their requests; an invalid body is null (400). */
const steps: Record<string, (request: Request) => Promise<ResidentStep | null>> = {
  comments: async (request) => {
    const form = await request.formData();
    const body = String(form.get('body') ?? '').trim();
    const files = form.getAll('files').filter((f): f is File => f instanceof File);
    return body ? { kind: 'comments', body, files: files.map((f, i) => ticketFile(`f-${Date.now().toString(36)}-${i}`, f.name, f.size, new Date().toISOString())) } : null;
  },
  withdraw: async () => ({ kind: 'withdraw' }),
  confirm: async () => ({ kind: 'confirm' }),
  reopen: async (request) => {
    const comment = String((await json(request)).comment ?? '').trim();
    return comment ? { kind: 'reopen', comment } : null;
  },
  rating: async (request) => {
    const { stars, comment } = await json(request);
    if (!Number.isInteger(stars) || (stars as number) < 1 || (stars as number) > 5) return null;
    return { kind: 'rating', stars: stars as number, ...(typeof comment === 'string' && comment ? { comment } : {}) };
  },
};

/** The ticket endpoints over `desk`. */
function ticketRoutes(desk: Desk): HttpHandler[] {
  const find = (me: Me, id: string) => desk.get(me).find((t) => t.id === id);
  const unread = (me: Me) => desk.get(me).filter((t) => t.unread).length;
  const replace = (me: Me, next: TicketDetail) => desk.set(me, desk.get(me).map((t) => (t.id === next.id ? next : t)));
  return [
    signedIn('get', '/tickets', (me, request) => {
      const query = new URL(request.url).searchParams;
      const tab = query.get('tab') ?? 'open';
      const limit = Number(query.get('limit') ?? 100);
      if (!['open', 'done', 'archive'].includes(tab)) return invalid([{ field: 'tab', code: 'enum', message: 'must be open, done or archive' }]);
      if (!(limit >= 1 && limit <= 200)) return invalid([{ field: 'limit', code: 'maximum', message: 'must be between 1 and 200' }]);
      const items = desk.get(me).filter((t) => tabOf(t) === tab).sort((a, b) => b.changedAt.localeCompare(a.changedAt));
      const page = ticketPage(items.map(({ fields, files, thread, actions, reopenUntil, rating, firstAnswerBy, urgency, ...summary }) => summary), limit, query.get('cursor'));
      return HttpResponse.json({ ...page, unreadCount: unread(me) });
    }),
    signedIn('get', '/tickets/:id', (me, _request, { id }) => {
      const ticket = find(me, id!);
      return ticket ? HttpResponse.json(ticket) : problem('not_found');
    }),
    signedIn('post', '/tickets/:id/read', (me, _request, { id }) => {
      const ticket = find(me, id!);
      if (!ticket) return problem('not_found');
      replace(me, { ...ticket, unread: false });
      return HttpResponse.json({ unreadCount: unread(me) });
    }),
    ...Object.entries(steps).map(([kind, read]) =>
      signedIn('post', `/tickets/:id/${kind}`, async (me, request, { id }) => {
        const ticket = find(me, id!);
        if (!ticket) return problem('not_found');
        const step = await read(request);
        if (!step) return invalid([{ field: kind === 'rating' ? '/stars' : '/comment', code: 'required', message: 'is required' }]);
        const next = applyStep(ticket, step, author(me.name));
        if (!next) return problem('conflict', { status: 409, detail: 'The ticket does not allow this step in its status.' });
        replace(me, next);
        return HttpResponse.json(next, { status: kind === 'comments' ? 201 : 200 });
      }),
    ),
    signedIn('get', '/tickets/:id/files/:fileId', (me, request, { id, fileId }) => {
      const ticket = find(me, id!);
      const file = ticket && [...ticket.files, ...ticket.thread.flatMap((e) => e.files ?? [])].find((f) => f.id === fileId);
      if (!file) return problem('not_found');
      const thumb = new URL(request.url).searchParams.get('size') === 'thumb';
      if (thumb && !file.thumb) return problem('not_found');
      return attachmentFile(file.name, file.thumb ? picture(file.name) : null, `Anliegen ${ticket.number}`);
    }),
  ];
}

/** Every ticket endpoint over the demo users' tickets (for the default handlers in ./index.ts). */
export const ticketHandlers: HttpHandler[] = ticketRoutes(demoDesk);

/** A desk of fixed tickets for every person (a story's own, changed by its steps). */
const fixed: (tickets: TicketDetail[]) => Desk = fixedStore;

/** The signed-in person has no tickets. */
export function noTickets(): HttpHandler[] {
  return ticketRoutes(fixed([]));
}

/** GET /tickets fails with 500. */
export function ticketsFail(): HttpHandler[] {
  return [http.get(`${API}/tickets`, () => problem('internal_error'))];
}

/** GET /tickets never answers (the loading state). */
export function ticketsPending(): HttpHandler[] {
  return [http.get(`${API}/tickets`, () => delay('infinite'))];
}

/** The signed-in person has `n` generated open tickets (pages of 50: "load more"). */
export function manyTickets(n: number): HttpHandler[] {
  return ticketRoutes(fixed(generateTickets(n, Date.now()).map((t) => ticketDetail({ ...t, status: t.status === 'done' ? 'in_progress' : t.status === 'closed' || t.status === 'rejected' ? 'new' : t.status }))));
}
