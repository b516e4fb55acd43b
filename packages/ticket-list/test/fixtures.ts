import { html, waitUntil } from '@open-wc/testing';
import type { Me, OrganizationPublic, TicketDetail } from '@hausportal/api';
import { createFakeApi, demoMe, problem, sessionFixture, dataValues, shadowQuery, signedIn, testPicture, unreadCounts as heard, visibleText, type FakeHandler, type FakeRoutes } from '@hausportal/core/testing.js';
import { HpTicketsUnreadEvent, type HpTicketList } from '../src/index.js';
import { applyStep, demoTickets, me, tabOf, ticketFile, ticketPage, type ResidentStep } from '../src/testing.js';
import '../src/define.js';

export interface TicketServer {
  tickets: TicketDetail[];
  /** tab, limit and cursor of every GET /tickets. */
  pages: { tab: string | null; limit: string | null; cursor: string | null }[];
  /** Ids of every POST /tickets/{id}/read. */
  reads: string[];
  /** `size` of every file request (null: the file itself). */
  files: (string | null)[];
}

/**
 * A fake tickets API over `tickets` (the demo tenant's by default): the list by tab and page, the detail, read marks,
 * the resident's steps as the rules allow them (409 otherwise), previews (PNG), files and released documents.
 */
export function ticketRoutes(tickets: TicketDetail[] = demoTickets(), overrides: FakeRoutes = {}): { routes: FakeRoutes; server: TicketServer } {
  const server: TicketServer = { tickets: structuredClone(tickets), pages: [], reads: [], files: [] };
  const find = (id?: string) => server.tickets.find((t) => t.id === id);
  const unread = () => server.tickets.filter((t) => t.unread).length;
  const step = (make: (body: unknown) => ResidentStep): FakeHandler =>
    signedIn(({ params, body, user }) => {
      const ticket = find(params.id);
      if (!ticket) return problem(404, 'not_found');
      const next = applyStep(ticket, make(body), me(user!.name));
      if (!next) return problem(409, 'conflict');
      server.tickets = server.tickets.map((t) => (t === ticket ? next : t));
      return next;
    });
  const routes: FakeRoutes = {
    'GET /tickets': signedIn(({ query }) => {
      const tab = query.get('tab') ?? 'open';
      server.pages.push({ tab: query.get('tab'), limit: query.get('limit'), cursor: query.get('cursor') });
      const items = server.tickets.filter((t) => tabOf(t) === tab).sort((a, b) => b.changedAt.localeCompare(a.changedAt));
      return { ...ticketPage(items, Number(query.get('limit') ?? 50), query.get('cursor')), unreadCount: unread() };
    }),
    'GET /tickets/{id}': signedIn(({ params }) => find(params.id) ?? problem(404, 'not_found')),
    'POST /tickets/{id}/read': signedIn(({ params }) => {
      server.reads.push(params.id!);
      if (!find(params.id)) return problem(404, 'not_found');
      server.tickets = server.tickets.map((t) => (t.id === params.id ? { ...t, unread: false } : t));
      return { unreadCount: unread() };
    }),
    'POST /tickets/{id}/comments': step((body) => {
      const form = body as FormData;
      const files = form.getAll('files').map((f, i) => ticketFile(`f-new-${i}`, (f as File).name, (f as File).size));
      return { kind: 'comments', body: String(form.get('body')), files };
    }),
    'POST /tickets/{id}/withdraw': step(() => ({ kind: 'withdraw' })),
    'POST /tickets/{id}/confirm': step(() => ({ kind: 'confirm' })),
    'POST /tickets/{id}/reopen': step((body) => ({ kind: 'reopen', comment: (body as { comment: string }).comment })),
    'POST /tickets/{id}/rating': step((body) => ({ kind: 'rating', ...(body as { stars: number; comment?: string }) })),
    'GET /tickets/{id}/files/{fileId}': signedIn(async ({ params, query }) => {
      server.files.push(query.get('size'));
      const file = [...(find(params.id)?.files ?? []), ...(find(params.id)?.thread.flatMap((e) => e.files ?? []) ?? [])].find((f) => f.id === params.fileId);
      if (!file) return problem(404, 'not_found');
      return { status: 200, body: query.get('size') === 'thumb' ? await testPicture() : new Blob([`file ${file.name}`], { type: file.mime }) };
    }),
    'GET /documents/{id}/file': signedIn(({ params }) => ({ status: 200, body: new Blob([`%PDF-1.4 ${params.id}`], { type: 'application/pdf' }) })),
    ...overrides,
  };
  return { routes, server };
}

/** `<hp-ticket-list>` in a session of `user` (the demo tenant unless given) on the given routes. */
export async function ticketsWidget(routes: FakeRoutes, options: { user?: Me | null; lang?: 'de' | 'en'; ticket?: string; organization?: OrganizationPublic } = {}) {
  const fake = createFakeApi(routes, { user: options.user === undefined ? demoMe : options.user, ...(options.organization ? { organization: options.organization } : {}) });
  const el = await sessionFixture<HpTicketList>(html`<hp-ticket-list ticket=${options.ticket ?? ''}></hp-ticket-list>`, { client: fake.client, lang: options.lang ?? 'de' });
  return { el, fake };
}

export const root = (el: HpTicketList) => el.shadowRoot!;

/** Visible text of the element, whitespace collapsed. */
export const text = visibleText;

/** Ids of the ticket rows in the order shown. */
export const rowIds = (el: HpTicketList) => dataValues(el, 'ticket');

export const row = (el: HpTicketList, id: string) => shadowQuery(el, `[data-ticket="${id}"]`);

export const $ = shadowQuery;

/** Resolves once the first page (or a final state) is shown. */
export async function loaded(el: HpTicketList): Promise<void> {
  await el.list.loaded;
  await el.updateComplete;
}

/** Opens the ticket `id` by its row and waits until its detail shows (and it was marked read). */
export async function openTicket(el: HpTicketList, id: string): Promise<void> {
  $(el, `[data-open="${id}"]`).click();
  await el.updateComplete;
  await el.detail.loaded;
  await el.updateComplete;
  // The detail's rendering loads with the first ticket opened.
  await waitUntil(() => el.shadowRoot!.querySelector('.detail, [part=error]'), 'the detail did not show');
}

/** The counts of every `hp-tickets-unread` heard on the document (it bubbles and is composed), per test. */
export const unreadCounts = () => heard(HpTicketsUnreadEvent.eventName);

export { gate } from '@hausportal/core/testing.js';
