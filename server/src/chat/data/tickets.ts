import type { ChatChoice, ChatItem, TicketDetail, TicketSummary, TicketThreadEntry } from '@hausportal/api';
import type { Auth } from '../../auth/middleware.ts';
import type { Ctx } from '../../context.ts';
import { dayIn } from '../../calendar.ts';
import { HttpProblem } from '../../http/problems.ts';
import { myTicketStates, ticketsInTab, type SummaryState } from '../../tickets/queries.ts';
import { residentTicket } from '../../tickets/view.ts';
import { statusLabels } from '../../tickets/notices.ts';
import { normalize, words } from '../nlu/normalize.ts';
import type { ReplyParts } from '../types.ts';
import { dataReply, date, excerpt, navigate, say, type Speaker } from './format.ts';

// Answers about the person's tickets ("Anliegen"), from what GET /tickets and GET /tickets/{id} give him: the
// tickets he follows in the session's organization (tickets/queries.ts myTicketStates), each with the status his
// role may see (access/tickets.ts) — never the real one, never an internal comment or reason (tickets/view.ts
// residentTicket selects none). A ticket number that is not among them — another person's, another organization's
// or one that does not exist — gets one and the same answer.

/** Who asks about tickets: the session, how to speak, his person and his words. */
export interface TicketQuestion {
  ctx: Ctx;
  auth: Auth;
  s: Speaker;
  personId: string;
  text: string;
  ticketNumber?: string;
}

const statusText = (s: Speaker, status: TicketSummary['status']): string => statusLabels[status][s.lang];

const dayOf = (q: TicketQuestion, instant: string): string => dayIn(Date.parse(instant), q.auth.org.timeZone);

const listAction = (s: Speaker) => navigate(say(s, { de: 'Meine Anliegen öffnen', en: 'Open my requests' }), 'ticket-list');

const row = (q: TicketQuestion, t: TicketSummary): ChatItem => ({
  label: `${t.number} ${t.subject}`,
  detail: `${statusText(q.s, t.status)} · ${say(q.s, { de: 'geändert am', en: 'changed on' })} ${date(q.s, dayOf(q, t.changedAt))}`,
});

/** "Sie haben 3 offene Anliegen." and the latest three of the tab "Offen", as GET /tickets?tab=open lists them. */
function openList(q: TicketQuestion, open: TicketSummary[], lead: string[] = []): ReplyParts {
  const { s } = q;
  const n = open.length;
  const count =
    n === 0 ? say(s, { de: 'Sie haben keine offenen Anliegen.', en: 'You have no open requests.' })
      : say(s, { de: `Sie haben ${n} ${n === 1 ? 'offenes' : 'offene'} Anliegen.`, en: `You have ${n} open ${n === 1 ? 'request' : 'requests'}.` });
  const latest = n > 3 ? [say(s, { de: 'Die letzten drei:', en: 'The latest three:' })] : [];
  return dataReply(s, [...lead, count, ...latest], { items: open.slice(0, 3).map((t) => row(q, t)), actions: [listAction(s)] });
}

/** data.tickets_open: how many of my tickets are open, and the latest three with the status my role sees. */
export async function ticketsOpenAnswer(q: TicketQuestion): Promise<ReplyParts> {
  const states = await myTicketStates(q.ctx.read, q.auth.org, q.personId);
  return openList(q, ticketsInTab(states, 'open', q.ctx.clock()));
}

/** Words that say nothing about which ticket is meant. */
const noise = new Set(
  ('aber alle auch bei bin bis bitte das dem den der des die ein eine einen einer fuer gibt habe hat ich ihr ihre ist jetzt kann kommt mein meine '
    + 'meinem meinen meiner mir mit nach nicht noch oder schon sein sind und uns von was wann warum wie wieso wird werden zum zur stand status '
    + 'anliegen meldung meldungen ticket nummer the and for with when what will are was how where why request requests about has have any news')
    .split(' '),
);

/** The words of a question or subject (normalized as the bot reads messages) that can tell tickets apart: three letters or more, no {@link noise}. */
const keywords = (text: string): string[] => words(normalize(text)).filter((w) => w.length >= 3 && !noise.has(w));

/** 1 for the same word, ½ when one is the start of the other (a compound: "Lift" in "Liftkosten"), else 0. */
function likeness(a: string, b: string): number {
  if (a === b) return 1;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return short.length >= 4 && long.startsWith(short) ? 0.5 : 0;
}

/** How well the question's words match a ticket's subject, category and location. */
function matchScore(question: string[], t: TicketSummary): number {
  const words = keywords([t.subject, t.category ?? '', t.location ?? ''].join(' '));
  return question.reduce((sum, w) => sum + Math.max(0, ...words.map((x) => likeness(w, x))), 0);
}

/**
 * The ticket the question's words name best ("Wann wird der Lift repariert?" → my ticket about the lift), open ones
 * first on a tie, then the latest change; null when no word matches.
 */
export function bestMatch(states: readonly SummaryState[], text: string, openIds: ReadonlySet<string>): TicketSummary | null {
  const question = keywords(text);
  if (question.length === 0) return null;
  const scored = states.map((st) => ({ t: st.summary, score: matchScore(question, st.summary) })).filter((x) => x.score > 0);
  scored.sort((a, b) => b.score - a.score || Number(openIds.has(b.t.id)) - Number(openIds.has(a.t.id)) || (a.t.changedAt < b.t.changedAt ? 1 : -1));
  return scored[0]?.t ?? null;
}

