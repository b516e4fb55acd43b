import type { Request } from 'express';
import type { OverviewAppointment, OverviewBalance, OverviewDocument, OverviewNotice, OverviewPerson, OverviewProperty, OverviewTicket, PostAppointment, PostType } from '@hausportal/api';
import type { Auth } from '../auth/middleware.ts';
import type { Ctx } from '../context.ts';
import type { ContractRow } from '../access/contracts.ts';
import type { PropertyContactRow } from '../organizations.ts';
import { buildMe } from '../auth/users.ts';
import { json } from '../db.ts';
import { loadProperties, propertiesOfContracts, rolesByProperty } from '../units/properties.ts';
import { unitSummaries } from '../units/summaries.ts';
import { openItems } from '../statement/open-items.ts';
import { categoryTree, documentPage, unreadCount } from '../documents/queries.ts';
import type { BoardItem } from '../posts/queries.ts';
import { myTicketStates, ticketsInTab } from '../tickets/queries.ts';
import { span } from '../chat/data/building.ts';

// The parts of GET /overview, each from the function behind the endpoint that shows it in full, with that endpoint's
// access rule (DESIGN §6a): personal data as GET /me, properties and balances as GET /units (contracts valid today
// only), open items as GET /open-items, documents as GET /documents, notices as GET /posts, tickets as GET /tickets.

/** Who the overview is for: the session, the organization's day, the session's language and the person (null: none). */
export interface Scope {
  ctx: Ctx;
  req: Request;
  auth: Auth;
  /** Today, YYYY-MM-DD, in the organization's time zone (calendar.ts `today`). */
  day: string;
  /** The session's language (users.locale). */
  lang: 'de' | 'en';
  /** The session's person (documents/queries.ts `viewerOf`); null for a manager or a login without person. */
  personId: string | null;
  /** My contracts valid today (begun and not ended), in unit order. */
  current: ContractRow[];
}

/** An element count the overview lists at most (openapi.yaml Overview: documents, notices, tickets maxItems). */
export const listed = 5;

/**
 * Name, email, phone and address, exactly as GET /me reports them (auth/users.ts `buildMe`); in a manager's preview
 * without the phone, which is the user's own (preview/sessions.ts `previewMe`).
 */
export async function personPart(s: Scope): Promise<OverviewPerson> {
  const me = await buildMe(s.ctx.read, s.auth.user, s.auth.member, s.auth.org);
  return { name: me.name, email: me.email, phone: s.auth.preview ? null : (me.phone ?? null), address: me.address ?? null };
}

/** A contact row with the office hours of migration 012 (null or missing: none given). */
type ContactRow = PropertyContactRow & { office_hours?: string | null };

/**
 * The properties of my contracts valid today, as GET /units lists them (address, absolute image URL), with my roles
 * there and the contacts whose `visible_to` holds one of those roles, each with its office hours.
 */
export async function propertiesPart(s: Scope): Promise<OverviewProperty[]> {
  const roles = rolesByProperty(s.current);
  const properties = await loadProperties(s.ctx, s.req, s.auth, roles, propertiesOfContracts(s.current));
  // Read after loadProperties, which has just put them in the organization cache.
  const contacts = await s.ctx.orgs.contactsOf(properties.map((p) => p.id));
  return properties.map((p) => {
    const mine = roles.get(p.id)!;
    const rows = (contacts.get(p.id) ?? []) as ContactRow[];
    return {
      id: p.id,
      name: p.name,
      address: p.address,
      imageUrl: p.imageUrl,
      roles: [...mine].sort(),
      contacts: rows
        .filter((c) => json<string[]>(c.visible_to, []).some((role) => mine.has(role as 'tenant' | 'owner')))
        .map((c) => ({ category: c.category, name: c.name, phone: c.phone ?? null, email: c.email ?? null, officeHours: c.office_hours ?? null })),
    };
  });
}

/**
 * One row per contract valid today: the balance GET /units reports (positive: owed), the open items past their due
 * day (due before today, the organization's day) as GET /open-items lists them, and whether the statement offers a
 * payment QR code for it — GET /open-items gives a payment instruction for every contract with an open sum when the
 * organization has a bank account, whatever the contract's payment method — while something is owed.
 */
export async function balancesPart(s: Scope): Promise<OverviewBalance[]> {
  const { ctx, auth, day, current } = s;
  const [summaries, open] = await Promise.all([unitSummaries(ctx.read, current, day), openItems(ctx.read, auth, current, day)]);
  return current.map((c, i) => {
    const balanceCents = summaries[i]!.balanceCents;
    const overdueCents = open.items
      .filter((item) => item.unitId === c.unit_id && item.accountNo === c.account_no && item.openCents > 0 && item.dueOn !== null && item.dueOn < day)
      .reduce((sum, item) => sum + item.openCents, 0);
    const payable = balanceCents > 0 && open.payments.some((p) => p.unitId === c.unit_id && p.accountNo === c.account_no);
    return { unitId: c.unit_id, propertyId: c.property_id, top: c.top, role: c.role, balanceCents, overdueCents, payable };
  });
}

