import type { TicketActions, TicketAuthor, TicketDetail, TicketFile, TicketPage, TicketStatus, TicketSummary, TicketThreadEntry } from '@hausportal/api';

// No DOM and no element here: Node scripts (the bench, the mock API) import this file as
// `@hausportal/ticket-list/testing.js`.

const DAY = 86_400_000;
const open: readonly TicketStatus[] = ['new', 'in_progress', 'waiting'];

const labelled = (key: string, de: string, en = de) => ({ key, label: { de, en } });

/** The demo forms and damage categories, labelled as the seed labels them. */
export const forms = {
  damage: labelled('schadensmeldung', 'Schadensmeldung', 'Damage report'),
  general: labelled('allgemeine-anfrage', 'Allgemeine Anfrage', 'General enquiry'),
  billing: labelled('fragen-abrechnung', 'Fragen zur Abrechnung', 'Questions about the statement'),
  document: labelled('dokumentenanforderung', 'Dokumentenanforderung', 'Document request'),
};
export const categories = {
  sanitary: labelled('sanitaer', 'Sanitär', 'Plumbing'),
  heating: labelled('heizung', 'Heizung/Warmwasser', 'Heating/hot water'),
  electric: labelled('elektro', 'Elektro', 'Electrics'),
  windows: labelled('fenster-tueren', 'Fenster/Türen', 'Windows/doors'),
  mould: labelled('feuchtigkeit', 'Feuchtigkeit/Schimmel', 'Damp/mould'),
  lift: labelled('lift', 'Lift', 'Lift'),
};
const places = ['Linke Wienzeile 48, Top 7', 'Linke Wienzeile 48', 'Gumpendorfer Straße 14, Top 3', 'Schönbrunner Straße 102, Top 12'];

/** A ticket as GET /tickets lists it; `status` is the one the reader's role sees. */
export function ticketSummary(id: string, number: string, subject: string, status: TicketStatus, changedAt: string, extra: Partial<TicketSummary> = {}): TicketSummary {
  return {
    id,
    number,
    subject,
    form: forms.damage,
    category: categories.sanitary,
    location: labelled('kueche', 'Küche', 'Kitchen'),
    status,
    place: places[0]!,
    shared: false,
    affected: false,
    affectedCount: 0,
    createdAt: changedAt,
    changedAt,
    unread: false,
    ...extra,
  };
}

const subjects: [subject: string, category: keyof typeof categories, shared: boolean][] = [
  ['Wasserhahn in der Küche tropft', 'sanitary', false],
  ['Heizkörper im Wohnzimmer bleibt kalt', 'heating', false],
  ['Licht im Stiegenhaus defekt', 'electric', true],
  ['Wohnungstür schließt nicht richtig', 'windows', false],
  ['Schimmel an der Decke im Bad', 'mould', false],
  ['Lift Stiege 2 steht', 'lift', true],
  ['Klospülung läuft ständig nach', 'sanitary', false],
  ['Kein Warmwasser seit gestern', 'heating', false],
];
const statuses: readonly TicketStatus[] = ['new', 'in_progress', 'waiting', 'done', 'closed', 'rejected'];

/**
 * `n` made-up tickets of one person: damage reports in every status and category, every fourth unread, building-wide
 * ones joined as affected, changed from an hour to years before `now`; newest change first, as the server lists them.
 * Deterministic, for tests, stories and the bench.
 */
export function generateTickets(n: number, now = Date.UTC(2026, 3, 15, 8)): TicketSummary[] {
  return Array.from({ length: n }, (_, i) => {
    const [subject, category, shared] = subjects[i % subjects.length]!;
    const changedAt = new Date(now - 3_600_000 * (1 + i * 7)).toISOString();
    const seq = String(n - i).padStart(5, '0');
    return ticketSummary(`ticket-${seq}`, `2026-${seq}`, subject, statuses[(i * 5) % statuses.length]!, changedAt, {
      category: categories[category],
      place: shared ? places[1]! : places[i % 4 === 1 ? 2 : 0]!,
      shared,
      affected: shared && i % 2 === 1,
      affectedCount: shared ? 3 : 0,
      createdAt: new Date(Date.parse(changedAt) - 5 * DAY).toISOString(),
      unread: i % 4 === 0,
    });
  });
}

/** The tab of GET /tickets a ticket belongs to at `now`: open, done (the last 30 days) or archive. */
export function tabOf(t: TicketSummary, now = Date.now()): 'open' | 'done' | 'archive' {
  if (open.includes(t.status)) return 'open';
  return t.status === 'done' || now - Date.parse(t.changedAt) <= 30 * DAY ? 'done' : 'archive';
}

const encode = (offset: number) => `at${offset.toString(36)}`;