/** The latest thing staff told the person in the public thread: a comment, or a status change's public reason. */
const lastStaffWord = (thread: readonly TicketThreadEntry[]): { at: string; text: string } | null => {
  const entry = thread.findLast((e) => e.author.kind === 'staff' && ((e.kind === 'comment' && e.body) || (e.kind === 'status' && e.reason)));
  return entry ? { at: entry.at, text: (entry.kind === 'comment' ? entry.body : entry.reason)! } : null;
};

/** One ticket's visible status, since when, until when it waits, and the latest public word of the staff. */
function statusReply(q: TicketQuestion, detail: TicketDetail): ReplyParts {
  const { s } = q;
  const lastStatus = detail.thread.findLast((e) => e.kind === 'status');
  const since = lastStatus ? ` (${say(s, { de: 'seit', en: 'since' })} ${date(s, dayOf(q, lastStatus.at))})` : '';
  const lines = [say(s, {
    de: `Ihr Anliegen ${detail.number} „${detail.subject}“: ${statusText(s, detail.status)}${since}.`,
    en: `Your request ${detail.number} "${detail.subject}": ${statusText(s, detail.status)}${since}.`,
  })];
  if (lastStatus?.waitingUntil) lines.push(say(s, { de: `Wartet bis ${date(s, lastStatus.waitingUntil)}.`, en: `Waiting until ${date(s, lastStatus.waitingUntil)}.` }));
  const word = lastStaffWord(detail.thread);
  if (word) {
    const when = date(s, dayOf(q, word.at));
    lines.push(say(s, { de: `Letzte Nachricht der Hausverwaltung (${when}): „${excerpt(word.text, 400)}“`, en: `Latest message from the management (${when}): "${excerpt(word.text, 400)}"` }));
  }
  const open = navigate(say(s, { de: `Anliegen ${detail.number} öffnen`, en: `Open request ${detail.number}` }), 'ticket-list', { ticket: detail.id });
  return dataReply(s, lines, { items: [row(q, detail)], actions: [open] });
}

/** The answer for a ticket number that is not among mine: the same whatever the number belongs to. */
const unknownNumber = (q: TicketQuestion, number: string): ReplyParts =>
  dataReply(q.s, [say(q.s, { de: `Ein Anliegen mit der Nummer ${number} finde ich unter Ihren Anliegen nicht.`, en: `I cannot find a request numbered ${number} among your requests.` })], { actions: [listAction(q.s)] });

/** GET /tickets/{id} for one of my tickets; null when it is not (or no longer) mine. */
async function detailOf(q: TicketQuestion, ticketId: string): Promise<TicketDetail | null> {
  try {
    return await residentTicket(q.ctx, q.auth, ticketId);
  } catch (err) {
    if (err instanceof HttpProblem && err.status === 404) return null;
    throw err;
  }
}

/**
 * data.ticket_status: for a ticket number, that ticket if it is mine (else the same answer as for an unknown
 * number); without one, my ticket whose subject the question names; else my open tickets with a choice each.
 */
export async function ticketStatusAnswer(q: TicketQuestion): Promise<ReplyParts> {
  const states = await myTicketStates(q.ctx.read, q.auth.org, q.personId);
  if (q.ticketNumber !== undefined) {
    const mine = states.find((st) => st.summary.number === q.ticketNumber);
    const detail = mine ? await detailOf(q, mine.summary.id) : null;
    return detail ? statusReply(q, detail) : unknownNumber(q, q.ticketNumber);
  }
  const open = ticketsInTab(states, 'open', q.ctx.clock());
  const match = bestMatch(states, q.text, new Set(open.map((t) => t.id)));
  const detail = match ? await detailOf(q, match.id) : null;
  if (detail) return statusReply(q, detail);
  const lead = open.length > 0 ? [say(q.s, { de: 'Welches Anliegen meinen Sie?', en: 'Which request do you mean?' })] : [];
  const choices: ChatChoice[] = open.slice(0, 3).map((t) => ({ label: `${t.number} ${excerpt(t.subject, 60)}`, value: { intent: 'data.ticket_status', ticketNumber: t.number } }));
  return { ...openList(q, open, lead), choices };
}

/**
 * My open ticket (tab "Offen" of GET /tickets) whose subject, category or location the question names with at least
 * one whole word, or null. chat/service.ts answers such a question with that ticket's status even where an FAQ entry
 * also fits: "Wann wird der Lift repariert?" is about my lift ticket, not about lift faults in general.
 */
export async function openTicketNamed(ctx: Ctx, auth: Auth, personId: string, text: string): Promise<TicketSummary | null> {
  const question = keywords(text);
  if (question.length === 0) return null;
  const open = ticketsInTab(await myTicketStates(ctx.read, auth.org, personId), 'open', ctx.clock());
  const scored = open.map((t) => ({ t, score: matchScore(question, t) })).filter((x) => x.score >= 1);
  scored.sort((a, b) => b.score - a.score || (a.t.changedAt < b.t.changedAt ? 1 : -1));
  return scored[0]?.t ?? null;
}