/** The first {@link listed} documents of GET /documents (newest document date first) and the unread count of all. */
export async function documentsPart(s: Scope): Promise<{ items: OverviewDocument[]; unread: number }> {
  const { ctx, auth, day, personId } = s;
  if (personId === null) return { items: [], unread: 0 };
  const [page, unread, tree] = await Promise.all([
    documentPage(ctx, auth, personId, day, {}, listed, null),
    unreadCount(ctx, auth.org.id, personId, day),
    categoryTree(ctx.read, auth.org.id),
  ]);
  const names = new Map(tree.map((c) => [c.id, c.name[s.lang]]));
  const items = page.items.map((d) => ({ id: d.id, title: d.title, category: names.get(d.categoryId) ?? '', publishedAt: d.releasedAt, unread: d.seenAt === null }));
  return { items, unread };
}

const typeRank: Record<PostType, number> = { danger: 0, warning: 1, info: 2, neutral: 3 };

/** Danger first, then warning, info, neutral; in each, the newest publication or substantial change first, then the id. */
const noticeOrder = (a: BoardItem, b: BoardItem): number => {
  const rank = typeRank[a.summary.type] - typeRank[b.summary.type];
  if (rank !== 0) return rank;
  const [x, y] = [a.summary.revisedAt ?? a.summary.publishedAt, b.summary.revisedAt ?? b.summary.publishedAt];
  return x !== y ? (x < y ? 1 : -1) : a.summary.id < b.summary.id ? 1 : -1;
};

/** A notice not yet opened in its current revision (GET /posts `unreadCount` counts these). */
const isUnread = (item: BoardItem): boolean => item.summary.read.openedAt === null;

/** An appointment as instants: all day from the first day's midnight to the midnight after the last (the organization's zone). */
function instants(a: PostAppointment, timeZone: string): { from: number; to: number | null; end: number } {
  const { start, end } = span(a, timeZone);
  return { from: start, to: a.allDay ? end + 1 : a.end ? end : null, end };
}

/** The board's appointments that have not ended at `now` (ms), soonest first (then id). */
function coming(board: BoardItem[], timeZone: string, now: number): { item: BoardItem; from: number; to: number | null }[] {
  return board
    .flatMap((item) => (item.summary.appointment ? [{ item, ...instants(item.summary.appointment, timeZone) }] : []))
    .filter((x) => x.end >= now)
    .sort((a, b) => a.from - b.from || (a.item.summary.id < b.item.summary.id ? -1 : 1));
}

/** What the overview takes from my notices of today (GET /posts, posts/queries.ts `myBoard`). */
export interface NoticeParts {
  notices: OverviewNotice[];
  next: OverviewAppointment | null;
  unread: number;
  /** Unread notices whose appointment has not ended. */
  appointments: number;
}

/** The first {@link listed} notices in {@link noticeOrder}, the next appointment and the unread counts of all of them. */
export function noticeParts(board: BoardItem[], timeZone: string, now: number): NoticeParts {
  const notices = [...board].sort(noticeOrder).slice(0, listed).map(({ summary: p }) => ({
    id: p.id,
    title: p.title,
    type: p.type,
    publishedAt: p.publishedAt,
    unread: p.read.openedAt === null,
    appointmentFrom: p.appointment ? new Date(instants(p.appointment, timeZone).from).toISOString() : null,
  }));
  const ahead = coming(board, timeZone, now);
  const first = ahead[0];
  const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
  const next = first ? { postId: first.item.summary.id, title: first.item.summary.title, from: iso(first.from)!, to: iso(first.to) } : null;
  return { notices, next, unread: board.filter(isUnread).length, appointments: ahead.filter((x) => isUnread(x.item)).length };
}

/** My open tickets (tab "Offen" of GET /tickets, the status my role sees), the first {@link listed}, and how many of all have unread updates. */
export async function ticketsPart(s: Scope): Promise<{ items: OverviewTicket[]; unread: number }> {
  const { ctx, auth, personId } = s;
  if (personId === null) return { items: [], unread: 0 };
  const states = await myTicketStates(ctx.read, auth.org, personId);
  const items = ticketsInTab(states, 'open', ctx.clock())
    .slice(0, listed)
    .map((t) => ({ id: t.id, number: t.number, subject: t.subject, status: t.status, updatedAt: t.changedAt, unread: t.unread }));
  return { items, unread: states.filter((st) => st.summary.unread).length };
}