/** One page of `items` (already in the server's order) as GET /tickets answers it; `unreadCount` over `all`. */
export function ticketPage(items: readonly TicketSummary[], limit = 50, cursor?: string | null, all: readonly TicketSummary[] = items): TicketPage {
  const start = cursor ? parseInt(cursor.slice(2), 36) : 0;
  const end = Math.min(start + limit, items.length);
  let unreadCount = unreadCounts.get(all);
  if (unreadCount === undefined) unreadCounts.set(all, (unreadCount = all.filter((t) => t.unread).length));
  return { items: items.slice(start, end), nextCursor: end < items.length ? encode(end) : null, unreadCount };
}

// Counted once per list: paging through many tickets must not count them on every page (the bench times the widget).
const unreadCounts = new WeakMap<readonly TicketSummary[], number>();

/** What the rules let the reporter (not a person who joined as affected) do in `status`. */
export function actionsFor(t: Pick<TicketDetail, 'status' | 'affected' | 'reopenUntil'>, now = Date.now()): TicketActions {
  const reporter = !t.affected;
  const done = reporter && t.status === 'done';
  return {
    comment: t.status !== 'closed' && t.status !== 'rejected',
    withdraw: reporter && open.includes(t.status),
    confirm: done,
    reopen: done && !!t.reopenUntil && Date.parse(t.reopenUntil) > now,
    rate: reporter && t.status === 'closed',
  };
}

/** A ticket as GET /tickets/{id} answers it: `summary` with no fields, files or thread unless given. */
export function ticketDetail(summary: TicketSummary, extra: Partial<TicketDetail> = {}): TicketDetail {
  const reopenUntil = summary.status === 'done' ? new Date(Date.parse(summary.changedAt) + 14 * DAY).toISOString() : null;
  const detail: TicketDetail = { ...summary, fields: [], files: [], thread: [], reopenUntil, rating: null, firstAnswerBy: null, urgency: null, actions: actionsFor({ ...summary, reopenUntil }), ...extra };
  return extra.actions ? detail : { ...detail, actions: actionsFor(detail) };
}

/** A file of a ticket; images have a preview. */
export const ticketFile = (id: string, name: string, size = 184_000, createdAt = '2026-04-01T08:00:00Z'): TicketFile => {
  const mime = /\.pdf$/i.test(name) ? 'application/pdf' : /\.png$/i.test(name) ? 'image/png' : 'image/jpeg';
  return { id, name, mime, size, thumb: mime !== 'application/pdf', createdAt };
};

export const me = (name: string): TicketAuthor => ({ kind: 'resident', name, me: true });
export const staff = (name: string | null = 'Sabine Gruber'): TicketAuthor => ({ kind: 'staff', name, me: false });

/** A thread entry: a comment (`body`), a status change (`status`) or a released document (`document`). */
export const entry = (id: string, at: string, author: TicketAuthor, parts: Partial<TicketThreadEntry>): TicketThreadEntry => ({
  id,
  kind: parts.document ? 'document' : parts.status ? 'status' : 'comment',
  at,
  author,
  ...parts,
});

/** What a resident does with a ticket, as the fake servers of tests and stories get it. */
export type ResidentStep =
  | { kind: 'comments'; body: string; files: TicketFile[] }
  | { kind: 'withdraw' | 'confirm' }
  | { kind: 'reopen'; comment: string }
  | { kind: 'rating'; stars: number; comment?: string };

/**
 * The ticket after a resident's step, as the reference server answers it: a comment (with files) joins the thread;
 * withdraw → rejected, confirm → closed, reopen → in_progress (the comment first), each with its status entry; a
 * rating is kept. Null when the rules do not allow the step (the server's 409).
 */
export function applyStep(t: TicketDetail, step: ResidentStep, author: TicketAuthor, at = new Date().toISOString()): TicketDetail | null {
  const allowed = { comments: t.actions.comment, withdraw: t.actions.withdraw, confirm: t.actions.confirm, reopen: t.actions.reopen, rating: t.actions.rate };
  if (!allowed[step.kind]) return null;
  const n = t.thread.length;
  const thread = [...t.thread];
  const change = (status: TicketStatus, reasonCode: TicketThreadEntry['reasonCode']) => {
    thread.push(entry(`${t.id}-e${n + 2}`, at, author, { status, reasonCode }));
    return status;
  };
  let status = t.status;
  let rating = t.rating;
  if (step.kind === 'comments') thread.push(entry(`${t.id}-e${n + 1}`, at, author, { body: step.body, files: step.files }));
  else if (step.kind === 'withdraw') status = change('rejected', 'withdrawn');
  else if (step.kind === 'confirm') status = change('closed', 'confirmed');
  else if (step.kind === 'reopen') {
    thread.push(entry(`${t.id}-e${n + 1}`, at, author, { body: step.comment }));
    status = change('in_progress', 'reopened');
  } else if (step.kind === 'rating') rating = step.comment ? { stars: step.stars, comment: step.comment } : { stars: step.stars };
  const next = { ...t, status, rating, thread, changedAt: at, unread: false, reopenUntil: status === 'done' ? t.reopenUntil : null };
  return { ...next, actions: actionsFor(next) };
}

export { demoTickets } from './demo.js';
