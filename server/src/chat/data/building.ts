import type { Request } from 'express';
import type { ChatAction, ChatItem, PostAppointment, PropertyContact } from '@hausportal/api';
import type { Auth } from '../../auth/middleware.ts';
import type { Ctx } from '../../context.ts';
import type { ContractRow } from '../../access/contracts.ts';
import { instantAt } from '../../notifications/digest.ts';
import { noticeFacts } from '../../posts/facts.ts';
import { myBoard, type BoardItem } from '../../posts/queries.ts';
import { viewerFor } from '../../posts/routes.ts';
import { loadProperties, propertiesOfContracts, rolesByProperty } from '../../units/properties.ts';
import type { ReplyParts } from '../types.ts';
import { dataReply, navigate, say, type Speaker, type Text } from './format.ts';

// Answers about the building: the next appointment among the notices the person may see today (GET /posts,
// posts/queries.ts myBoard) and the property's contacts visible to his role (GET /units, units/properties.ts
// loadProperties), for the properties where he holds a contract today.

/** Who asks about the building, and how to speak. */
export interface BuildingQuestion {
  ctx: Ctx;
  req: Request;
  auth: Auth;
  s: Speaker;
}

/** The appointment's start and end as instants (ms); all-day ones from the start of the first to the end of the last day. */
export function span(a: PostAppointment, timeZone: string): { start: number; end: number } {
  if (!a.allDay) return { start: Date.parse(a.start), end: Date.parse(a.end ?? a.start) };
  const lastDay = a.end ?? a.start;
  return { start: instantAt(a.start, 0, timeZone).getTime(), end: instantAt(lastDay, 24, timeZone).getTime() - 1 };
}

/** "Donnerstag, 10.12.2026, 08:00–12:00 Uhr, Keller" (posts/facts.ts, as the notice mails write it). */
const whenText = (s: Speaker, a: PostAppointment, timeZone: string): string => {
  const facts = noticeFacts({ appointment_start: a.start, appointment_end: a.end ?? null, appointment_all_day: a.allDay, appointment_place: a.place ?? null, visible_until: null }, timeZone);
  const line = facts[s.lang][0] ?? '';
  return line.slice(line.indexOf(': ') + 2);
};

/** data.next_appointment: the next appointment (not yet over) of my notices today, and up to two after it. */
export async function nextAppointmentAnswer(q: BuildingQuestion): Promise<ReplyParts> {
  const { s, auth } = q;
  const zone = auth.org.timeZone;
  const now = q.ctx.clock().getTime();
  const board = await myBoard(q.ctx, auth, viewerFor(q.ctx, auth));
  const coming = board
    .filter((item): item is BoardItem & { summary: { appointment: PostAppointment } } => item.summary.appointment !== null)
    .map((item) => ({ item, span: span(item.summary.appointment, zone) }))
    .filter((x) => x.span.end >= now)
    .sort((a, b) => a.span.start - b.span.start || (a.item.summary.id < b.item.summary.id ? -1 : 1))
    .map((x) => x.item.summary);
  const first = coming[0];
  if (!first) {
    const none = { de: 'Am Schwarzen Brett ist derzeit kein Termin angekündigt.', en: 'No appointment is announced on the notice board at the moment.' };
    return dataReply(s, [say(s, none)], { actions: [navigate(say(s, { de: 'Schwarzes Brett öffnen', en: 'Open the notice board' }), 'bulletin-board')] });
  }
  const when = whenText(s, first.appointment, zone);
  const lines = [say(s, { de: `Nächster Termin: „${first.title}“ – ${when}.`, en: `Next appointment: "${first.title}" – ${when}.` })];
  const items: ChatItem[] = coming.slice(0, 3).map((p) => ({ label: p.title, detail: whenText(s, p.appointment, zone) }));
  return dataReply(s, lines, { items, actions: [navigate(say(s, { de: 'Aushang öffnen', en: 'Open the notice' }), 'bulletin-board', { post: first.id })] });
}

const categoryNames: Record<PropertyContact['category'], Record<Speaker['locale'], string>> = {
  case_manager: { 'de-AT': 'Sachbearbeitung', 'de-DE': 'Sachbearbeitung', 'en-GB': 'Case manager' },
  accounting: { 'de-AT': 'Buchhaltung', 'de-DE': 'Buchhaltung', 'en-GB': 'Accounting' },
  caretaker: { 'de-AT': 'Hausbetreuung', 'de-DE': 'Hausmeister', 'en-GB': 'Caretaker' },
};

/**
 * data.contact: the contacts of my properties visible to my roles there (name, category, phone, email), for the
 * contracts given (valid today; one property when the question names a unit of mine), with a call action for the
 * first three phone numbers.
 */
export async function contactAnswer(q: BuildingQuestion, contracts: ContractRow[]): Promise<ReplyParts> {
  const { s } = q;
  const properties = await loadProperties(q.ctx, q.req, q.auth, rolesByProperty(contracts), propertiesOfContracts(contracts));
  const several = properties.length > 1;
  const items: ChatItem[] = [];
  const calls: ChatAction[] = [];
  for (const p of properties) {
    for (const c of p.contacts) {
      const what = categoryNames[c.category][s.locale];
      // The phone goes into a call button (up to three), the row keeps the role and the email.
      const call = c.phone !== null && c.phone !== undefined && calls.length < 3;
      if (call) calls.push({ type: 'call', label: `${c.name} (${what}): ${c.phone}`, phone: c.phone! });
      items.push({ label: `${c.name} (${several ? `${what}, ${p.address.street}` : what})`, detail: [call ? null : c.phone, c.email].filter(Boolean).join(' · ') });
    }
  }
  const streets = properties.map((p) => p.address.street).join(', ');
  const text: Text = items.length > 0
    ? { de: `Ihre Ansprechpersonen für ${streets}:`, en: `Your contacts for ${streets}:` }
    : { de: `Für ${streets} sind keine Ansprechpersonen hinterlegt.`, en: `No contacts are listed for ${streets}.` };
  return dataReply(s, [say(s, text)], { items, actions: [...calls, navigate(say(s, { de: 'Meine Einheiten öffnen', en: 'Open my units' }), 'unit-list')] });
}
