// Ticket notice mails: the ticket's number and subject with the status the recipient's role sees, in his language;
// a subject with a line break stays one line; a digest mixing documents and tickets words each line by its kind.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { noticeMail } from '../src/notifications/texts.ts';
import { statusLabels } from '../src/tickets/notices.ts';

const organization = { id: 'org-1', name: 'Krüger Immobilien', portalUrl: 'https://www.krueger.example' };
const status = (title: string, s: keyof typeof statusLabels) => ({ kind: 'ticket_status', category: statusLabels[s], title });

describe('ticket notice mails', () => {
  test('a status change names the ticket and the visible status, in German and English', () => {
    const de = noticeMail({ to: 'a@example.test', name: 'Jana Schulz', organization, locale: 'de', channel: 'immediate', items: [status('Ticket 2026-00042: Lift steht', 'in_progress')] });
    assert.equal(de.subject, 'Krüger Immobilien: Ticket 2026-00042: Lift steht – Status: In Bearbeitung');
    assert.ok(de.text.includes('\n- Ticket 2026-00042: Lift steht – Status: In Bearbeitung\n'), de.text);
    assert.ok(de.text.includes('1 neuer Status Ihrer Meldungen'), de.text);
    const en = noticeMail({ to: 'a@example.test', organization, locale: 'en', channel: 'immediate', items: [status('Ticket 2026-00042: Lift steht', 'done')] });
    assert.equal(en.subject, 'Krüger Immobilien: Ticket 2026-00042: Lift steht – status: Done');
    assert.ok(en.text.includes('\n- Ticket 2026-00042: Lift steht – status: Done\n'), en.text);
  });

  test('a reply names the ticket; a subject with a line break stays on its line', () => {
    const mail = noticeMail({
      to: 'a@example.test', organization, locale: 'de', channel: 'immediate',
      items: [{ kind: 'ticket_comment', category: statusLabels.waiting, title: 'Ticket 2026-00007: Heizung\r\nBcc: x@evil.example' }],
    });
    assert.equal(mail.subject, 'Krüger Immobilien: Neue Antwort zu Ticket 2026-00007: Heizung Bcc: x@evil.example');
    assert.ok(mail.text.includes('\n- Ticket 2026-00007: Heizung Bcc: x@evil.example – neue Antwort (Status: Wartend)\n'), mail.text);
  });

  test('a digest with documents and tickets counts them as news and words each line by its kind', () => {
    const mail = noticeMail({
      to: 'a@example.test', organization, locale: 'en', channel: 'digest',
      items: [
        { kind: 'document', category: { de: 'Abrechnungen', en: 'Statements' }, title: 'BK 2025' },
        status('Ticket 2026-00042: Lift steht', 'closed'),
        { kind: 'ticket_comment', category: statusLabels.in_progress, title: 'Ticket 2026-00043: Tür klemmt' },
      ],
    });
    assert.match(mail.subject, /your daily summary, 3 new items$/);
    for (const line of ['- BK 2025 (category Statements)', '- Ticket 2026-00042: Lift steht – status: Closed', '- Ticket 2026-00043: Tür klemmt – new reply (status: In progress)']) {
      assert.ok(mail.text.split('\n').includes(line), `${line}\n${mail.text}`);
    }
  });
});
