// Ticket notice mails: "Anliegen <number>: <subject>" with the status the recipient's role sees, in his language, as
// a sentence when the mail tells of one ticket and as a short list of several; a subject with a line break stays one
// line; a digest mixing documents and tickets words each line by its kind.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { noticeMail, type NoticeItem } from '../src/notifications/texts.ts';
import { statusLabels } from '../src/tickets/notices.ts';

const organization = { id: 'org-1', name: 'Krüger Immobilien', portalUrl: 'https://www.krueger.example' };
const ticket = (kind: 'ticket_status' | 'ticket_comment', number: string, subject: string, s: keyof typeof statusLabels, author?: 'staff' | 'resident'): NoticeItem =>
  ({ kind, category: statusLabels[s], title: `${number}: ${subject}`, ticket: { number, subject, ...(author ? { author } : {}) } });
const status = (number: string, subject: string, s: keyof typeof statusLabels) => ticket('ticket_status', number, subject, s);
const mail = (locale: 'de' | 'en', items: NoticeItem[], channel: 'immediate' | 'digest' = 'immediate') =>
  noticeMail({ to: 'a@example.test', name: 'Jana Schulz', organization, locale, channel, items });

describe('ticket notice mails', () => {
  test('a status change: "Anliegen <number>: <subject>" and a sentence with the visible status, in German and English', () => {
    const de = mail('de', [status('2026-00042', 'Lift steht', 'in_progress')]);
    assert.equal(de.subject, 'Krüger Immobilien: Anliegen 2026-00042: Lift steht – In Bearbeitung');
    assert.ok(de.text.startsWith('Guten Tag, Jana Schulz,\n\nIhr Anliegen 2026-00042 („Lift steht“) hat einen neuen Stand: In Bearbeitung.\n\n'), de.text);
    assert.ok(de.text.includes('https://www.krueger.example'), de.text);
    const en = mail('en', [status('2026-00042', 'Lift steht', 'done')]);
    assert.equal(en.subject, 'Krüger Immobilien: Request 2026-00042: Lift steht – Done');
    assert.ok(en.text.includes('\n\nYour request 2026-00042 ("Lift steht") has a new status: Done.\n\n'), en.text);
    for (const m of [de, en]) assert.ok(!/Ticket|Meldung/.test(m.subject + m.text), m.text);
  });

  test('a reply of the manager and a message of a neighbour are told apart; a subject with a line break stays on its line', () => {
    const reply = mail('de', [ticket('ticket_comment', '2026-00007', 'Heizung\r\nBcc: x@evil.example', 'waiting', 'staff')]);
    assert.equal(reply.subject, 'Krüger Immobilien: Anliegen 2026-00007: Heizung Bcc: x@evil.example – neue Antwort');
    assert.ok(reply.text.includes('\n\ndie Hausverwaltung hat auf Ihr Anliegen 2026-00007 („Heizung Bcc: x@evil.example“) geantwortet. Aktueller Stand: Wartend.\n\n'), reply.text);
    const neighbour = mail('en', [ticket('ticket_comment', '2026-00008', 'Lift', 'in_progress', 'resident')]);
    assert.equal(neighbour.subject, 'Krüger Immobilien: Request 2026-00008: Lift – new message');
    assert.ok(neighbour.text.includes('There is a new message about your request 2026-00008 ("Lift"). Current status: In progress.'), neighbour.text);
  });

  test('several tickets: a short list, counted as updates on requests', () => {
    const de = mail('de', [status('2026-00042', 'Lift steht', 'done'), ticket('ticket_comment', '2026-00043', 'Tür klemmt', 'in_progress', 'staff')]);
    assert.equal(de.subject, 'Krüger Immobilien: 2 Neuigkeiten zu Ihren Anliegen');
    for (const line of ['- Anliegen 2026-00042: Lift steht – neuer Stand: Erledigt', '- Anliegen 2026-00043: Tür klemmt – Antwort der Hausverwaltung (Stand: In Bearbeitung)']) {
      assert.ok(de.text.split('\n').includes(line), `${line}\n${de.text}`);
    }
  });

  test('a digest with documents and tickets counts them as news and words each line by its kind', () => {
    const m = mail('en', [
      { kind: 'document', category: { de: 'Abrechnungen', en: 'Statements' }, title: 'BK 2025' },
      status('2026-00042', 'Lift steht', 'closed'),
      ticket('ticket_comment', '2026-00043', 'Tür klemmt', 'in_progress', 'staff'),
    ], 'digest');
    assert.match(m.subject, /your daily summary, 3 new items$/);
    for (const line of ['- BK 2025 (category Statements)', '- Request 2026-00042: Lift steht – new status: Closed', '- Request 2026-00043: Tür klemmt – reply from the property manager (status: In progress)']) {
      assert.ok(m.text.split('\n').includes(line), `${line}\n${m.text}`);
    }
  });
});
